/**
 * One transaction KLI decided on the spot, without the kept facts: for previewing a draft
 * custom KLI, saving it with its results at once, and finding the evidence behind a verdict.
 * SQL narrows the rows (a superset of what matches); the compiled matcher decides.
 */
import type { KliDefinition, KliEvidence, TransactionMatch } from '../../src-shared/kli';
import type { Db } from '../db/open';
import { bankNames } from './definitions';
import { judge, type CustomerData, type EvaluationContext, type Verdict, type Window } from './evaluate';
import { monthIndexSql, monthLabel } from './facts';
import { compileMatcher, matcherKey, type Signature } from './matchers';

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A SQL condition every matching transaction meets (more may meet it). */
export function sqlPrefilter(match: TransactionMatch, alias = 't'): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (match.direction === 'credit') where.push(`${alias}.amount_cents >= 0`);
  if (match.direction === 'debit') where.push(`${alias}.amount_cents < 0`);
  if (match.codes?.length) {
    where.push(`upper(${alias}.code) IN (${match.codes.map(() => '?').join(',')})`);
    params.push(...match.codes.map((c) => c.toUpperCase()));
  }
  const widen: string[] = [];
  const widenParams: string[] = [];
  if (match.categories?.length) {
    widen.push(`${alias}.category IN (${match.categories.map(() => '?').join(',')})`);
    widenParams.push(...match.categories);
  }
  if (match.mccs?.length) {
    widen.push(`${alias}.mcc IN (${match.mccs.map(() => '?').join(',')})`);
    widenParams.push(...match.mccs);
  }
  // With categories and patterns together the category decides the superset (patterns narrow).
  // LIKE cannot stand for "{bank}" nor fold the case of letters beyond ASCII ("POJISTNÉ"): with
  // such a pattern the patterns, and so the whole OR, narrow nothing.
  let unbounded = false;
  if (match.merchants?.length && !match.categories?.length) {
    for (const pattern of match.merchants) {
      if (pattern.trim() === '{bank}' || /[^\x20-\x7e]/.test(pattern)) unbounded = true;
      const like = `%${likeEscape(pattern.trim()).replace(/\*/g, '%')}%`;
      widen.push(
        `(${alias}.description LIKE ? ESCAPE '\\' OR coalesce(${alias}.merchant, '') LIKE ? ESCAPE '\\' OR coalesce(${alias}.counterparty, '') LIKE ? ESCAPE '\\')`,
      );
      widenParams.push(like, like, like);
    }
  }
  if (widen.length > 0 && !unbounded) {
    where.push(`(${widen.join(' OR ')})`);
    params.push(...widenParams);
  }
  return { where: where.length > 0 ? where.join(' AND ') : '1', params };
}

export const windowStart = (window: Window) => `${monthLabel(window.end - window.months + 1)}-01`;
export const windowEnd = (window: Window) => `${monthLabel(window.end)}-31`;

interface Row {
  id: number;
  account_id: number;
  account_number: string;
  family: string;
  posted_date: string;
  amount_cents: number;
  description: string;
  merchant: string | null;
  category: string | null;
  code: string;
  mcc: string | null;
  counterparty: string | null;
}

/** Transactions in the window that a filter accepts, newest first; optionally only some accounts. */
export function matchingTransactions(
  db: Db,
  match: TransactionMatch,
  window: Window,
  accounts?: readonly number[],
  limit = Number.POSITIVE_INFINITY,
): Row[] {
  const matcher = compileMatcher(match, bankNames(db));
  const filter = sqlPrefilter(match);
  const params: (string | number)[] = [windowStart(window), windowEnd(window), ...filter.params];
  let only = '';
  if (accounts) {
    if (accounts.length === 0) return [];
    only = ` AND t.account_id IN (${accounts.map(() => '?').join(',')})`;
    params.push(...accounts);
  }
  const rows = db
    .prepare(
      `SELECT t.id, t.account_id, a.account_number, p.family, t.posted_date, t.amount_cents, t.description,
              t.merchant, t.category, t.code, t.mcc, t.counterparty
       FROM transactions t JOIN accounts a ON a.id = t.account_id JOIN products p ON p.code = a.product_code
       WHERE t.posted_date BETWEEN ? AND ? AND ${filter.where}${only}
       ORDER BY t.posted_date DESC, t.id DESC`,
    )
    .iterate(...params) as Iterable<Row>;
  const seen = new Map<string, boolean>();
  const accepted: Row[] = [];
  // Newest first, so a sample stops reading as soon as it has enough.
  for (const r of rows) {
    if (matcher.families && !matcher.families.has(r.family)) continue;
    if (!matcher.takes(r.amount_cents < 0)) continue;
    const sig = signatureOf(r);
    const key = `${sig.description}\u0001${sig.merchant}\u0001${sig.category}\u0001${sig.code}\u0001${sig.mcc}\u0001${sig.counterparty}`;
    let ok = seen.get(key);
    if (ok === undefined) {
      ok = matcher.accepts(sig);
      seen.set(key, ok);
    }
    if (!ok) continue;
    accepted.push(r);
    if (accepted.length >= limit) break;
  }
  return accepted;
}

