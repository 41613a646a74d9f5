/**
 * Monthly facts: for each account, matcher, month and payee name, how many matching
 * transactions and their signed total. KLIs are decided from these, never from raw rows, and
 * they are kept (one packed blob per account) so that after a new month's import only the new
 * transactions are read.
 *
 * A blob is a Float64Array of triples [key, count, amount]: key = (matcher * 4096 + month) *
 * 2^20 + name, month counted from January 1900, name an id in kli_names (0: not tracked).
 * The facts are valid for transactions with id <= `through`; they are rebuilt in full when a
 * transaction at or below it disappeared (a rollback), the merchant rules changed, or a matcher
 * they lack is needed.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../bank/stats';
import { bankNames } from './definitions';
import { DEPOSIT_FAMILIES } from './library';
import type { CompiledMatcher, Signature } from './matchers';

export const MONTHS_PER_KEY = 4096;
export const NAME_SPACE = 2 ** 20;

/** Months since January 1900, the unit facts are kept in. */
export function monthIndex(isoDate: string): number {
  return (Number(isoDate.slice(0, 4)) - 1900) * 12 + Number(isoDate.slice(5, 7)) - 1;
}

/** monthIndex in SQL, of an ISO date column. */
export const monthIndexSql = (column: string) =>
  `((CAST(substr(${column}, 1, 4) AS INTEGER) - 1900) * 12 + CAST(substr(${column}, 6, 2) AS INTEGER) - 1)`;

export function monthLabel(index: number): string {
  const year = 1900 + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const factKey = (matcher: number, month: number, name: number) =>
  (matcher * MONTHS_PER_KEY + month) * NAME_SPACE + name;

/** The facts of one account: key → [count, amount]. */
export type AccountFacts = Map<number, [number, number]>;

export interface FactsState {
  /** Facts cover transactions with id up to this. */
  through: number;
  /** Count of transactions with id <= through when the facts were made. */
  count: number;
  /** Fingerprint of the merchant rules the transactions were cleaned with. */
  rules: string;
  /** Matcher keys the facts hold, by matcher id. */
  matchers: string[];
  /**
   * Imports already rolled back when the facts were made. A rollback since then removed rows
   * the facts count, and the next import may reuse their ids: the facts are rebuilt.
   */
  rolled_back?: number[];
  /** This bank's names the filters were compiled with ("{bank}"). */
  bank_names?: string[];
}

/** Ids of the imports rolled back so far. */
export function rolledBackImports(db: Db): number[] {
  return db.prepare('SELECT id FROM imports WHERE rolled_back_at IS NOT NULL ORDER BY id').pluck().all() as number[];
}

const STATE_KEY = 'kli_facts_state';

export function readFactsState(db: Db): FactsState | null {
  const raw = getSetting(db, STATE_KEY);
  return raw ? (JSON.parse(raw) as FactsState) : null;
}

export function merchantRulesFingerprint(db: Db): string {
  const rows = db
    .prepare('SELECT pattern, match, merchant, category FROM merchant_rules ORDER BY position, id')
    .raw()
    .all();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
}

/**
 * Why the kept facts cannot be extended, or null when they can. `countRows` adds the safety
 * net of counting the rows the facts cover (a full pass over the table's ids: a compute does it,
 * the library screen does not).
 */
export function factsInvalidReason(
  db: Db,
  state: FactsState | null,
  matcherKeys: readonly string[],
  { countRows = true }: { countRows?: boolean } = {},
): string | null {
  if (!state) return 'no facts yet';
  if (state.rules !== merchantRulesFingerprint(db)) return 'merchant rules changed';
  if (JSON.stringify(state.bank_names ?? []) !== JSON.stringify(bankNames(db))) return 'the bank’s own names changed';
  const known = new Set(state.matchers);
  if (matcherKeys.some((k) => !known.has(k))) return 'a KLI needs transactions the facts do not hold';
  const rolled = new Set(state.rolled_back ?? []);
  if (rolledBackImports(db).some((id) => !rolled.has(id))) return 'an import was rolled back';
  if (!countRows) return null;
  const count =
    (db.prepare('SELECT COUNT(*) FROM transactions WHERE id <= ?').pluck().get(state.through) as number) ?? 0;
  if (count !== state.count) return 'transactions were removed (an import was rolled back)';
  return null;
}

export function decodeFacts(blob: Buffer): AccountFacts {
  const values = new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8);
  const facts: AccountFacts = new Map();
  for (let i = 0; i + 2 < values.length; i += 3) facts.set(values[i]!, [values[i + 1]!, values[i + 2]!]);
  return facts;
}

