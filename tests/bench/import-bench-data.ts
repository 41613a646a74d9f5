/**
 * Inputs of `npm run bench -- import`: the default demo bank (built once and kept in a cache
 * under the OS temp dir, keyed by the source that makes it: generator, importer, schema) and
 * a generated transactions.csv in the standard layout for that bank's open checking and savings
 * accounts, written row by row so its size never touches memory.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoBank } from '../../src-main/bank/demo-bank';
import { LATEST_VERSION } from '../../src-main/db/migrations';
import { DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED } from '../../src-main/demo';
import { csvField, CsvSink } from '../../src-main/demo/csv-sink';
import { Rng } from '../../src-main/demo/random';

const ROOT = join(import.meta.dirname, '..', '..');
const CACHE = join(tmpdir(), 'mainstreet-bench-cache');
/** Bump when this file's idea of "the demo bank the import bench starts from" changes. */
const CACHE_FORMAT = 1;
/** Checking and savings transactions sampled from the demo bank: the mix and words rows are drawn from. */
const POOL_SIZE = 50_000;
const DAY_MS = 86_400_000;

/** Every file under a folder of the repo, in a stable order. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/**
 * The generator's source and parameters, and the importer and schema that load its files: a
 * change to any of them makes a different demo bank (merchant cleanup fills columns, for one).
 */
function sourceHash(): string {
  const hash = createHash('sha256').update(`${CACHE_FORMAT}/${LATEST_VERSION}`);
  for (const dir of ['src-main/demo', 'resources/demo', 'src-main/ingest', 'src-main/bank', 'src-main/db']) {
    for (const file of filesUnder(dir)) hash.update(file).update(readFileSync(join(ROOT, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** A demo bank's database file (default: the 25,000-customer one), built on first use and reused after. */
export async function cachedDemoBank(
  customers: number = DEFAULT_DEMO_CUSTOMERS,
  onProgress?: (step: string, current: number, total: number) => void,
): Promise<{ path: string; built: boolean; seconds: number }> {
  const prefix = `demo-${customers}-seed${DEFAULT_DEMO_SEED}-`;
  const path = join(CACHE, `${prefix}${sourceHash()}.sqlite`);
  if (existsSync(path)) return { path, built: false, seconds: 0 };
  mkdirSync(CACHE, { recursive: true });
  // Banks of an older generator are never read again.
  for (const old of readdirSync(CACHE)) if (old.startsWith(prefix)) rmSync(join(CACHE, old), { force: true });
  const result = await buildDemoBank(
    { dbPath: path, customers, seed: DEFAULT_DEMO_SEED },
    onProgress ? { onProgress: (p) => onProgress(p.step, p.current, p.total) } : {},
  );
  return { path, built: true, seconds: result.seconds.total };
}

interface AccountRow {
  account_number: string;
  open_date: string;
  family: 'checking' | 'savings';
  balance_cents: number;
}

interface Sample {
  family: AccountRow['family'];
  code: string;
  description: string;
  mcc: string | null;
  amount_cents: number;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const money = (cents: number) => {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/**
 * Writes `rows` transactions over the last 365 days (yesterday the latest, so no date is in the
 * future), in posting-date order as a core's daily extract runs, for open checking and savings
 * accounts of the bank. Codes, descriptions, MCCs and amounts are drawn from the bank's own
 * transactions; ids continue after the bank's highest, so none collides with one it holds.
 */
export async function writeTransactionsCsv(
  dbPath: string,
  csvPath: string,
  rows: number,
  seed = 1,
): Promise<{ rows: number; accounts: number; from: string; to: string }> {
  const db = new Database(dbPath, { readonly: true });
  let accounts: AccountRow[];
  let pool: Sample[];
  let nextId: number;
  try {
    accounts = db
      .prepare(
        `SELECT a.account_number, a.open_date, p.family, a.balance_cents FROM accounts a
         JOIN products p ON p.code = a.product_code
         WHERE a.status = 'OPEN' AND p.family IN ('checking', 'savings') ORDER BY a.id`,
      )
      .all() as AccountRow[];
    const total = db.prepare('SELECT COUNT(*) FROM transactions').pluck().get() as number;
    const stride = Math.max(1, Math.floor(total / POOL_SIZE));
    pool = db
      .prepare(
        `SELECT p.family, t.code, t.description, t.mcc, t.amount_cents FROM transactions t
         JOIN accounts a ON a.id = t.account_id JOIN products p ON p.code = a.product_code
         WHERE p.family IN ('checking', 'savings') AND t.id % ? = 0`,
      )
      .all(stride) as Sample[];
    nextId = Number(db.prepare('SELECT MAX(CAST(transaction_key AS INTEGER)) FROM transactions').pluck().get()) + 1;
  } finally {
    db.close();
  }
  if (!Number.isSafeInteger(nextId)) throw new Error(`${dbPath}: transaction ids are not numbers`);

  const rng = new Rng(seed);
  const yesterday = Date.parse(isoDay(Date.now())) - DAY_MS;
  const first = yesterday - 364 * DAY_MS;
  const byFamily = (family: string, opened: string) =>
    accounts.filter((a) => a.family === family && a.open_date <= opened);
  const families = {
    checking: { all: byFamily('checking', '9999-12-31'), older: byFamily('checking', isoDay(first)) },
    savings: { all: byFamily('savings', '9999-12-31'), older: byFamily('savings', isoDay(first)) },
  };
  if (pool.length === 0 || Object.values(families).some((f) => f.older.length === 0)) {
    throw new Error(`${dbPath}: too young or too quiet a bank to draw a year of transactions from`);
  }
  const balances = new Map<string, number>();
  const sink = new CsvSink(csvPath, [
    'transaction_id',
    'account_number',
    'posted_date',
    'amount',
    'code',
    'description',
    'mcc',
    'balance_after',
  ]);
  try {
    let written = 0;
    for (let day = 0; day < 365; day++) {
      const date = isoDay(first + day * DAY_MS);
      for (const until = Math.round((rows * (day + 1)) / 365); written < until; written++) {
        // A posting of the bank's own mix, to an account of its kind. One opened after this day
        // cannot post on it: an older one posts instead.
        const s = rng.pick(pool);
        let account = rng.pick(families[s.family].all);
        if (account.open_date > date) account = rng.pick(families[s.family].older);
        const balance = (balances.get(account.account_number) ?? account.balance_cents) + s.amount_cents;
        balances.set(account.account_number, balance);
        sink.line(
          `${String(nextId + written).padStart(10, '0')},${account.account_number},${date},${money(s.amount_cents)},` +
            `${s.code},${csvField(s.description)},${s.mcc ?? ''},${money(balance)}`,
        );
        if (sink.needsDrain) await sink.drain();
      }
    }
    await sink.close();
  } catch (error) {
    await sink.abandon();
    throw error;
  }
  return { rows: sink.rows, accounts: accounts.length, from: isoDay(first), to: isoDay(yesterday) };
}
