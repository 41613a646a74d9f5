/**
 * Trigger services the API and CLI call: the rule list, an evaluation that replaces the
 * stored hits, the hits a page at a time, and their export. Imports call
 * evaluateTriggersAfterImport, which does nothing when neither the data nor the rules changed.
 */
import type { IsoDate } from '../../src-shared/domain';
import type { DownloadFile } from '../../src-shared/imports';
import type { TriggerHitsPage } from '../../src-shared/kli';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { evaluateRules } from './evaluate';
import { hitsFile } from './export';
import { triggerFingerprint } from './fingerprint';
import { allHits, lastRun, readHits, storeHits } from './hits-store';
import { listTriggers } from './rules-store';

export { listTriggers, saveTriggers } from './rules-store';

/** What one evaluation found, for the CLI and the import log. */
export interface TriggerRunSummary {
  as_of: IsoDate | null;
  evaluated_at: string;
  hits: number;
  /** Hits per enabled rule id (0 included). */
  by_trigger: Record<string, number>;
  seconds: number;
}

const FIRST_PAGE = 100;

/** Evaluates every enabled rule on the latest snapshots and replaces the stored hits. */
export function evaluateTriggers(db: Db, actor: string, reason: 'run' | 'import' = 'run'): TriggerRunSummary {
  const started = performance.now();
  const rules = listTriggers(db);
  // Everything is read from one state of the database (a reading transaction), then written at
  // once, so an import committing meanwhile cannot mix into the figures; its change of
  // fingerprint makes the next evaluateTriggersAfterImport run again.
  const { evaluation, fingerprint } = db.transaction(() => ({
    evaluation: evaluateRules(db, rules),
    fingerprint: triggerFingerprint(db, rules),
  }))();
  const by_trigger: Record<string, number> = {};
  for (const rule of rules) if (rule.enabled) by_trigger[rule.id] = 0;
  for (const hit of evaluation.hits) by_trigger[hit.trigger_id] = (by_trigger[hit.trigger_id] ?? 0) + 1;
  const evaluated_at = new Date().toISOString();
  db.transaction(() => {
    storeHits(
      db,
      { evaluated_at, as_of: evaluation.as_of, hits: evaluation.hits.length, fingerprint },
      evaluation.hits,
    );
    audit(db, {
      actor,
      action: reason === 'import' ? 'triggers.run_after_import' : 'triggers.run',
      entity: 'trigger_hits',
      detail: { as_of: evaluation.as_of, hits: evaluation.hits.length, by_trigger },
    });
  })();
  return {
    as_of: evaluation.as_of,
    evaluated_at,
    hits: evaluation.hits.length,
    by_trigger,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * For the import path, after a load (or a rollback) commits: evaluates the triggers when the
 * data or the rules changed since the last evaluation, else returns null having read only a
 * few small tables.
 */
export function evaluateTriggersAfterImport(db: Db, actor: string): TriggerRunSummary | null {
  const last = lastRun(db);
  if (last && last.fingerprint === triggerFingerprint(db, listTriggers(db))) return null;
  return evaluateTriggers(db, actor, 'import');
}

export function runTriggers(db: Db, actor: string): TriggerHitsPage {
  evaluateTriggers(db, actor);
  return readHits(db, 0, FIRST_PAGE);
}

export function triggerHits(db: Db, page: number, pageSize: number): TriggerHitsPage {
  return readHits(db, page, pageSize);
}

export function exportTriggerHits(db: Db, format: 'csv' | 'xlsx'): Promise<DownloadFile> {
  return hitsFile(allHits(db), format, lastRun(db)?.as_of ?? null);
}
