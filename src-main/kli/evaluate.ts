/**
 * Decides every KLI for every customer from the kept monthly facts and balance snapshots,
 * one customer at a time (their own and joint accounts together), and counts households,
 * coverage and the monthly trend on the way.
 */
import type { KliDefinition, KliRule, TransactionMatch } from '../../src-shared/kli';
import type { Db } from '../db/open';
import { decodeFacts, monthLabel, splitKey } from './facts';
import { matcherKey } from './matchers';

export interface Window {
  /** Last month of the lookback (months since January 1900). */
  end: number;
  months: number;
}

export interface KliOutcome {
  id: string;
  customers: number;
  households: number;
  coverage: number;
  trend: { month: string; customers: number }[];
}

export interface EvaluationResult {
  klis: KliOutcome[];
  /** Customers with transactions in at least 3 months of the lookback. */
  coverage: number;
  customers: number;
}

/** One customer's facts of one matcher within the window: per month count and amount, per name count. */
interface MatcherFacts {
  n: Float64Array;
  amount: Float64Array;
  names: Map<number, number>;
  lastName: number;
  lastNameMonth: number;
}

export interface Verdict {
  flagged: boolean;
  value: number;
  detail: string | null;
  /** Months of the window (offsets) in which the signal showed. */
  months: boolean[];
}

const DEPOSIT = new Set(['checking', 'savings', 'money_market']);
const SAVINGS = new Set(['savings', 'money_market', 'cd']);
const COVERAGE_MONTHS = 3;

export interface CustomerData {
  facts: Map<number, MatcherFacts>;
  /** Average collected balance per window month (NaN: no data), all deposit accounts. */
  balance: Float64Array;
  /** The same over non-interest checking accounts only (NaN: none held). */
  nonInterestBalance: Float64Array;
  holdsNonInterestChecking: boolean;
  savingsCents: number;
}

export interface EvaluationContext {
  window: Window;
  matcherIds: Map<string, number>;
  activityMatcher: number;
  balanceMatcher: number;
  names: Map<number, string>;
  library: readonly KliDefinition[];
}

const idCaches = new WeakMap<Map<string, number>, WeakMap<TransactionMatch, number | undefined>>();

/** The matcher id of a rule's filter, remembered per filter object and context (keys are costly to build). */
function matcherIdOf(match: TransactionMatch, ctx: EvaluationContext): number | undefined {
  let cache = idCaches.get(ctx.matcherIds);
  if (!cache) {
    cache = new WeakMap();
    idCaches.set(ctx.matcherIds, cache);
  }
  if (cache.has(match)) return cache.get(match);
  const id = ctx.matcherIds.get(matcherKey(match));
  cache.set(match, id);
  return id;
}

function matcherFacts(data: CustomerData, ctx: EvaluationContext, id: number | undefined): MatcherFacts | undefined {
  return id === undefined ? undefined : data.facts.get(id);
}