export function encodeFacts(facts: AccountFacts): Buffer {
  const values = new Float64Array(facts.size * 3);
  let i = 0;
  for (const [key, [n, amount]] of facts) {
    values[i++] = key;
    values[i++] = n;
    values[i++] = amount;
  }
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

interface SignatureClass {
  credit: number[];
  debit: number[];
  name: number;
}

export interface ScanOptions {
  /** Matchers by id (index); null slots are matchers no longer used. */
  matchers: (CompiledMatcher | null)[];
  /** Matcher id that counts every transaction on deposit accounts (activity, cash flow). */
  activityMatcher: number;
  /** Matcher id that sums the running balance after each transaction (average balance without snapshots). */
  balanceMatcher: number;
  /** Only transactions with a greater id (0: all). */
  afterId: number;
  onProgress?: (read: number, total: number) => void;
  signal?: AbortSignal;
}

/** One account's facts while scanning: internal matchers dense by month, the others sparse. */
export class AccountScan {
  /** Per month from `first`: activity count, activity amount, running-balance count, balance sum. */
  dense: Float64Array | null = null;
  /** factKey → index of [count, amount] in the scan's pool. */
  readonly sparse = new Map<number, number>();
}

export interface ScanResult {
  facts: Map<number, AccountScan>;
  read: number;
  throughId: number;
  /** First month of `dense` (months since January 1900). */
  first: number;
  span: number;
  pool: Float64Array;
}

/** Reads transactions once and folds them into facts per account. */
export function scanTransactions(db: Db, options: ScanOptions): ScanResult {
  const families = accountFamilies(db);
  const nameIds = loadNames(db);
  // The connection is busy while rows stream in: new names are numbered here, written after.
  let nextName = (db.prepare('SELECT coalesce(MAX(id), 0) FROM kli_names').pluck().get() as number) + 1;
  const newNames: [number, string][] = [];
  const nameId = (name: string): number => {
    let id = nameIds.get(name);
    if (id === undefined) {
      id = nextName++;
      nameIds.set(name, id);
      newNames.push([id, name]);
    }
    return id;
  };
  const classes = new Map<string, SignatureClass>();
  const matchers = options.matchers;
  const classify = (key: string): SignatureClass => {
    const [description = '', merchant = '', category = '', code = '', mcc = '', counterparty = ''] =
      key.split('\u0001');
    const sig: Signature = { description, merchant, category, code, mcc, counterparty };
    const credit: number[] = [];
    const debit: number[] = [];
    for (let m = 0; m < matchers.length; m++) {
      const matcher = matchers[m];
      if (!matcher || m === options.activityMatcher || m === options.balanceMatcher) continue;
      if (!matcher.accepts(sig)) continue;
      if (matcher.takes(false)) credit.push(m);
      if (matcher.takes(true)) debit.push(m);
    }
    const shown = merchant || counterparty || description;
    return { credit, debit, name: shown ? nameId(shown) : 0 };
  };

  const range = db
    .prepare(`SELECT COUNT(*), MAX(id), MIN(posted_date), MAX(posted_date) FROM transactions WHERE id > ?`)
    .raw()
    .get(options.afterId) as [number, number | null, string | null, string | null];
  const [total, maxId, minDate, maxDate] = range;
  const throughId = maxId ?? options.afterId;
  const first = minDate ? monthIndex(minDate) : 0;
  const span = maxDate ? monthIndex(maxDate) - first + 1 : 1;
  const rows = db
    .prepare(
      `SELECT account_id, ${monthIndexSql('posted_date')}, amount_cents, balance_after_cents,
              description || char(1) || coalesce(merchant, '') || char(1) || coalesce(category, '') || char(1) ||
                code || char(1) || coalesce(mcc, '') || char(1) || coalesce(counterparty, '')
       FROM transactions WHERE id > ? AND id <= ?`,
    )
    .raw();
  const facts = new Map<number, AccountScan>();
  let pool = new Float64Array(1 << 16);
  let used = 0;
  let read = 0;
  let cacheLimit = 1_000_000;
  for (const row of rows.iterate(options.afterId, throughId) as Iterable<
    [number, number, number, number | null, string]
  >) {
    const [accountId, month, amount, balanceAfter, sigKey] = row;
    let account = facts.get(accountId);
    if (!account) {
      account = new AccountScan();
      facts.set(accountId, account);
    }
    const family = families.codes[accountId] ?? 0;
    if (families.deposit[family] === 1) {
      const dense = (account.dense ??= new Float64Array(4 * span));
      const at = 4 * (month - first);
      dense[at] = dense[at]! + 1;
      dense[at + 1] = dense[at + 1]! + amount;
      if (balanceAfter !== null) {
        dense[at + 2] = dense[at + 2]! + 1;
        dense[at + 3] = dense[at + 3]! + balanceAfter;
      }
    }
    let cls = classes.get(sigKey);
    if (!cls) {
      // Descriptions that carry a unique reference would grow this without bound.
      if (classes.size >= cacheLimit) {
        classes.clear();
        cacheLimit = Math.min(cacheLimit * 2, 4_000_000);
      }
      cls = classify(sigKey);
      classes.set(sigKey, cls);
    }
    const list = amount >= 0 ? cls.credit : cls.debit;
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      const limit = matchers[m]!.families;
      if (limit && !limit.has(families.names[family]!)) continue;
      const key = factKey(m, month, cls.name);
      const at = account.sparse.get(key);
      if (at === undefined) {
        if (used + 2 > pool.length) {
          const grown = new Float64Array(pool.length * 2);
          grown.set(pool);
          pool = grown;
        }
        pool[used] = 1;
        pool[used + 1] = amount;
        account.sparse.set(key, used);
        used += 2;
      } else {
        pool[at] = pool[at]! + 1;
        pool[at + 1] = pool[at + 1]! + amount;
      }
    }
    read++;
    if ((read & 0xffff) === 0) {
      if (options.signal?.aborted) throw new Error('Cancelled.');
      options.onProgress?.(read, total);
    }
  }
  options.onProgress?.(read, total);
  const insertName = db.prepare('INSERT INTO kli_names (id, name) VALUES (?, ?)');
  for (const [id, name] of newNames) insertName.run(id, name);
  return { facts, read, throughId, first, span, pool };
}

