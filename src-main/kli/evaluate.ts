/**
 * Decides every KLI for every customer from the kept monthly facts and balance snapshots,
 * one customer at a time (their own and joint accounts together), and counts households,
 * coverage and the monthly trend on the way.
 */
import type { KliDefinition, KliRule, TransactionMatch } from '../../src-shared/kli';
import type { Db } from '../db/open';
import { MONTHS_PER_KEY, NAME_SPACE, NumberReader, monthLabel, partRange } from './facts';
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

/** Every account's few facts the evaluation reads, by account id, and each customer's accounts. */
class Holdings {
  /** Family code per account id (0: no such account); names in `families`. */
  readonly family: Uint8Array;
  readonly families: string[] = [''];
  readonly savings: Uint8Array;
  readonly deposit: Uint8Array;
  /** 1: open non-interest checking. */
  readonly nonInterest: Uint8Array;
  /** Balance of open savings-family accounts (0 otherwise). */
  readonly savingsCents: Float64Array;
  /** Customer id → its accounts: `accounts[start[c] .. start[c + 1])`. */
  readonly start: Int32Array;
  readonly accounts: Int32Array;

  constructor(db: Db) {
    const maxAccount = (db.prepare('SELECT coalesce(MAX(id), 0) FROM accounts').pluck().get() as number) + 1;
    this.family = new Uint8Array(maxAccount);
    this.savings = new Uint8Array(256);
    this.deposit = new Uint8Array(256);
    this.nonInterest = new Uint8Array(maxAccount);
    this.savingsCents = new Float64Array(maxAccount);
    // A few rows, each a family's accounts packed "id,balance,…" (SQLite builds text far faster
    // than it hands over rows).
    const groups = db
      .prepare(
        `SELECT p.family, p.interest_bearing = 0, a.status NOT IN ('CLOSED', 'CHARGED_OFF'),
                group_concat(a.id || ',' || a.balance_cents)
         FROM accounts a JOIN products p ON p.code = a.product_code GROUP BY 1, 2, 3`,
      )
      .raw()
      .all() as [string, number, number, string][];
    for (const [family, nonInterest, open, packed] of groups) {
      let code = this.families.indexOf(family);
      if (code < 0) {
        code = this.families.length;
        this.families.push(family);
        this.savings[code] = SAVINGS.has(family) ? 1 : 0;
        this.deposit[code] = DEPOSIT.has(family) ? 1 : 0;
      }
      const numbers = new NumberReader(packed);
      while (!numbers.done()) {
        const id = numbers.next();
        const balance = numbers.next();
        this.family[id] = code;
        if (open && this.savings[code]) this.savingsCents[id] = balance;
        if (open && nonInterest && family === 'checking') this.nonInterest[id] = 1;
      }
    }
    const owners = db
      .prepare("SELECT group_concat(customer_id || ',' || account_id) FROM account_owners")
      .pluck()
      .get() as string | null;
    const maxCustomer = (db.prepare('SELECT coalesce(MAX(id), 0) FROM customers').pluck().get() as number) + 1;
    const pairs: number[] = [];
    if (owners) {
      const numbers = new NumberReader(owners);
      while (!numbers.done()) pairs.push(numbers.next(), numbers.next());
    }
    this.start = new Int32Array(maxCustomer + 1);
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i]! < maxCustomer) this.start[pairs[i]! + 1]! += 1;
    for (let c = 0; c < maxCustomer; c++) this.start[c + 1]! += this.start[c]!;
    this.accounts = new Int32Array(this.start[maxCustomer]!);
    const filled = this.start.slice(0, maxCustomer);
    for (let i = 0; i < pairs.length; i += 2) {
      const customer = pairs[i]!;
      if (customer < maxCustomer) this.accounts[filled[customer]!++] = pairs[i + 1]!;
    }
  }
}