const signatureOf = (r: {
  description: string;
  merchant: string | null;
  category: string | null;
  code: string;
  mcc: string | null;
  counterparty: string | null;
}): Signature => ({
  description: r.description,
  merchant: r.merchant ?? '',
  category: r.category ?? '',
  code: r.code,
  mcc: r.mcc ?? '',
  counterparty: r.counterparty ?? '',
});

/** One account's matching transactions of one month and payee, added up by SQLite. */
interface MonthTotal {
  account_id: number;
  family: string;
  month: number;
  name: string;
  n: number;
  amount: number;
}

/**
 * A filter's matches in the window, per account, month and payee (a lookback is most of the
 * table: NOT INDEXED makes SQLite read it in order rather than seek row by row from an index,
 * ten times quicker): SQLite lists the distinct
 * signatures the prefilter lets through, the matcher keeps some, and SQLite adds up the
 * transactions that carry them, so no row crosses into JavaScript one by one.
 */
function monthTotals(db: Db, match: TransactionMatch, window: Window): MonthTotal[] {
  const matcher = compileMatcher(match, bankNames(db));
  const filter = sqlPrefilter(match);
  const range = [windowStart(window), windowEnd(window)];
  const signatures = db
    .prepare(
      `SELECT DISTINCT t.description, t.merchant, t.category, t.code, t.mcc, t.counterparty, t.amount_cents < 0 AS debit
       FROM transactions t NOT INDEXED WHERE t.posted_date BETWEEN ? AND ? AND ${filter.where}`,
    )
    .all(...range, ...filter.params) as (Parameters<typeof signatureOf>[0] & { debit: number })[];
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS kli_preview_sig (
             description TEXT, merchant TEXT, category TEXT, code TEXT, mcc TEXT, counterparty TEXT, debit INTEGER);
           DELETE FROM temp.kli_preview_sig;`);
  const insert = db.prepare('INSERT INTO temp.kli_preview_sig VALUES (?, ?, ?, ?, ?, ?, ?)');
  let kept = 0;
  for (const sig of signatures) {
    if (!matcher.takes(sig.debit === 1)) continue;
    if (!matcher.accepts(signatureOf(sig))) continue;
    insert.run(sig.description, sig.merchant, sig.category, sig.code, sig.mcc, sig.counterparty, sig.debit);
    kept++;
  }
  if (kept === 0) return [];
  const totals = db
    .prepare(
      `SELECT t.account_id, p.family,
              ${monthIndexSql('t.posted_date')} AS month,
              coalesce(nullif(t.merchant, ''), nullif(t.counterparty, ''), t.description) AS name,
              COUNT(*) AS n, SUM(t.amount_cents) AS amount
       FROM transactions t NOT INDEXED
       JOIN temp.kli_preview_sig s ON s.description = t.description AND s.merchant IS t.merchant
         AND s.category IS t.category AND s.code = t.code AND s.mcc IS t.mcc AND s.counterparty IS t.counterparty
         AND s.debit = (t.amount_cents < 0)
       JOIN accounts a ON a.id = t.account_id JOIN products p ON p.code = a.product_code
       WHERE t.posted_date BETWEEN ? AND ? AND ${filter.where}
       GROUP BY t.account_id, month, name`,
    )
    .all(...range, ...filter.params) as MonthTotal[];
  db.exec('DELETE FROM temp.kli_preview_sig');
  return matcher.families ? totals.filter((t) => matcher.families!.has(t.family)) : totals;
}

export const asEvidence = (r: Row): KliEvidence => ({
  transaction_id: r.id,
  account_number: r.account_number,
  posted_date: r.posted_date,
  amount_cents: r.amount_cents,
  description: r.description,
  merchant: r.merchant,
  category: r.category,
});

export interface OnTheSpot {
  verdicts: Map<number, Verdict>;
  households: Set<number>;
  /** Per window month, customers with a matching transaction (flagged or not), as a compute counts them. */
  trend: number[];
  matching: number;
  sample: KliEvidence[];
}

/** A transaction KLI's matching transactions (both filters), newest first. */
export function ruleTransactions(
  db: Db,
  rule: { match: TransactionMatch; also?: TransactionMatch | undefined },
  window: Window,
  accounts?: readonly number[],
  limit = Number.POSITIVE_INFINITY,
): Row[] {
  const rows = matchingTransactions(db, rule.match, window, accounts, limit);
  if (!rule.also) return rows;
  const more = matchingTransactions(db, rule.also, window, accounts, limit);
  return [...rows, ...more].sort((a, b) => b.posted_date.localeCompare(a.posted_date) || b.id - a.id).slice(0, limit);
}

/** Decides one transaction KLI for every customer from its matches alone (no kept facts). */
export function decideOnTheSpot(db: Db, definition: KliDefinition, window: Window): OnTheSpot {
  if (definition.rule.type !== 'activity') throw new Error('Only transaction KLIs can be decided on the spot.');
  const rule = definition.rule;
  const L = window.months;
  const first = window.end - L + 1;
  const byAccount = new Map<number, { filter: number; total: MonthTotal }[]>();
  let matching = 0;
  for (const [filter, match] of [[1, rule.match], ...(rule.also ? [[2, rule.also]] : [])] as [
    number,
    TransactionMatch,
  ][]) {
    for (const total of monthTotals(db, match, window)) {
      matching += total.n;
      const list = byAccount.get(total.account_id);
      if (list) list.push({ filter, total });
      else byAccount.set(total.account_id, [{ filter, total }]);
    }
  }
  const owners = new Map<number, number[]>();
  const ownerRows = db.prepare('SELECT customer_id, account_id FROM account_owners').raw().all() as [number, number][];
  for (const [customer, account] of ownerRows) {
    if (!byAccount.has(account)) continue;
    const list = owners.get(customer);
    if (list) list.push(account);
    else owners.set(customer, [account]);
  }
  const names = new Map<string, number>();
  const nameIds = new Map<number, string>();
  const ctx: EvaluationContext = {
    window,
    matcherIds: new Map([
      [matcherKey(rule.match), 1],
      ...(rule.also ? ([[matcherKey(rule.also), 2]] as [string, number][]) : []),
    ]),
    activityMatcher: -1,
    balanceMatcher: -2,
    names: nameIds,
    library: [definition],
  };
  const verdicts = new Map<number, Verdict>();
  const households = new Set<number>();
  const trend = new Array<number>(L).fill(0);
  const householdOf = db.prepare('SELECT household_id FROM customers WHERE id = ?').pluck();
  const fresh = () => ({
    n: new Float64Array(L),
    amount: new Float64Array(L),
    names: new Map<number, number>(),
    lastName: 0,
    lastNameMonth: -1,
  });
  for (const [customer, accounts] of owners) {
    const facts = new Map([
      [1, fresh()],
      [2, fresh()],
    ]);
    for (const account of accounts) {
      for (const { filter, total } of byAccount.get(account) ?? []) {
        const i = total.month - first;
        if (i < 0 || i >= L) continue;
        const f = facts.get(filter)!;
        f.n[i] = f.n[i]! + total.n;
        f.amount[i] = f.amount[i]! + total.amount;
        let id = names.get(total.name);
        if (id === undefined) {
          id = names.size + 1;
          names.set(total.name, id);
          nameIds.set(id, total.name);
        }
        f.names.set(id, (f.names.get(id) ?? 0) + total.n);
        if (i >= f.lastNameMonth) {
          f.lastName = id;
          f.lastNameMonth = i;
        }
      }
    }
    const data: CustomerData = {
      facts,
      balance: new Float64Array(L).fill(Number.NaN),
      nonInterestBalance: new Float64Array(L).fill(Number.NaN),
      holdsNonInterestChecking: false,
      savingsCents: 0,
    };
    const verdict = judge(rule, data, ctx);
    verdict.months.forEach((on, i) => on && (trend[i]! += 1));
    if (!verdict.flagged) continue;
    verdicts.set(customer, { ...verdict, months: verdict.months.slice() });
    households.add(householdOf.get(customer) as number);
  }
  const sample = ruleTransactions(db, rule, window, undefined, 20).map(asEvidence);
  return { verdicts, households, trend, matching, sample };
}
