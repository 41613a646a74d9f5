import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { getDashboard, getSetting } from '../../src-main/bank/stats';
import { listCustomers } from '../../src-main/customers/list-customers';
import { getCustomerProfile } from '../../src-main/customers/customer-profile';
import { openDatabase, type Db } from '../../src-main/db/open';
import { importFiles } from '../../src-main/ingest/import-files';
import { BERKA } from '../../src-main/ingest/profiles/berka';
import { SHARED_DATA } from '../helpers/fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const BERKA_DIR = join(SHARED_DATA, 'berka-pkdd99');
const files = readdirSync(BERKA_DIR)
  .filter((name) => name.endsWith('.asc'))
  .map((name) => join(BERKA_DIR, name));

describe('the berka profile on the real PKDD’99 files', () => {
  let dir = '';
  let db: Db;
  let result: Awaited<ReturnType<typeof importFiles>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mainstreet-berka-'));
    db = openDatabase(join(dir, 'berka.sqlite'));
    result = await importFiles(db, files, BERKA, { actor: 'test', source: 'berka' });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = (sql: string) => db.prepare(sql).pluck().get() as number;

  it('loads all eight files, each as its kind, every row', () => {
    expect(result.files.map((f) => [f.path.split(/[\\/]/).pop(), f.kind, f.rows_read, f.rows_loaded])).toEqual([
      ['district.asc', 'geography', 77, 77],
      ['client.asc', 'customers', 5369, 5369],
      ['account.asc', 'accounts', 4500, 4500],
      ['disp.asc', 'owners', 5369, 5369],
      ['card.asc', 'accounts', 892, 892],
      ['loan.asc', 'accounts', 682, 682],
      ['order.asc', 'payees', 6471, 6471],
      ['trans.partial.asc', 'transactions', 49101, 49101],
    ]);
  });

  it('counts clients, accounts, loans, cards and transactions as the data set publishes them', () => {
    expect(count('SELECT COUNT(*) FROM customers')).toBe(5369);
    expect(count("SELECT COUNT(*) FROM accounts WHERE product_code LIKE 'BK-CHK-%'")).toBe(4500);
    expect(count("SELECT COUNT(*) FROM accounts WHERE product_code = 'BK-LOAN'")).toBe(682);
    expect(count("SELECT COUNT(*) FROM accounts WHERE product_code LIKE 'BK-CARD-%'")).toBe(892);
    expect(count('SELECT COUNT(*) FROM transactions')).toBe(49101);
    expect(count('SELECT COUNT(*) FROM payees')).toBe(6471);
    expect(count('SELECT COUNT(*) FROM geography')).toBe(77);
    // Every disposition is an owner row; every account, loan and card has an owner.
    expect(count('SELECT COUNT(*) FROM account_owners WHERE owner_key IS NOT NULL')).toBe(5369);
    expect(
      count(
        'SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM account_owners o WHERE o.account_id = a.id)',
      ),
    ).toBe(0);
  });

  it('derives birth date and gender from the birth number, and places clients in their district', () => {
    const client = db.prepare("SELECT * FROM customers WHERE customer_number = '1'").get() as Record<string, unknown>;
    // birth_number 706213: 1970, month 62 - 50 = 12 (a woman), day 13; district 18 is Pisek.
    expect(client).toMatchObject({
      last_name: 'Client 1',
      birth_date: '1970-12-13',
      gender: 'F',
      country: 'CZ',
      geography_code: '18',
      city: 'Pisek',
      state: 'south Bohemia',
    });
    expect(db.prepare("SELECT gender FROM customers WHERE customer_number = '2'").pluck().get()).toBe('M');
  });

  it('gives cards to their disposition’s client and loans to their account’s owners', () => {
    // card 1005 belongs to disposition 9285
    const cardOwner = db
      .prepare(
        `SELECT c.customer_number FROM accounts a JOIN account_owners o ON o.account_id = a.id
         JOIN customers c ON c.id = o.customer_id WHERE a.account_number = 'C1005'`,
      )
      .pluck()
      .all();
    const dispClient = db
      .prepare(
        `SELECT c.customer_number FROM account_owners o JOIN customers c ON c.id = o.customer_id WHERE o.owner_key = '9285'`,
      )
      .pluck()
      .all();
    expect(cardOwner).toEqual(dispClient);
    expect(cardOwner).toHaveLength(1);
    // loan 5314 is on account 1787, status B (finished, not paid)
    const ownersOf = (number: string) =>
      db
        .prepare(
          `SELECT o.customer_id FROM accounts a JOIN account_owners o ON o.account_id = a.id
           WHERE a.account_number = ? ORDER BY o.customer_id`,
        )
        .pluck()
        .all(number);
    expect(ownersOf('L5314')).toEqual(ownersOf('1787'));
    expect(db.prepare("SELECT status, balance_cents FROM accounts WHERE account_number = 'L5314'").get()).toEqual({
      status: 'CHARGED_OFF',
      balance_cents: 9639600,
    });
  });

  it('maps the Czech transaction codes, with debits negative', () => {
    const first = db
      .prepare("SELECT posted_date, amount_cents, code, description FROM transactions WHERE transaction_key = '695247'")
      .get();
    expect(first).toEqual({ posted_date: '1993-01-01', amount_cents: 70000, code: 'DEP', description: 'Cash deposit' });
    const byCode = db
      .prepare(
        'SELECT code, MIN(amount_cents) AS min, MAX(amount_cents) AS max, COUNT(*) AS n FROM transactions GROUP BY code',
      )
      .all() as { code: string; min: number; max: number; n: number }[];
    const of = (code: string) => byCode.find((r) => r.code === code);
    expect(of('DD')).toMatchObject({ n: 1770 });
    expect(of('DD')?.min).toBeGreaterThan(0);
    expect(of('INT')).toMatchObject({ n: 9462 });
    expect(of('ATM')?.max).toBeLessThan(0);
    expect(of('FEE')?.max).toBeLessThan(0);
    expect(of('ACH_DR')?.max).toBeLessThan(0);
    expect(of('XFER_IN')?.min).toBeGreaterThan(0);
  });

  it('shows on the Customers screen and the Home dashboard, in koruna', () => {
    const page = listCustomers(db, {
      page: 0,
      page_size: 50,
      search: 'client 1',
      sort: 'customer_number',
      direction: 'asc',
    });
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows[0]).toMatchObject({ name: expect.stringContaining('Client 1'), city: expect.any(String) });
    const profile = getCustomerProfile(db, page.rows[0]?.id ?? 0);
    expect(profile.accounts.length).toBeGreaterThan(0);
    const dashboard = getDashboard(db);
    expect(dashboard.stats).toMatchObject({
      customers: 5369,
      households: 5369,
      accounts: 6074,
      transactions: 49101,
      first_txn_date: '1993-01-01',
      last_txn_date: '1994-03-31',
    });
    const checking = dashboard.penetration.find((p) => p.family === 'checking');
    expect(checking?.households).toBeGreaterThan(4000);
    expect(getSetting(db, 'currency')).toBe('CZK');
    // Accounts without a balance in the file show the balance after their latest transaction.
    expect(db.prepare("SELECT balance_cents FROM accounts WHERE account_number = '576'").pluck().get()).toBe(
      db
        .prepare(
          `SELECT balance_after_cents FROM transactions t JOIN accounts a ON a.id = t.account_id
           WHERE a.account_number = '576' ORDER BY posted_date DESC, t.id DESC LIMIT 1`,
        )
        .pluck()
        .get(),
    );
  });
});