/** Gathers one customer's data from their accounts' facts and balances. */
export class CustomerReader {
  private readonly factsOf;
  private readonly holdings: Holdings;
  private readonly running: Float64Array;
  private readonly runningCount: Float64Array;
  /**
   * `kept`: accounts' packed facts already in memory (just computed); `complete` when it holds
   * every account that has facts, so the others need not be looked up.
   */
  constructor(
    db: Db,
    private readonly ctx: EvaluationContext,
    private readonly balances: Map<number, Float64Array>,
    private readonly kept?: { facts: Map<number, Float64Array>; complete: boolean },
  ) {
    this.factsOf = db.prepare('SELECT facts FROM kli_account_facts WHERE id BETWEEN ? AND ?').pluck();
    const L = ctx.window.months;
    this.running = new Float64Array(L);
    this.runningCount = new Float64Array(L);
    this.data = {
      facts: new Map(),
      balance: new Float64Array(L),
      nonInterestBalance: new Float64Array(L),
      holdsNonInterestChecking: false,
      savingsCents: 0,
    };
    this.holdings = new Holdings(db);
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

  /** An account's kept facts, in one or more parts (a key may repeat across parts: sum them). */
  private factsOfAccount(accountId: number): Float64Array[] {
    const inMemory = this.kept?.facts.get(accountId);
    if (inMemory) return [inMemory];
    if (this.kept?.complete) return [];
    return (this.factsOf.all(...partRange(accountId)) as Buffer[]).map(
      (blob) => new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8),
    );
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
    const runningCount = this.runningCount;
    const balanceMatcher = this.ctx.balanceMatcher;
    const h = this.holdings;
    const end = customerId + 1 < h.start.length ? h.start[customerId + 1]! : 0;
    for (let a = customerId + 1 < h.start.length ? h.start[customerId]! : 0; a < end; a++) {
      const accountId = h.accounts[a]!;
      const family = h.family[accountId] ?? 0;
      if (family === 0) continue;
      data.savingsCents += h.savingsCents[accountId]!;
      const nonInterest = h.nonInterest[accountId] === 1;
      if (nonInterest) data.holdsNonInterestChecking = true;
      running.fill(0);
      runningCount.fill(0);
      for (const values of this.factsOfAccount(accountId)) {
        for (let e = 0; e + 2 < values.length; e += 3) {
          // key = (matcher * 4096 + month) * 2^20 + name: exact in a double, taken apart without %
          const key = values[e]!;
          const high = Math.floor(key / NAME_SPACE);
          const name = key - high * NAME_SPACE;
          const month = high % MONTHS_PER_KEY;
          const i = month - first;
          if (i < 0 || i >= L) continue;
          const matcher = (high - month) / MONTHS_PER_KEY;
          const n = values[e + 1]!;
          const amount = values[e + 2]!;
          if (matcher === balanceMatcher) {
            runningCount[i] = runningCount[i]! + n;
            running[i] = running[i]! + amount;
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
      if (h.deposit[family] !== 1) continue;
      // Snapshots when the core sends them; otherwise the running balance on transactions.
      const snapshots = this.balances.get(accountId);
      for (let i = 0; i < L; i++) {
        const b = snapshots ? snapshots[i]! : runningCount[i]! > 0 ? running[i]! / runningCount[i]! : Number.NaN;
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
  // One row per account (the snapshots' key order), its months packed "YYYY-MM,cents,…": SQLite
  // builds the text far faster than it hands over a row per snapshot.
  const rows = db
    .prepare(
      `SELECT s.account_id,
              group_concat(substr(s.as_of, 1, 7) || ',' || coalesce(s.average_balance_cents, s.balance_cents))
       FROM balance_snapshots s JOIN accounts a ON a.id = s.account_id JOIN products p ON p.code = a.product_code
       WHERE s.as_of BETWEEN ? AND ? AND p.family IN (${DEPOSIT_FAMILIES.map(() => '?').join(', ')})
       GROUP BY s.account_id`,
    )
    .raw();
  for (const [accountId, packed] of rows.iterate(from, to, ...DEPOSIT_FAMILIES) as Iterable<[number, string]>) {
    const series = new Float64Array(L).fill(Number.NaN);
    const numbers = new NumberReader(packed);
    while (!numbers.done()) {
      const year = numbers.next();
      const i = (year - 1900) * 12 + numbers.next() - 1 - first;
      const cents = numbers.next();
      if (i >= 0 && i < L) series[i] = cents;
    }
    balances.set(accountId, series);
  }
  return balances;
}

/**
 * Holds the flagged results, then inserts them KLI by KLI in customer order (the table's key
 * order: appending is far cheaper than inserting all over it), a hundred rows a statement.
 */
class ResultWriter {
  private static readonly ROWS = 100;
  private readonly byKli: { customers: number[]; values: number[]; details: (string | null)[] }[];
  constructor(klis: number) {
    this.byKli = Array.from({ length: klis }, () => ({ customers: [], values: [], details: [] }));
  }
  add(kli: number, customer: number, value: number, detail: string | null): void {
    const held = this.byKli[kli]!;
    held.customers.push(customer);
    held.values.push(value);
    held.details.push(detail);
  }
  write(db: Db, ids: readonly string[]): void {
    const row = '(?, ?, ?, ?)';
    const sql = 'INSERT INTO kli_results (kli_id, customer_id, value, detail) VALUES ';
    const many = db.prepare(sql + Array<string>(ResultWriter.ROWS).fill(row).join(', '));
    const one = db.prepare(sql + row);
    const order = ids.map((id, k) => [id, k] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const pending: (string | number | null)[] = [];
    for (const [id, k] of order) {
      const { customers, values, details } = this.byKli[k]!;
      for (let r = 0; r < customers.length; r++) {
        pending.push(id, customers[r]!, values[r]!, details[r]!);
        if (pending.length === 4 * ResultWriter.ROWS) {
          many.run(pending);
          pending.length = 0;
        }
      }
    }
    for (let i = 0; i < pending.length; i += 4) one.run(pending.slice(i, i + 4));
  }
}

export function evaluateAll(
  db: Db,
  ctx: EvaluationContext,
  options: {
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal | undefined;
    kept?: { facts: Map<number, Float64Array>; complete: boolean };
  } = {},
): EvaluationResult {
  const { onProgress, signal } = options;
  const L = ctx.window.months;
  const first = ctx.window.end - L + 1;
  const reader = new CustomerReader(db, ctx, loadSnapshotBalances(db, ctx.window), options.kept);
  const library = ctx.library;
  const flaggedCustomers = library.map(() => 0);
  const households = library.map(() => new Set<number>());
  const trend = library.map(() => new Float64Array(L));
  const results = new ResultWriter(library.length);
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
      results.add(k, customerId, verdict.value, verdict.detail);
    }
    done++;
    if ((done & 0x3fff) === 0) {
      if (signal?.aborted) throw new Error('Cancelled.');
      onProgress?.(done, customers.length);
    }
  }
  results.write(
    db,
    library.map((k) => k.id),
  );
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
