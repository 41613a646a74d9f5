/**
 * Decides every KLI for every customer from the kept monthly facts and balance snapshots,
 * one customer at a time (their own and joint accounts together), and counts households,
 * coverage and the monthly trend on the way.
 */
import type { KliDefinition, KliRule, TransactionMatch } from '../../src-shared/kli';
import type { Db } from '../db/open';
import { MONTHS_PER_KEY, NAME_SPACE, monthIndexSql, monthLabel } from './facts';
import { DEPOSIT_FAMILIES } from './library';
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
  /** Months of the window (offsets) in which the signal showed (1); shared, copy to keep. */
  months: Uint8Array;
}

const DEPOSIT = new Set<string>(DEPOSIT_FAMILIES);
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

/** What judging reuses across a context's customers: matcher ids by filter, and the verdict buffers. */
interface Scratch {
  ids: WeakMap<TransactionMatch, number | undefined>;
  none: Verdict;
  months: Uint8Array;
}
const scratches = new WeakMap<EvaluationContext, Scratch>();

function scratchOf(ctx: EvaluationContext): Scratch {
  let scratch = scratches.get(ctx);
  if (!scratch) {
    const L = ctx.window.months;
    scratch = {
      ids: new WeakMap(),
      none: { flagged: false, value: 0, detail: null, months: new Uint8Array(L) },
      months: new Uint8Array(L),
    };
    scratches.set(ctx, scratch);
  }
  return scratch;
}

/** The matcher id of a rule's filter (keys are costly to build: remembered per filter object). */
function matcherIdOf(match: TransactionMatch, ctx: EvaluationContext): number | undefined {
  const ids = scratchOf(ctx).ids;
  if (ids.has(match)) return ids.get(match);
  const id = ctx.matcherIds.get(matcherKey(match));
  ids.set(match, id);
  return id;
}

function matcherFacts(data: CustomerData, ctx: EvaluationContext, id: number | undefined): MatcherFacts | undefined {
  return id === undefined ? undefined : data.facts.get(id);
}

const none = (ctx: EvaluationContext): Verdict => scratchOf(ctx).none;

/** The one months buffer a context's verdicts share (judge is called customer by customer). */
function monthsBuffer(ctx: EvaluationContext): Uint8Array {
  return scratchOf(ctx).months.fill(0);
}