/** An account's scanned facts as kept entries (key → [count, amount]). */
export function scannedEntries(
  scan: ScanResult,
  account: AccountScan,
  activity: number,
  balance: number,
): AccountFacts {
  const entries: AccountFacts = new Map();
  const dense = account.dense;
  if (dense) {
    for (let i = 0; i < scan.span; i++) {
      if (dense[4 * i]! > 0) entries.set(factKey(activity, scan.first + i, 0), [dense[4 * i]!, dense[4 * i + 1]!]);
      if (dense[4 * i + 2]! > 0)
        entries.set(factKey(balance, scan.first + i, 0), [dense[4 * i + 2]!, dense[4 * i + 3]!]);
    }
  }
  for (const [key, at] of account.sparse) entries.set(key, [scan.pool[at]!, scan.pool[at + 1]!]);
  return entries;
}

interface Families {
  /** Family code per account id (0: unknown account). */
  codes: Uint8Array;
  /** Family name per code. */
  names: string[];
  /** 1 for the deposit families the activity and running-balance facts read. */
  deposit: Uint8Array;
}

const DEPOSIT = new Set<string>(DEPOSIT_FAMILIES);

/** Each account's product family as a small code, indexed by account id. */
function accountFamilies(db: Db): Families {
  const rows = db
    .prepare('SELECT a.id, p.family FROM accounts a JOIN products p ON p.code = a.product_code')
    .raw()
    .all() as [number, string][];
  const max = rows.reduce((m, [id]) => Math.max(m, id), 0);
  const codes = new Uint8Array(max + 1);
  const names = [''];
  const byName = new Map<string, number>();
  for (const [id, family] of rows) {
    let code = byName.get(family);
    if (code === undefined) {
      code = names.length;
      names.push(family);
      byName.set(family, code);
    }
    codes[id] = code;
  }
  return { codes, names, deposit: Uint8Array.from(names, (name) => (DEPOSIT.has(name) ? 1 : 0)) };
}

function loadNames(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT name, id FROM kli_names').raw().all() as [string, number][];
  return new Map(rows);
}

/** Writes the scanned facts: replacing every account's (full) or adding to what is kept (incremental). */
export function storeFacts(
  db: Db,
  scan: ScanResult,
  ids: { activity: number; balance: number },
  incremental: boolean,
): void {
  if (!incremental) db.exec('DELETE FROM kli_account_facts');
  const read = db.prepare('SELECT facts FROM kli_account_facts WHERE account_id = ?').pluck();
  const write = db.prepare('INSERT OR REPLACE INTO kli_account_facts (account_id, facts) VALUES (?, ?)');
  for (const [accountId, account] of scan.facts) {
    const facts = scannedEntries(scan, account, ids.activity, ids.balance);
    if (incremental) {
      const kept = read.get(accountId) as Buffer | undefined;
      if (kept) {
        const merged = decodeFacts(kept);
        for (const [key, [n, amount]] of facts) {
          const cell = merged.get(key);
          if (cell) {
            cell[0] += n;
            cell[1] += amount;
          } else merged.set(key, [n, amount]);
        }
        write.run(accountId, encodeFacts(merged));
        continue;
      }
    }
    write.run(accountId, encodeFacts(facts));
  }
}

export function saveFactsState(db: Db, state: FactsState): void {
  setSetting(db, STATE_KEY, JSON.stringify(state));
}
