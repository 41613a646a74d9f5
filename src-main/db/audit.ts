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

/** The machine's account: the actor while a database has no people (and on the command line). */
export function machineUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

let signedIn: string | null = null;

/** The app calls this when someone signs in (or null when the database changes). */
export function setSignedIn(name: string | null): void {
  signedIn = name;
}

/** Who is acting: the person signed in to the app, else the machine's account. */
export function currentActor(): string {
  return signedIn ?? machineUser();
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