/** A rule's verdict for one customer. */
export function judge(rule: KliRule, data: CustomerData, ctx: EvaluationContext): Verdict {
  const L = ctx.window.months;
  const none: Verdict = { flagged: false, value: 0, detail: null, months: new Array<boolean>(L).fill(false) };
  switch (rule.type) {
    case 'activity': {
      const f = matcherFacts(data, ctx, matcherIdOf(rule.match, ctx));
      if (!f) return none;
      let months = 0;
      let count = 0;
      let amount = 0;
      const shown = new Array<boolean>(L).fill(false);
      for (let i = 0; i < L; i++) {
        if (f.n[i]! > 0) {
          months++;
          count += f.n[i]!;
          amount += f.amount[i]!;
          shown[i] = true;
        }
      }
      if (count === 0) return none;
      const total = Math.abs(amount);
      const value =
        rule.measure === 'months'
          ? months
          : rule.measure === 'count'
            ? count
            : rule.measure === 'amount'
              ? total
              : rule.measure === 'monthly_amount'
                ? Math.round(total / months)
                : f.names.size;
      const flagged = value >= rule.min && months >= (rule.min_months ?? 0);
      let detail: string | null = null;
      if (rule.measure === 'merchants') {
        detail = [...f.names.keys()]
          .map((id) => ctx.names.get(id) ?? '')
          .filter(Boolean)
          .sort()
          .join(', ');
      } else if (f.lastName) detail = ctx.names.get(f.lastName) ?? null;
      return { flagged, value, detail, months: shown };
    }
    case 'cash-flow': {
      const f = matcherFacts(data, ctx, ctx.activityMatcher);
      if (!f) return none;
      const shown = new Array<boolean>(L).fill(false);
      let positive = 0;
      for (let i = 0; i < L; i++) {
        if (f.n[i]! > 0 && f.amount[i]! > 0) {
          positive++;
          shown[i] = true;
        }
      }
      return {
        flagged: positive >= rule.min_months,
        value: positive,
        detail: `${positive} of ${L} months`,
        months: shown,
      };
    }
    case 'savings-vs-pay': {
      const pay = ctx.library.find((k) => k.id === 'payroll-dd');
      if (!pay || pay.rule.type !== 'activity') return none;
      const payVerdict = judge(pay.rule, data, ctx);
      if (!payVerdict.flagged || payVerdict.value <= 0) return none;
      const months = data.savingsCents / payVerdict.value;
      const value = Math.round(months * 10) / 10;
      return { flagged: months >= rule.multiple, value, detail: `${value} months of pay`, months: payVerdict.months };
    }
    case 'balance': {
      const series = rule.non_interest_checking ? data.nonInterestBalance : data.balance;
      if (rule.non_interest_checking && !data.holdsNonInterestChecking) return none;
      const shown = new Array<boolean>(L).fill(false);
      for (let i = 0; i < L; i++) {
        const b = series[i]!;
        shown[i] =
          !Number.isNaN(b) && (rule.direction === 'below' ? b < rule.threshold_cents : b > rule.threshold_cents);
      }
      let run = 0;
      for (let i = L - 1; i >= 0 && shown[i]; i--) run++;
      const last = series[L - 1]!;
      if (Number.isNaN(last)) return none;
      return { flagged: run >= rule.months, value: Math.round(last), detail: null, months: shown };
    }
  }
}

interface AccountInfo {
  id: number;
  family: string;
  interest_bearing: number;
  balance_cents: number;
  status: string;
}

/** Gathers one customer's data from their accounts' facts and balances. */
export class CustomerReader {
  private readonly factsOf;
  private readonly accounts = new Map<number, AccountInfo>();
  private readonly owned = new Map<number, number[]>();
  constructor(
    db: Db,
    private readonly ctx: EvaluationContext,
    private readonly balances: Map<number, Float64Array>,
  ) {
    this.factsOf = db.prepare('SELECT facts FROM kli_account_facts WHERE account_id = ?').pluck();
    const rows = db
      .prepare(
        `SELECT a.id, p.family, p.interest_bearing, a.balance_cents, a.status
         FROM accounts a JOIN products p ON p.code = a.product_code`,
      )
      .raw()
      .all() as [number, string, number, number, string][];
    for (const [id, family, interest, balance, status] of rows) {
      this.accounts.set(id, { id, family, interest_bearing: interest, balance_cents: balance, status });
    }
    for (const [customer, account] of db
      .prepare('SELECT customer_id, account_id FROM account_owners')
      .raw()
      .iterate() as Iterable<[number, number]>) {
      const list = this.owned.get(customer);
      if (list) list.push(account);
      else this.owned.set(customer, [account]);
    }
  }

  read(customerId: number): CustomerData {
    const L = this.ctx.window.months;
    const first = this.ctx.window.end - L + 1;
    const data: CustomerData = {
      facts: new Map(),
      balance: new Float64Array(L).fill(Number.NaN),
      nonInterestBalance: new Float64Array(L).fill(Number.NaN),
      holdsNonInterestChecking: false,
      savingsCents: 0,
    };
    for (const accountId of this.owned.get(customerId) ?? []) {
      const account = this.accounts.get(accountId);
      if (!account) continue;
      const open = account.status !== 'CLOSED' && account.status !== 'CHARGED_OFF';
      if (open && SAVINGS.has(account.family)) data.savingsCents += account.balance_cents;
      const nonInterest = open && account.family === 'checking' && account.interest_bearing === 0;
      if (nonInterest) data.holdsNonInterestChecking = true;
      const blob = this.factsOf.get(account.id) as Buffer | undefined;
      const running = new Float64Array(L).fill(Number.NaN);
      if (blob) {
        for (const [key, [n, amount]] of decodeFacts(blob)) {
          const { matcher, month, name } = splitKey(key);
          const i = month - first;
          if (i < 0 || i >= L) continue;
          if (matcher === this.ctx.balanceMatcher) {
            running[i] = n > 0 ? amount / n : Number.NaN;
            continue;
          }
          let f = data.facts.get(matcher);
          if (!f) {
            f = {
              n: new Float64Array(L),
              amount: new Float64Array(L),
              names: new Map(),
              lastName: 0,
              lastNameMonth: -1,
            };
            data.facts.set(matcher, f);
          }
          f.n[i] = f.n[i]! + n;
          f.amount[i] = f.amount[i]! + amount;
          if (name) {
            f.names.set(name, (f.names.get(name) ?? 0) + n);
            if (i >= f.lastNameMonth) {
              f.lastName = name;
              f.lastNameMonth = i;
            }
          }
        }
      }
      if (!DEPOSIT.has(account.family)) continue;
      // Snapshots when the core sends them; otherwise the running balance on transactions.
      const series = this.balances.get(account.id) ?? running;
      for (let i = 0; i < L; i++) {
        const b = series[i]!;
        if (Number.isNaN(b)) continue;
        data.balance[i] = (Number.isNaN(data.balance[i]!) ? 0 : data.balance[i]!) + b;
        if (nonInterest)
          data.nonInterestBalance[i] =
            (Number.isNaN(data.nonInterestBalance[i]!) ? 0 : data.nonInterestBalance[i]!) + b;
      }
    }
    return data;
  }
}

