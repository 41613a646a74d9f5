/**
 * Monthly facts: for each account, matcher, month and payee name, how many matching
 * transactions and their signed total. KLIs are decided from these, never from raw rows, and
 * they are kept (one packed blob per account) so that after a new month's import only the new
 * transactions are read.
 *
 * A blob is a Float64Array of triples [key, count, amount]: key = (matcher * 4096 + month) *
 * 2^20 + name, month counted from January 1900, name an id in kli_names (0: not tracked). An
 * incremental compute appends to an account's blob, so a key may repeat (a late-posted
 * transaction of a month already kept): readers sum repeated keys.
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
import { signatureFields, signatureKeySql, type SignatureFields } from '../bank/signatures';

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
  /** The last part written (0: a full compute); the next incremental compute writes part + 1. */
  part?: number;
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
  if ((state.part ?? 0) >= MAX_PART) return 'the kept facts are gathered into one part again';
  if (!countRows) return null;
  const count =
    (db.prepare('SELECT COUNT(*) FROM transactions WHERE id <= ?').pluck().get(state.through) as number) ?? 0;
  if (count !== state.count) return 'transactions were removed (an import was rolled back)';
  return null;
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

/** Transaction ids per read: one statement hands over this many numbered rows as one text. */
const CHUNK = 20_000;

/**
 * Reads transactions once and folds them into facts per account. Numbered rows (see
 * bank/signatures.ts) come a chunk of ids at a time as one text of numbers, which SQLite
 * builds far faster than it hands over rows; the few rows without a number are read with their
 * text.
 */
