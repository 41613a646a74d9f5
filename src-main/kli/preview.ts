/**
 * One transaction KLI decided on the spot, without the kept facts: for previewing a draft
 * custom KLI, saving it with its results at once, and finding the evidence behind a verdict.
 * SQL narrows the rows (a superset of what matches); the compiled matcher decides.
 */
import type { KliDefinition, KliEvidence, TransactionMatch } from '../../src-shared/kli';
import type { Db } from '../db/open';
import { bankNames } from './definitions';
import { judge, type CustomerData, type EvaluationContext, type Verdict, type Window } from './evaluate';
import { monthLabel } from './facts';
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
    .all(...params) as Row[];
  const seen = new Map<string, boolean>();
  return rows.filter((r) => {
    if (matcher.families && !matcher.families.has(r.family)) return false;
    if (matcher.direction === 'credit' && r.amount_cents < 0) return false;
    if (matcher.direction === 'debit' && r.amount_cents >= 0) return false;
    const sig: Signature = {
      description: r.description,
      merchant: r.merchant ?? '',
      category: r.category ?? '',
      code: r.code,
      mcc: r.mcc ?? '',
      counterparty: r.counterparty ?? '',
    };
    const key = `${sig.description}\u0001${sig.merchant}\u0001${sig.category}\u0001${sig.code}\u0001${sig.mcc}\u0001${sig.counterparty}`;
    let ok = seen.get(key);
    if (ok === undefined) {
      ok = matcher.accepts(sig);
      seen.set(key, ok);
    }
    return ok;
  });
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
): Row[] {
  const rows = matchingTransactions(db, rule.match, window, accounts);
  if (!rule.also) return rows;
  const more = matchingTransactions(db, rule.also, window, accounts);
  return [...rows, ...more].sort((a, b) => b.posted_date.localeCompare(a.posted_date) || b.id - a.id);
}

/** Decides one transaction KLI for every customer from the matching rows alone. */
export function decideOnTheSpot(db: Db, definition: KliDefinition, window: Window): OnTheSpot {
  if (definition.rule.type !== 'activity') throw new Error('Only transaction KLIs can be decided on the spot.');
  const rule = definition.rule;
  const primary = matchingTransactions(db, rule.match, window);
  const second = rule.also ? matchingTransactions(db, rule.also, window) : [];
  const rows = [...primary, ...second];
  const filterOf = new Map<Row, number>(second.map((r) => [r, 2]));
  const L = window.months;
  const first = window.end - L + 1;
  const names = new Map<string, number>();
  const nameIds = new Map<number, string>();
  const byAccount = new Map<number, Row[]>();
  for (const r of rows) {
    const list = byAccount.get(r.account_id);
    if (list) list.push(r);
    else byAccount.set(r.account_id, [r]);
  }
  const owners = new Map<number, number[]>();
  const ownerRows = db.prepare('SELECT customer_id, account_id FROM account_owners').raw().all() as [number, number][];
  for (const [customer, account] of ownerRows) {
    if (!byAccount.has(account)) continue;
    const list = owners.get(customer);
    if (list) list.push(account);
    else owners.set(customer, [account]);
  }
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
      for (const r of byAccount.get(account) ?? []) {
        const i = (Number(r.posted_date.slice(0, 4)) - 1900) * 12 + Number(r.posted_date.slice(5, 7)) - 1 - first;
        if (i < 0 || i >= L) continue;
        const f = facts.get(filterOf.get(r) ?? 1)!;
        f.n[i] = f.n[i]! + 1;
        f.amount[i] = f.amount[i]! + r.amount_cents;
        const shown = r.merchant || r.counterparty || r.description;
        let id = names.get(shown);
        if (id === undefined) {
          id = names.size + 1;
          names.set(shown, id);
          nameIds.set(id, shown);
        }
        f.names.set(id, (f.names.get(id) ?? 0) + 1);
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
  const newest = [...rows].sort((a, b) => b.posted_date.localeCompare(a.posted_date) || b.id - a.id);
  return { verdicts, households, trend, matching: rows.length, sample: newest.slice(0, 20).map(asEvidence) };
}