/** Monthly average collected balance per deposit account from snapshots within the window. */
export function loadSnapshotBalances(db: Db, window: Window): Map<number, Float64Array> {
  const L = window.months;
  const first = window.end - L + 1;
  const from = `${monthLabel(first)}-01`;
  const to = `${monthLabel(window.end)}-31`;
  const balances = new Map<number, Float64Array>();
  const rows = db
    .prepare(
      `SELECT s.account_id,
              (CAST(substr(s.as_of, 1, 4) AS INTEGER) - 1900) * 12 + CAST(substr(s.as_of, 6, 2) AS INTEGER) - 1,
              coalesce(s.average_balance_cents, s.balance_cents)
       FROM balance_snapshots s JOIN accounts a ON a.id = s.account_id JOIN products p ON p.code = a.product_code
       WHERE s.as_of BETWEEN ? AND ? AND p.family IN ('checking', 'savings', 'money_market')`,
    )
    .raw();
  for (const [accountId, month, cents] of rows.iterate(from, to) as Iterable<[number, number, number]>) {
    let series = balances.get(accountId);
    if (!series) {
      series = new Float64Array(L).fill(Number.NaN);
      balances.set(accountId, series);
    }
    const i = month - first;
    if (i >= 0 && i < L) series[i] = cents;
  }
  return balances;
}

export function evaluateAll(
  db: Db,
  ctx: EvaluationContext,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): EvaluationResult {
  const L = ctx.window.months;
  const first = ctx.window.end - L + 1;
  const reader = new CustomerReader(db, ctx, loadSnapshotBalances(db, ctx.window));
  const library = ctx.library;
  const flaggedCustomers = library.map(() => 0);
  const households = library.map(() => new Set<number>());
  const trend = library.map(() => new Float64Array(L));
  const insert = db.prepare('INSERT INTO kli_results (kli_id, customer_id, value, detail) VALUES (?, ?, ?, ?)');
  db.exec('DELETE FROM kli_results');
  const customers = db.prepare('SELECT id, household_id FROM customers ORDER BY id').raw().all() as [number, number][];
  let coverage = 0;
  let done = 0;
  for (const [customerId, householdId] of customers) {
    const data = reader.read(customerId);
    const activity = data.facts.get(ctx.activityMatcher);
    let active = 0;
    if (activity) for (let i = 0; i < L; i++) if (activity.n[i]! > 0) active++;
    if (active >= COVERAGE_MONTHS) coverage++;
    for (let k = 0; k < library.length; k++) {
      const verdict = judge(library[k]!.rule, data, ctx);
      for (let i = 0; i < L; i++) if (verdict.months[i]) trend[k]![i]! += 1;
      if (!verdict.flagged) continue;
      flaggedCustomers[k]! += 1;
      households[k]!.add(householdId);
      insert.run(library[k]!.id, customerId, verdict.value, verdict.detail);
    }
    done++;
    if ((done & 0x3fff) === 0) {
      if (signal?.aborted) throw new Error('Cancelled.');
      onProgress?.(done, customers.length);
    }
  }
  onProgress?.(done, customers.length);
  const klis = library.map((k, index) => ({
    id: k.id,
    customers: flaggedCustomers[index]!,
    households: households[index]!.size,
    coverage,
    trend: Array.from(trend[index]!, (customersThatMonth, i) => ({
      month: monthLabel(first + i),
      customers: customersThatMonth,
    })),
  }));
  return { klis, coverage, customers: customers.length };
}