/** A rule's verdict for one customer. */
export function judge(rule: KliRule, data: CustomerData, ctx: EvaluationContext): Verdict {
  const L = ctx.window.months;
  switch (rule.type) {
    case 'activity': {
      const f = matcherFacts(data, ctx, matcherIdOf(rule.match, ctx));
      const g = rule.also ? matcherFacts(data, ctx, matcherIdOf(rule.also, ctx)) : undefined;
      if (!f && !g) return none(ctx);
      let months = 0;
      let count = 0;
      let amount = 0;
      const shown = monthsBuffer(ctx);
      for (let i = 0; i < L; i++) {
        const n = (f ? f.n[i]! : 0) + (g ? g.n[i]! : 0);
        if (n > 0) {
          months++;
          count += n;
          // Both filters may see the same money (leaving checking, arriving in savings): a month's
          // amount is the larger side, not both.
          amount += Math.max(Math.abs(f ? f.amount[i]! : 0), Math.abs(g ? g.amount[i]! : 0));
          shown[i] = 1;
        }
      }
      if (count === 0) return none(ctx);
      const total = g ? amount : Math.abs(f!.amount.reduce((a, b) => a + b, 0));
      const names = new Set<number>([...(f?.names.keys() ?? []), ...(g?.names.keys() ?? [])]);
      const value =
        rule.measure === 'months'
          ? months
          : rule.measure === 'count'
            ? count
            : rule.measure === 'amount'
              ? total
              : rule.measure === 'monthly_amount'
                ? Math.round(total / months)
                : names.size;
      const flagged = value >= rule.min && months >= (rule.min_months ?? 0);
      let detail: string | null = null;
      if (rule.measure === 'merchants') {
        detail = [...names]
          .map((id) => ctx.names.get(id) ?? '')
          .filter(Boolean)
          .sort()
          .join(', ');
      } else {
        const last = f && (!g || f.lastNameMonth >= g.lastNameMonth) ? f.lastName : (g?.lastName ?? 0);
        if (last) detail = ctx.names.get(last) ?? null;
      }
      return { flagged, value, detail, months: shown };
    }
    case 'cash-flow': {
      const f = matcherFacts(data, ctx, ctx.activityMatcher);
      if (!f) return none(ctx);
      const shown = monthsBuffer(ctx);
      let positive = 0;
      for (let i = 0; i < L; i++) {
        if (f.n[i]! > 0 && f.amount[i]! > 0) {
          positive++;
          shown[i] = 1;
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
      if (!pay || pay.rule.type !== 'activity') return none(ctx);
      const payVerdict = judge(pay.rule, data, ctx);
      if (!payVerdict.flagged || payVerdict.value <= 0) return none(ctx);
      const months = data.savingsCents / payVerdict.value;
      const value = Math.round(months * 10) / 10;
      return { flagged: months >= rule.multiple, value, detail: `${value} months of pay`, months: payVerdict.months };
    }
    case 'balance': {
      const series = rule.non_interest_checking ? data.nonInterestBalance : data.balance;
      if (rule.non_interest_checking && !data.holdsNonInterestChecking) return none(ctx);
      const last = series[L - 1]!;
      if (Number.isNaN(last)) return none(ctx);
      const shown = monthsBuffer(ctx);
      for (let i = 0; i < L; i++) {
        const b = series[i]!;
        shown[i] =
          !Number.isNaN(b) && (rule.direction === 'below' ? b < rule.threshold_cents : b > rule.threshold_cents)
            ? 1
            : 0;
      }
      let run = 0;
      for (let i = L - 1; i >= 0 && shown[i]; i--) run++;
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
  private readonly running: Float64Array;
  constructor(
    db: Db,
    private readonly ctx: EvaluationContext,
    private readonly balances: Map<number, Float64Array>,
  ) {
    this.factsOf = db.prepare('SELECT facts FROM kli_account_facts WHERE account_id = ?').pluck();
    const L = ctx.window.months;
    this.running = new Float64Array(L);
    this.data = {
      facts: new Map(),
      balance: new Float64Array(L),
      nonInterestBalance: new Float64Array(L),
      holdsNonInterestChecking: false,
      savingsCents: 0,
    };
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

  /** Facts objects by matcher id, reused customer after customer. */
  private readonly spare = new Map<number, MatcherFacts>();
  private readonly data: CustomerData;

  private factsFor(matcher: number): MatcherFacts {
    let f = this.data.facts.get(matcher);
    if (f) return f;
    f = this.spare.get(matcher);
    const L = this.ctx.window.months;
    if (!f) {
      f = { n: new Float64Array(L), amount: new Float64Array(L), names: new Map(), lastName: 0, lastNameMonth: -1 };
      this.spare.set(matcher, f);
    } else {
      f.n.fill(0);
      f.amount.fill(0);
      f.names.clear();
      f.lastName = 0;
      f.lastNameMonth = -1;
    }
    this.data.facts.set(matcher, f);
    return f;
  }

  /** The customer's data; the object is reused by the next call. */
  read(customerId: number): CustomerData {
    const L = this.ctx.window.months;
    const first = this.ctx.window.end - L + 1;
    const data = this.data;
    data.facts.clear();
    data.balance.fill(Number.NaN);
    data.nonInterestBalance.fill(Number.NaN);
    data.holdsNonInterestChecking = false;
    data.savingsCents = 0;
    const running = this.running;
    const balanceMatcher = this.ctx.balanceMatcher;
    for (const accountId of this.owned.get(customerId) ?? []) {
      const account = this.accounts.get(accountId);
      if (!account) continue;
      const open = account.status !== 'CLOSED' && account.status !== 'CHARGED_OFF';
      if (open && SAVINGS.has(account.family)) data.savingsCents += account.balance_cents;
      const nonInterest = open && account.family === 'checking' && account.interest_bearing === 0;
      if (nonInterest) data.holdsNonInterestChecking = true;
      running.fill(Number.NaN);
      const blob = this.factsOf.get(accountId) as Buffer | undefined;
      if (blob) {
        const values = new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8);
        for (let e = 0; e + 2 < values.length; e += 3) {
          const key = values[e]!;
          const name = key % NAME_SPACE;
          const rest = (key - name) / NAME_SPACE;
          const month = rest % MONTHS_PER_KEY;
          const i = month - first;
          if (i < 0 || i >= L) continue;
          const matcher = (rest - month) / MONTHS_PER_KEY;
          const n = values[e + 1]!;
          const amount = values[e + 2]!;
          if (matcher === balanceMatcher) {
            running[i] = n > 0 ? amount / n : Number.NaN;
            continue;
          }
          const f = this.factsFor(matcher);
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
      const series = this.balances.get(accountId) ?? running;
      for (let i = 0; i < L; i++) {
        const b = series[i]!;
        if (Number.isNaN(b)) continue;
        data.balance[i] = (Number.isNaN(data.balance[i]!) ? 0 : data.balance[i]!) + b;
        if (nonInterest) {
          data.nonInterestBalance[i] =
            (Number.isNaN(data.nonInterestBalance[i]!) ? 0 : data.nonInterestBalance[i]!) + b;
        }
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
  // One row per account (the snapshots' key order), its months packed "month:cents,…": a
  // third of the time of a row per snapshot.
  const rows = db
    .prepare(
      `SELECT s.account_id,
              group_concat(${monthIndexSql('s.as_of')} || ':' || coalesce(s.average_balance_cents, s.balance_cents))
       FROM balance_snapshots s JOIN accounts a ON a.id = s.account_id JOIN products p ON p.code = a.product_code
       WHERE s.as_of BETWEEN ? AND ? AND p.family IN (${DEPOSIT_FAMILIES.map(() => '?').join(', ')})
       GROUP BY s.account_id`,
    )
    .raw();
  for (const [accountId, packed] of rows.iterate(from, to, ...DEPOSIT_FAMILIES) as Iterable<[number, string]>) {
    const series = new Float64Array(L).fill(Number.NaN);
    for (const pair of packed.split(',')) {
      const colon = pair.indexOf(':');
      const i = Number(pair.slice(0, colon)) - first;
      if (i >= 0 && i < L) series[i] = Number(pair.slice(colon + 1));
    }
    balances.set(accountId, series);
  }
  return balances;
}

/** Inserts results a hundred rows a statement. */
class ResultWriter {
  private static readonly ROWS = 100;
  private readonly many;
  private readonly one;
  private readonly pending: (string | number | null)[] = [];
  constructor(db: Db) {
    const row = '(?, ?, ?, ?)';
    const sql = 'INSERT INTO kli_results (kli_id, customer_id, value, detail) VALUES ';
    this.many = db.prepare(sql + Array<string>(ResultWriter.ROWS).fill(row).join(', '));
    this.one = db.prepare(sql + row);
  }
  add(kli: string, customer: number, value: number, detail: string | null): void {
    this.pending.push(kli, customer, value, detail);
    if (this.pending.length === 4 * ResultWriter.ROWS) {
      this.many.run(this.pending);
      this.pending.length = 0;
    }
  }
  flush(): void {
    for (let i = 0; i < this.pending.length; i += 4) this.one.run(this.pending.slice(i, i + 4));
    this.pending.length = 0;
  }
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
  const results = new ResultWriter(db);
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
      results.add(library[k]!.id, customerId, verdict.value, verdict.detail);
    }
    done++;
    if ((done & 0x3fff) === 0) {
      if (signal?.aborted) throw new Error('Cancelled.');
      onProgress?.(done, customers.length);
    }
  }
  results.flush();
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