export function scanTransactions(db: Db, options: ScanOptions): ScanResult {
  const families = accountFamilies(db);
  const nameIds = loadNames(db);
  // New names are numbered here and written after the scan.
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
  const matchers = options.matchers;
  const classify = (fields: SignatureFields): SignatureClass => {
    const [description, merchant, category, code, mcc, counterparty] = fields;
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
  const facts = new Map<number, AccountScan>();
  let pool = new Float64Array(1 << 16);
  let used = 0;

  /** Adds one transaction to its account's facts (balanceAfter NaN: none). */
  const fold = (accountId: number, month: number, amount: number, balanceAfter: number, cls: SignatureClass) => {
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
      if (!Number.isNaN(balanceAfter)) {
        dense[at + 2] = dense[at + 2]! + 1;
        dense[at + 3] = dense[at + 3]! + balanceAfter;
      }
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
  };

  // Numbered rows: "account,YYYY-MM,amount,balance,signature" joined by char(2), per chunk.
  const numbered = db
    .prepare(
      `SELECT group_concat(account_id || ',' || substr(posted_date, 1, 7) || ',' || amount_cents || ',' ||
                coalesce(balance_after_cents, '') || ',' || signature_id, char(2)),
              count(*) - count(signature_id)
       FROM transactions WHERE id > ? AND id <= ?`,
    )
    .raw();
  const unnumbered = db
    .prepare(
      `SELECT account_id, ${monthIndexSql('posted_date')}, amount_cents, balance_after_cents, ${signatureKeySql('transactions')}
       FROM transactions WHERE id > ? AND id <= ? AND signature_id IS NULL`,
    )
    .raw();
  const signatureText = db
    .prepare(
      `SELECT s.id, s.description, coalesce(s.merchant, ''), coalesce(s.category, ''), s.code, coalesce(s.mcc, ''),
            coalesce(s.counterparty, '')
     FROM transaction_signatures s WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .raw();
  const bySignature: (SignatureClass | undefined)[] = [];
  const byText = new Map<string, SignatureClass>();
  let textLimit = 1_000_000;
  const rows = new ChunkRows(CHUNK);
  let read = 0;
  for (let low = options.afterId; low < throughId; low += CHUNK) {
    const high = Math.min(low + CHUNK, throughId);
    const [text, unnumberedRows] = numbered.get(low, high) as [string | null, number];
    if (text) {
      rows.parse(text);
      const unknown: number[] = [];
      for (let r = 0; r < rows.length; r++) {
        const id = rows.signature[r]!;
        if (bySignature[id] === undefined) {
          bySignature[id] = EMPTY_CLASS; // until its text is read below
          unknown.push(id);
        }
      }
      if (unknown.length > 0) {
        for (const [id, ...fields] of signatureText.all(JSON.stringify(unknown)) as [number, ...SignatureFields][])
          bySignature[id] = classify(fields);
      }
      for (let r = 0; r < rows.length; r++) {
        fold(rows.account[r]!, rows.month[r]!, rows.amount[r]!, rows.balance[r]!, bySignature[rows.signature[r]!]!);
      }
      read += rows.length;
    }
    if (unnumberedRows > 0) {
      for (const [accountId, month, amount, balanceAfter, key] of unnumbered.iterate(low, high) as Iterable<
        [number, number, number, number | null, string]
      >) {
        let cls = byText.get(key);
        if (!cls) {
          // Descriptions that carry a unique reference would grow this without bound.
          if (byText.size >= textLimit) {
            byText.clear();
            textLimit = Math.min(textLimit * 2, 4_000_000);
          }
          cls = classify(signatureFields(key));
          byText.set(key, cls);
        }
        fold(accountId, month, amount, balanceAfter ?? Number.NaN, cls);
        read++;
      }
    }
    if (options.signal?.aborted) throw new Error('Cancelled.');
    options.onProgress?.(read, total);
  }
  options.onProgress?.(read, total);
  const insertName = db.prepare('INSERT INTO kli_names (id, name) VALUES (?, ?)');
  for (const [id, name] of newNames) insertName.run(id, name);
  return { facts, read, throughId, first, span, pool };
}

/** A signature not (yet) read: matches nothing. */
const EMPTY_CLASS: SignatureClass = { credit: [], debit: [], name: 0 };

/**
 * Reads whole numbers from a text of numbers and single separators ("12,2025-10,-450,,7"):
 * each next() steps past one number and the character after it; an empty field reads as NaN.
 */
export class NumberReader {
  private i = 0;
  constructor(private readonly text: string) {}
  done(): boolean {
    return this.i >= this.text.length;
  }
  next(): number {
    const text = this.text;
    let i = this.i;
    let c = text.charCodeAt(i);
    const negative = c === 45;
    if (negative) c = text.charCodeAt(++i);
    let value = 0;
    let digits = 0;
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      c = text.charCodeAt(++i);
    }
    this.i = i + 1;
    if (digits === 0) return Number.NaN;
    return negative ? -value : value;
  }
}

/** One chunk's numbered rows, parsed from "account,YYYY-MM,amount,balance,signature" records. */
class ChunkRows {
  length = 0;
  readonly account: Float64Array;
  readonly month: Int32Array;
  readonly amount: Float64Array;
  /** NaN: no running balance on the row. */
  readonly balance: Float64Array;
  readonly signature: Int32Array;
  constructor(capacity: number) {
    this.account = new Float64Array(capacity);
    this.month = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
    this.balance = new Float64Array(capacity);
    this.signature = new Int32Array(capacity);
  }

  parse(text: string): void {
    const numbers = new NumberReader(text);
    let r = 0;
    while (!numbers.done()) {
      this.account[r] = numbers.next();
      const year = numbers.next(); // "YYYY-MM": the dash ends the year
      this.month[r] = (year - 1900) * 12 + numbers.next() - 1;
      this.amount[r] = numbers.next();
      this.balance[r] = numbers.next();
      this.signature[r] = numbers.next();
      r++;
    }
    this.length = r;
  }
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

/** How many kept entries (triples) an account's scanned facts make. */
function scannedSize(scan: ScanResult, account: AccountScan): number {
  const dense = account.dense;
  let entries = account.sparse.size;
  if (dense)
    for (let i = 0; i < scan.span; i++) entries += (dense[4 * i]! > 0 ? 1 : 0) + (dense[4 * i + 2]! > 0 ? 1 : 0);
  return entries;
}

/** Packs an account's scanned facts as kept (triples key, count, amount) into `values` from `at`. */
function packScanned(
  scan: ScanResult,
  account: AccountScan,
  ids: { activity: number; balance: number },
  values: Float64Array,
  at: number,
): void {
  const dense = account.dense;
  let v = at;
  if (dense) {
    for (let i = 0; i < scan.span; i++) {
      if (dense[4 * i]! > 0) {
        values[v++] = factKey(ids.activity, scan.first + i, 0);
        values[v++] = dense[4 * i]!;
        values[v++] = dense[4 * i + 1]!;
      }
      if (dense[4 * i + 2]! > 0) {
        values[v++] = factKey(ids.balance, scan.first + i, 0);
        values[v++] = dense[4 * i + 2]!;
        values[v++] = dense[4 * i + 3]!;
      }
    }
  }
  for (const [key, p] of account.sparse) {
    values[v++] = key;
    values[v++] = scan.pool[p]!;
    values[v++] = scan.pool[p + 1]!;
  }
}

/** Parts an account's facts may be kept in (id = account_id * PARTS + part). */
export const PARTS = 1024;
/** After this many incremental computes the facts are rebuilt in one part. */
export const MAX_PART = 48;

/** The SQL range of an account's kept parts: `WHERE id BETWEEN ? AND ?`. */
export const partRange = (accountId: number): [number, number] => [accountId * PARTS, accountId * PARTS + PARTS - 1];

/**
 * Writes the scanned facts: a full compute replaces everything with part 0 of each account
 * and returns the facts, packed, for the evaluation to read without going back to the
 * database; an incremental one adds `part` for the accounts the new transactions touched
 * (a month already kept may then repeat a key in another part: readers sum repeated keys) and
 * returns nothing. Accounts are written in id order (appending to the table), packed side by
 * side in one array (many small arrays cost more).
 */
export function storeFacts(
  db: Db,
  scan: ScanResult,
  ids: { activity: number; balance: number },
  part: number,
): Map<number, Float64Array> {
  if (part === 0) db.exec('DELETE FROM kli_account_facts');
  const write = db.prepare('INSERT INTO kli_account_facts (id, facts) VALUES (?, ?)');
  const accounts = [...scan.facts.keys()].sort((a, b) => a - b);
  let size = 0;
  for (const id of accounts) size += scannedSize(scan, scan.facts.get(id)!) * 3;
  const arena = new Float64Array(size);
  let at = 0;
  const kept = new Map<number, Float64Array>();
  for (const accountId of accounts) {
    const length = scannedSize(scan, scan.facts.get(accountId)!) * 3;
    packScanned(scan, scan.facts.get(accountId)!, ids, arena, at);
    const values = arena.subarray(at, at + length);
    at += length;
    write.run(accountId * PARTS + part, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    if (part === 0) kept.set(accountId, values);
  }
  return kept;
}

export function saveFactsState(db: Db, state: FactsState): void {
  setSetting(db, STATE_KEY, JSON.stringify(state));
}
