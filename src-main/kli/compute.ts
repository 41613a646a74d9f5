/**
 * Computes the KLI library: brings the monthly facts up to date (reading only transactions
 * added since the last compute when it can), then decides every KLI for every customer and
 * stores the results, counts and trends. Runs as a job (worker thread) or from the CLI.
 */
import type { KliComputeResult, KliDefinition } from '../../src-shared/kli';
import type { Db } from '../db/open';
import { openDatabase } from '../db/open';
import { audit } from '../db/audit';
import type { KliComputeInput } from '../jobs/registry';
import { bankNames, listDefinitions, lookbackMonths, ruleMatches } from './definitions';
import { CustomerReader, evaluateAll, judge, loadSnapshotBalances, type EvaluationContext } from './evaluate';
import {
  factsInvalidReason,
  merchantRulesFingerprint,
  monthIndex,
  readFactsState,
  rolledBackImports,
  saveFactsState,
  scanTransactions,
  storeFacts,
} from './facts';
import { compileMatcher, matcherKey, type CompiledMatcher } from './matchers';

export interface KliProgress {
  step: string;
  current: number;
  total: number;
  rows?: number;
}

export interface ComputeOptions {
  asOf?: string | undefined;
  lookbackMonths?: number | undefined;
  /** Rebuild the facts from every transaction even when they could be extended. */
  full?: boolean;
  actor: string;
  onProgress?: (p: KliProgress) => void;
  signal?: AbortSignal;
}

/** Internal matchers every compute keeps: all deposit-account activity, and the running balance. */
const ACTIVITY_KEY = '__activity';
const BALANCE_KEY = '__running_balance';

/** The matcher keys the library needs, with the two internal ones first. */
function neededKeys(library: readonly KliDefinition[]): string[] {
  const keys = new Set<string>([ACTIVITY_KEY, BALANCE_KEY]);
  for (const k of library) for (const m of ruleMatches(k.rule, library)) keys.add(matcherKey(m));
  return [...keys];
}

/** Ids for matcher keys, adding new ones to kli_matchers. */
function matcherIds(db: Db, keys: readonly string[]): Map<string, number> {
  const insert = db.prepare('INSERT OR IGNORE INTO kli_matchers (key) VALUES (?)');
  const select = db.prepare('SELECT id FROM kli_matchers WHERE key = ?').pluck();
  const ids = new Map<string, number>();
  for (const key of keys) {
    insert.run(key);
    ids.set(key, select.get(key) as number);
  }
  return ids;
}

/**
 * Which customers each KLI flags as of an earlier date, decided from the monthly facts the last
 * compute kept, storing nothing: what the next-product scores read at their window's start, so
 * they learn from what customers did before an opening, not after. Each customer's accounts are
 * today's (an account opened later has no facts before its opening). Null when the kept facts
 * are not up to date (KLIs never computed, or the data or rules changed since): compute first.
 */
export function klisAsOf(db: Db, asOf: string): { flagged: Map<string, number[]>; months: number } | null {
  const library = listDefinitions(db);
  const keys = neededKeys(library);
  if (factsInvalidReason(db, readFactsState(db), keys) !== null) return null;
  const select = db.prepare('SELECT id FROM kli_matchers WHERE key = ?').pluck();
  const ids = new Map(keys.map((key) => [key, select.get(key) as number]));
  const months = lookbackMonths(db);
  const ctx: EvaluationContext = {
    window: { end: monthIndex(asOf), months },
    matcherIds: ids,
    activityMatcher: ids.get(ACTIVITY_KEY)!,
    balanceMatcher: ids.get(BALANCE_KEY)!,
    names: new Map(db.prepare('SELECT id, name FROM kli_names').raw().all() as [number, string][]),
    library,
  };
  const reader = new CustomerReader(db, ctx, loadSnapshotBalances(db, ctx.window));
  const flagged = new Map(library.map((k) => [k.id, [] as number[]]));
  for (const id of db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[]) {
    const data = reader.read(id);
    for (const k of library) if (judge(k.rule, data, ctx).flagged) flagged.get(k.id)!.push(id);
  }
  return { flagged, months };
}

/** The data's last date: the newest transaction, or the newest snapshot when there are none. */
export function dataLastDate(db: Db): string | null {
  const row = db
    .prepare(
      `SELECT max(coalesce((SELECT max(posted_date) FROM transactions), ''), coalesce((SELECT max(as_of) FROM balance_snapshots), ''))`,
    )
    .pluck()
    .get() as string;
  return row === '' ? null : row;
}

