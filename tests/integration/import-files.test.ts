import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getStats } from '../../src-main/bank/stats';
import { openDatabase, type Db } from '../../src-main/db/open';
import { LoadError, loadStandardFiles } from '../../src-main/ingest/import-files';
import { copyStandardSmall } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp-dir';

const options = { actor: 'test', source: 'fixture' };

function snapshot(db: Db) {
  const stats = getStats(db);
  const imports = db.prepare('SELECT COUNT(*) FROM imports').pluck().get();
  const audit = db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
  return { stats, imports, audit };
}

describe('the standard-layout loader', () => {
  const tempDir = useTempDir();

  function setup() {
    const dir = tempDir();
    const files = copyStandardSmall(join(dir, 'files'));
    const db = openDatabase(join(dir, 'bank.sqlite'));
    return { dir, files, db };
  }

  it('loads every file with counts, cents, owners and households', async () => {
    const { files, db } = setup();
    const result = await loadStandardFiles(db, files, options);
    expect(result.files.map((f) => [f.kind, f.rows_read, f.rows_loaded])).toEqual([
      ['products', 3, 3],
      ['customers', 4, 4],
      ['accounts', 5, 5],
      ['transactions', 6, 6],
      ['balances', 3, 3],
    ]);
    const stats = getStats(db);
    expect(stats).toMatchObject({
      customers: 4,
      accounts: 5,
      transactions: 6,
      first_txn_date: '2026-09-01',
      last_txn_date: '2026-10-02',
    });
    // John and Jane share an address written two ways (Street/ST., case, ZIP+4): one household.
    expect(stats.households).toBe(3);
    expect(stats.products).toEqual([
      { family: 'checking', accounts: 1, balance_cents: 250050 },
      { family: 'savings', accounts: 2, balance_cents: 1000000 - 1234 },
      { family: 'mortgage', accounts: 1, balance_cents: 18500000 },
    ]);
    const jane = db.prepare("SELECT * FROM customers WHERE customer_number = '0001002'").get() as Record<
      string,
      unknown
    >;
    expect(jane).toMatchObject({
      do_not_solicit: 1,
      household_size: 2,
      open_accounts: 3,
      deposits_cents: 250050 + 1000000,
      loans_cents: 18500000,
    });
    const pat = db
      .prepare("SELECT first_name, address_line1, deceased FROM customers WHERE customer_number = '0001003'")
      .get();
    expect(pat).toEqual({ first_name: "O'Brien, Pat", address_line1: '400 Oak Ave, Suite 2', deceased: 1 });
    const owners = db
      .prepare(
        `SELECT c.customer_number, o.role FROM account_owners o JOIN customers c ON c.id = o.customer_id
         JOIN accounts a ON a.id = o.account_id WHERE a.account_number = '100003' ORDER BY o.role DESC`,
      )
      .all();
    expect(owners).toEqual([
      { customer_number: '0001001', role: 'owner' },
      { customer_number: '0001002', role: 'joint' },
    ]);
    expect(db.prepare("SELECT amount_cents, mcc FROM transactions WHERE transaction_key = 'T3'").get()).toEqual({
      amount_cents: -1599,
      mcc: '4899',
    });
    expect(db.prepare("SELECT name FROM branches WHERE code = 'BR02'").pluck().get()).toBe('Boone Office');
    expect(db.prepare('SELECT actor, action FROM audit_log').all()).toEqual([{ actor: 'test', action: 'import' }]);
    db.close();
  });

  it('reports progress over all files together, never going back', async () => {
    const { files, db } = setup();
    const seen: { current: number; total: number }[] = [];
    await loadStandardFiles(db, files, { ...options, onProgress: (p) => seen.push(p) });
    const fractions = seen.map((p) => p.current / p.total);
    expect(fractions.length).toBeGreaterThan(files.length);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    db.close();
  });

  it('re-importing the same files changes nothing but the import history', async () => {
    const { files, db } = setup();
    await loadStandardFiles(db, files, options);
    const before = getStats(db);
    const second = await loadStandardFiles(db, files, options);
    expect(getStats(db)).toEqual(before);
    expect(second.files[0]?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('a new month updates customers and accounts in place and adds snapshots', async () => {
    const { dir, files, db } = setup();
    await loadStandardFiles(db, files, options);
    const accounts = join(dir, 'files', 'accounts.csv');
    writeFileSync(accounts, readFileSync(accounts, 'utf8').replace('2500.50,,BR01', '3100.00,,BR01'));
    const balances = join(dir, 'files', 'balances.csv');
    writeFileSync(balances, `${readFileSync(balances, 'utf8')}100001,2026-11-20,3100.00,2900.00\n`);
    await loadStandardFiles(db, [accounts, balances], options);
    expect(db.prepare("SELECT balance_cents FROM accounts WHERE account_number = '100001'").pluck().get()).toBe(310000);
    expect(db.prepare('SELECT COUNT(*) FROM balance_snapshots').pluck().get()).toBe(4);
    expect(getStats(db).accounts).toBe(5);
    db.close();
  });

  it('with an as-of date, each account row records a dated balance snapshot', async () => {
    const { dir, files, db } = setup();
    await loadStandardFiles(db, files, options);
    const accounts = join(dir, 'files', 'accounts.csv');
    writeFileSync(accounts, readFileSync(accounts, 'utf8').replace('2500.50,,BR01', '2750.00,,BR01'));
    await loadStandardFiles(db, [accounts], { ...options, asOf: '2026-11-30' });
    const history = db
      .prepare(
        `SELECT s.as_of, s.balance_cents FROM balance_snapshots s JOIN accounts a ON a.id = s.account_id
         WHERE a.account_number = '100001' ORDER BY s.as_of`,
      )
      .all();
    expect(history).toEqual([
      { as_of: '2026-09-30', balance_cents: 113439 },
      { as_of: '2026-10-31', balance_cents: 250050 },
      { as_of: '2026-11-30', balance_cents: 275000 },
    ]);
    expect(db.prepare("SELECT COUNT(*) FROM balance_snapshots WHERE as_of = '2026-11-30'").pluck().get()).toBe(5);
    db.close();
  });

  it('a bad value is reported with file, row, column, value and reason, and nothing is written', async () => {
    const { dir, files, db } = setup();
    await loadStandardFiles(
      db,
      files.filter((f) => f.endsWith('products.csv')),
      options,
    );
    const before = snapshot(db);
    const transactions = join(dir, 'files', 'transactions.csv');
    writeFileSync(transactions, readFileSync(transactions, 'utf8').replace('-15.99', '$15.99'));
    const error = await loadStandardFiles(db, files, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).issues).toEqual([
      {
        file: 'transactions.csv',
        row: 4,
        column: 'amount',
        value: '$15.99',
        reason: 'expected an amount like 1234.56 (no $ or thousands separator)',
      },
    ]);
    expect((error as LoadError).message).toContain('transactions.csv row 4, column amount, value "$15.99"');
    expect(snapshot(db)).toEqual(before);
    db.close();
  });

  it('a date in the future is refused', async () => {
    const { dir, files, db } = setup();
    const transactions = join(dir, 'files', 'transactions.csv');
    writeFileSync(
      transactions,
      readFileSync(transactions, 'utf8').replace('T6,100001,2026-10-01', 'T6,100001,2099-10-01'),
    );
    const error = (await loadStandardFiles(db, files, options).catch((e: unknown) => e)) as LoadError;
    expect(error.issues).toEqual([
      { file: 'transactions.csv', row: 7, column: 'posted_date', value: '2099-10-01', reason: 'date is in the future' },
    ]);
    db.close();
  });

  it('unknown references and missing columns are precise errors too', async () => {
    const { dir, files, db } = setup();
    const accounts = join(dir, 'files', 'accounts.csv');
    writeFileSync(accounts, readFileSync(accounts, 'utf8').replace('100005,SAV-REG,0001004', '100005,SAV-XYZ,0009999'));
    const customers = join(dir, 'files', 'customers.csv');
    writeFileSync(customers, readFileSync(customers, 'utf8').replace(',last_name,', ',surname,'));
    const error = (await loadStandardFiles(db, files, options).catch((e: unknown) => e)) as LoadError;
    expect(error.issues[0]).toEqual({
      file: 'customers.csv',
      row: 1,
      column: 'last_name',
      value: '',
      reason: 'required column "last_name" is missing from the header',
    });
    expect(error.issues).toContainEqual({
      file: 'accounts.csv',
      row: 6,
      column: 'product_code',
      value: 'SAV-XYZ',
      reason: 'unknown product code (not in the products file or the profile)',
    });
    expect(getStats(db).customers).toBe(0);
    db.close();
  });

  it('a cancelled load rolls back', async () => {
    const { files, db } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(loadStandardFiles(db, files, { ...options, signal: controller.signal })).rejects.toThrow();
    expect(db.inTransaction).toBe(false);
    expect(getStats(db).customers).toBe(0);
    db.close();
  });
});
