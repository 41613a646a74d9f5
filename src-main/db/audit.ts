import { userInfo } from 'node:os';
import type { Db } from './open';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entity_id?: string | null;
  /** Ids and counts only: never names, addresses or other personal data. */
  detail?: unknown;
}

/** The person at this machine, until user profiles exist. */
export function currentActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function audit(db: Db, entry: AuditEntry): void {
  db.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)`).run(
    new Date().toISOString(),
    entry.actor,
    entry.action,
    entry.entity,
    entry.entity_id ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  );
}