export function computeKlis(db: Db, options: ComputeOptions): KliComputeResult {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const library = listDefinitions(db);
  const asOf = options.asOf ?? dataLastDate(db);
  if (!asOf) throw new Error('There are no transactions or balances yet: import the bank’s files first.');
  const months = options.lookbackMonths ?? lookbackMonths(db);
  const keys = neededKeys(library);
  const names = bankNames(db);

  const ids = matcherIds(db, keys);
  const maxId = Math.max(...ids.values());
  const matchers: (CompiledMatcher | null)[] = new Array<CompiledMatcher | null>(maxId + 1).fill(null);
  for (const k of library) {
    for (const m of ruleMatches(k.rule, library)) {
      const id = ids.get(matcherKey(m))!;
      matchers[id] = compileMatcher(m, names);
    }
  }
  const activityMatcher = ids.get(ACTIVITY_KEY)!;
  const balanceMatcher = ids.get(BALANCE_KEY)!;

  const state = readFactsState(db);
  const invalid = options.full ? 'a full compute was asked for' : factsInvalidReason(db, state, keys);
  const incremental = invalid === null;
  const afterId = incremental ? state!.through : 0;
  progress({ step: incremental ? 'Reading new transactions' : 'Reading transactions', current: 0, total: 1 });
  const scan = db.transaction(() => {
    const result = scanTransactions(db, {
      matchers,
      activityMatcher,
      balanceMatcher,
      afterId,
      onProgress: (read, total) => progress({ step: 'Reading transactions', current: read, total, rows: read }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    progress({ step: 'Saving monthly facts', current: 0, total: 1 });
    // A full compute writes part 0; an incremental one the next part, unless it found nothing new.
    const writes = !incremental || result.facts.size > 0;
    const part = incremental ? (state!.part ?? 0) + (writes ? 1 : 0) : 0;
    const kept = writes
      ? storeFacts(db, result, { activity: activityMatcher, balance: balanceMatcher }, part)
      : new Map<number, Float64Array>();
    const through = Math.max(result.throughId, afterId);
    const count = db.prepare('SELECT COUNT(*) FROM transactions WHERE id <= ?').pluck().get(through) as number;
    saveFactsState(db, {
      through,
      count,
      rules: merchantRulesFingerprint(db),
      matchers: incremental ? [...new Set([...state!.matchers, ...keys])] : keys,
      rolled_back: rolledBackImports(db),
      bank_names: names,
      part,
    });
    return { read: result.read, kept };
  });
  const scanned = scan.immediate();

  const ctx: EvaluationContext = {
    window: { end: monthIndex(asOf), months },
    matcherIds: ids,
    activityMatcher,
    balanceMatcher,
    names: new Map(db.prepare('SELECT id, name FROM kli_names').raw().all() as [number, string][]),
    library,
  };
  const evaluate = db.transaction(() => {
    const result = evaluateAll(db, ctx, {
      onProgress: (done, total) => progress({ step: 'Deciding KLIs per customer', current: done, total }),
      signal: options.signal,
      // After a full compute every account's facts are in memory; after an incremental one, those it touched.
      kept: { facts: scanned.kept, complete: !incremental },
    });
    db.exec('DELETE FROM kli_stats');
    const insertStat = db.prepare(
      'INSERT INTO kli_stats (kli_id, customers, households, coverage, trend, rule_key) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const k of result.klis) {
      const definition = library.find((d) => d.id === k.id)!;
      insertStat.run(k.id, k.customers, k.households, k.coverage, JSON.stringify(k.trend), ruleKey(definition));
    }
    const seconds = (performance.now() - started) / 1000;
    db.prepare(
      `INSERT INTO kli_runs (as_of, lookback_months, computed_at, seconds, transactions_read, incremental, coverage, customers, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      asOf,
      months,
      new Date().toISOString(),
      seconds,
      scanned.read,
      incremental ? 1 : 0,
      result.coverage,
      result.customers,
      options.actor,
    );
    audit(db, {
      actor: options.actor,
      action: 'kli.compute',
      entity: 'kli',
      detail: { as_of: asOf, lookback_months: months, incremental, reason: invalid, transactions_read: scanned.read },
    });
    return { result, seconds };
  });
  const { result, seconds } = evaluate.immediate();
  return {
    as_of: asOf,
    klis: result.klis.map((k) => ({ id: k.id, customers: k.customers, households: k.households })),
    seconds: Math.round(seconds * 100) / 100,
    incremental,
    transactions_read: scanned.read,
  };
}

/** What a KLI's figures were computed under: when it changes, the figures are stale. */
export function ruleKey(definition: KliDefinition): string {
  return JSON.stringify(definition.rule);
}

export function runKliCompute(
  input: KliComputeInput,
  options: { onProgress?: (p: KliProgress) => void; signal?: AbortSignal },
): Promise<KliComputeResult> {
  try {
    const db = openDatabase(input.dbPath);
    try {
      db.pragma('cache_size = -65536');
      return Promise.resolve(
        computeKlis(db, {
          asOf: input.asOf,
          lookbackMonths: input.lookbackMonths,
          full: input.full,
          actor: input.actor,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
    } finally {
      db.close();
    }
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
