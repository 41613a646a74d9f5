import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../src-shared/api';
import { getDashboard } from '../../src-main/bank/stats';
import { getCustomerProfile, NotFoundError } from '../../src-main/customers/customer-profile';
import { listCustomers } from '../../src-main/customers/list-customers';
import { openDatabase, type Db } from '../../src-main/db/open';
import { buildSmallBank } from '../helpers/small-bank';

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const list = (db: Db, input: Record<string, unknown>) =>
  listCustomers(db, schemas['customers:list'].parse({ page: 0, page_size: 50, ...input }));

describe('customers and the dashboard on the fixture bank', () => {
  let db: Db;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mainstreet-customers-'));
    db = openDatabase(await buildSmallBank(dir));
  });

  it('lists with the summaries the table shows', () => {
    const page = list(db, {});
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.name)).toEqual(['Maria Garcia', "O'Brien, Pat Kelly", 'Jane Smith', 'John Smith']);
    const john = page.rows.find((r) => r.customer_number === '0001001');
    expect(john).toMatchObject({
      household_size: 2,
      accounts: 2,
      total_deposits_cents: 250050,
      total_loans_cents: 18500000,
      city: 'Ames',
    });
  });

  it('searches by name, customer number or city, case-insensitively', () => {
    expect(list(db, { search: 'SMITH' }).total).toBe(2);
    expect(list(db, { search: '0001004' }).rows[0]?.name).toBe('Maria Garcia');
    expect(list(db, { search: 'boone' }).rows[0]?.customer_number).toBe('0001003');
    // Three characters or more go through the trigram index; quotes and apostrophes are text.
    expect(list(db, { search: "o'brien" }).rows.map((r) => r.customer_number)).toEqual(['0001003']);
    expect(list(db, { search: 'ien, p' }).total).toBe(1);
    expect(list(db, { search: '"smith' }).total).toBe(0);
    expect(list(db, { search: 'mes' }).total).toBe(3);
    // LIKE wildcards in the search box are plain characters.
    expect(list(db, { search: '%' }).total).toBe(0);
    expect(list(db, { search: '_' }).total).toBe(0);
  });

  it('sorts in both directions and pages', () => {
    const byDeposits = list(db, { sort: 'total_deposits_cents', direction: 'desc' }).rows.map((r) => r.customer_number);
    expect(byDeposits[0]).toBe('0001002');
    const byAge = list(db, { sort: 'age', direction: 'asc' }).rows.map((r) => r.age);
    const known = byAge.filter((a): a is number => a !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(byAge.at(-1)).toBeNull();
    const second = list(db, { page: 1, page_size: 3 });
    expect(second.rows).toHaveLength(1);
    expect(second.total).toBe(4);
  });

  it('opens a profile with household, accounts and last transactions', () => {
    const id = list(db, { search: '0001001' }).rows[0]?.id ?? 0;
    const profile = getCustomerProfile(db, id);
    expect(profile.name).toBe('John Smith');
    expect(profile.branch).toBe('Main Street Office');
    expect(profile.household.members.map((m) => m.name)).toEqual(['John Smith', 'Jane Smith']);
    expect(profile.accounts.map((a) => [a.account_number, a.role, a.family])).toEqual([
      ['100001', 'owner', 'checking'],
      ['100003', 'owner', 'mortgage'],
    ]);
    expect(profile.transactions.map((t) => t.posted_date)).toEqual([
      '2026-10-01',
      '2026-09-05',
      '2026-09-03',
      '2026-09-01',
    ]);
    expect(profile.flags).toEqual({
      do_not_solicit: false,
      do_not_mail: false,
      deceased: false,
      returned_mail: false,
      employee: false,
    });
    expect(() => getCustomerProfile(db, 9999)).toThrow(NotFoundError);
  });

  it('computes penetration per household and the multi-customer count', () => {
    const dashboard = getDashboard(db);
    const share = Object.fromEntries(dashboard.penetration.map((p) => [p.family, p.households]));
    // Checking: the Smiths' household only (Pat's checking is closed).
    expect(share.checking).toBe(1);
    expect(share.savings).toBe(2);
    expect(share.mortgage).toBe(1);
    expect(share.cd).toBe(0);
    expect(dashboard.multi_customer_households).toBe(2);
    expect(dashboard.last_import?.rows_loaded).toBe(21);
  });
});

describe('search after a bulk load into an empty database', () => {
  it('finds every customer the trigram index was rebuilt for, and keeps the triggers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mainstreet-bulk-'));
    const db = openDatabase(await buildSmallBank(dir));
    // MATCH reads the index itself (a plain COUNT would read the customers table behind it).
    const indexed = db
      .prepare(`SELECT COUNT(*) FROM customer_search WHERE customer_search MATCH '"ames"'`)
      .pluck()
      .get();
    expect(indexed).toBe(3);
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customers' ORDER BY name")
      .pluck()
      .all();
    expect(triggers).toEqual(['customers_search_delete', 'customers_search_insert', 'customers_search_update']);
    expect(listCustomers(db, schemas['customers:list'].parse({ page: 0, page_size: 5, search: 'garcia' })).total).toBe(
      1,
    );
    db.close();
  });
});
