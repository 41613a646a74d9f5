/**
 * The last evaluation's hits (trigger_hits) and when it ran (settings `triggers_last_run`):
 * written whole, replacing the previous evaluation in one transaction, and read in the order
 * they were evaluated (rule by rule, strongest first).
 */
import type { IsoDate } from '../../src-shared/domain';
import type { TriggerHit, TriggerHitsPage } from '../../src-shared/kli';
import { getSetting, setSetting } from '../bank/stats';
import type { Db } from '../db/open';
import type { HitRow } from './evaluate';

const LAST_RUN_KEY = 'triggers_last_run';

export interface LastRun {
  evaluated_at: string;
  as_of: IsoDate | null;
  hits: number;
  /** What the evaluation read (after-import.ts), so an unchanged bank is not evaluated again. */
  fingerprint: string;
}

export function lastRun(db: Db): LastRun | null {
  const raw = getSetting(db, LAST_RUN_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as LastRun;
  } catch {
    return null;
  }
}

/** Replaces the stored hits; call inside a transaction. */
export function storeHits(db: Db, run: LastRun, hits: HitRow[]): void {
  db.prepare('DELETE FROM trigger_hits').run();
  const insert = db.prepare(
    `INSERT INTO trigger_hits (trigger_id, customer_id, account_id, as_of, evidence, action, evaluated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const hit of hits) {
    insert.run(hit.trigger_id, hit.customer_id, hit.account_id, run.as_of, hit.evidence, hit.action, run.evaluated_at);
  }
  setSetting(db, LAST_RUN_KEY, JSON.stringify(run));
}

const HIT_COLUMNS = `h.trigger_id,
    COALESCE(json_extract(r.definition, '$.name'), h.trigger_id) AS trigger_name,
    h.customer_id, c.customer_number, c.first_name || ' ' || c.last_name AS name,
    a.account_number, h.as_of, h.evidence, h.action
  FROM trigger_hits h
  JOIN customers c ON c.id = h.customer_id
  LEFT JOIN accounts a ON a.id = h.account_id
  LEFT JOIN trigger_rules r ON r.id = h.trigger_id`;

/** One page of hits (page 0 first). */
export function readHits(db: Db, page: number, pageSize: number): TriggerHitsPage {
  const run = lastRun(db);
  const hits = db
    .prepare(`SELECT ${HIT_COLUMNS} ORDER BY h.id LIMIT ? OFFSET ?`)
    .all(pageSize, page * pageSize) as TriggerHit[];
  const total = db.prepare('SELECT COUNT(*) FROM trigger_hits').pluck().get() as number;
  return { evaluated_at: run?.evaluated_at ?? null, as_of: run?.as_of ?? null, hits, total };
}

/** Every hit, for exports and the CLI. */
export function allHits(db: Db): TriggerHit[] {
  return db.prepare(`SELECT ${HIT_COLUMNS} ORDER BY h.id`).all() as TriggerHit[];
}
