/** Kept monthly facts: a new month reads only the new transactions; anything else rebuilds them in full. */
import { describe, expect, it } from 'vitest';
import { rollbackImport } from '../../../src-main/ingest/import-history';
import { MAX_PART, PARTS } from '../../../src-main/kli/facts';
import { useKliBank, type Account, type KliBank } from '../../helpers/kli-bank';

const rocket = { category: 'loan_payment', code: 'ACH_DR', merchant: 'Rocket Mortgage' } as const;
const pay = { category: 'payroll', code: 'DD' } as const;

/** Three customers with eleven months of history, July 2025 to May 2026. */
function elevenMonths(bank: KliBank) {
  const ann = bank.customer('Ann Lee', { household: 'H1' });
  const bob = bank.customer('Bob Lee', { household: 'H1' });
  const cy = bank.customer('Cy Fox');
  const annChk = bank.account(ann, 'CHK-FREE', { joint: [bob] });
  const annSav = bank.account(ann, 'SAV', { balance: 2_000_000 });
  const cyChk = bank.account(cy, 'CHK-FREE');
  bank.monthly(annChk, '2025-07-01', 11, 300_000, 'ACME CORP PAYROLL', pay);
  bank.monthly(annChk, '2025-07-05', 11, -52_000, 'ROCKET MORTGAGE PMT', rocket);
  bank.monthly(annChk, '2025-07-15', 11, -20_000, 'TRANSFER TO SAVINGS', { category: 'transfer' });
  bank.monthly(annSav, '2025-07-15', 11, 20_000, 'TRANSFER FROM CHECKING', { category: 'transfer' });
  bank.monthly(cyChk, '2025-07-20', 11, -9_000, 'HY-VEE', { category: 'groceries', balance: 8_000 });
  bank.monthly(cyChk, '2025-07-21', 11, -1_549, 'NETFLIX.COM', { category: 'subscriptions_streaming' });
  return { ann, bob, cy, annChk, annSav, cyChk };
}

/**
 * June 2026, with a new customer, a new lender and a late-posted May charge; returns the ids
 * added. Dee's payment (an auto lender unless said otherwise) goes to the account given, or to
 * a new customer Dee's checking.
 */
function june(
  bank: KliBank,
  people: ReturnType<typeof elevenMonths>,
  dee: { account?: Account; payment?: [number, string, Parameters<KliBank['txn']>[4]] } = {},
): number[] {
  const deeChk = dee.account ?? bank.account(bank.customer('Dee Park'), 'CHK-FREE');
  const [cents, description, options] = dee.payment ?? [-41_500, 'TOYOTA FINANCIAL SVCS', { category: 'loan_payment' }];
  return [
    bank.txn(people.annChk, '2026-06-01', 300_000, 'ACME CORP PAYROLL', pay),
    bank.txn(people.annChk, '2026-06-05', -52_000, 'ROCKET MORTGAGE PMT', rocket),
    bank.txn(people.annChk, '2026-06-15', -20_000, 'TRANSFER TO SAVINGS', { category: 'transfer' }),
    bank.txn(people.annSav, '2026-06-15', 20_000, 'TRANSFER FROM CHECKING', { category: 'transfer' }),
    bank.txn(people.cyChk, '2026-06-20', -9_000, 'HY-VEE', { category: 'groceries', balance: 8_000 }),
    bank.txn(people.cyChk, '2026-05-30', -1_199, 'SPOTIFY USA', { category: 'subscriptions_streaming' }),
    bank.txn(deeChk, '2026-06-10', cents, description, options),
  ];
}

const transactionCount = (bank: KliBank) => bank.db.prepare('SELECT COUNT(*) FROM transactions').pluck().get();

describe('incremental compute', () => {
  const newBank = useKliBank();

  it('reads only the transactions added since, and decides the same as a full compute', () => {
    const bank = newBank();
    const people = elevenMonths(bank);
    const first = bank.compute({ asOf: '2026-05-31' });
    expect(first).toMatchObject({ as_of: '2026-05-31', incremental: false, transactions_read: 66 });
    expect(bank.flagged('regular-saver')).toEqual(['Ann Lee', 'Bob Lee']);
    expect(bank.flagged('auto-loan-elsewhere')).toEqual([]);

    const added = june(bank, people).length;
    const next = bank.compute({ asOf: '2026-06-30' });
    expect(next).toMatchObject({ as_of: '2026-06-30', incremental: true, transactions_read: added });
    expect(bank.flagged('auto-loan-elsewhere')).toEqual(['Dee Park']);
    expect(bank.result('regular-saver', people.ann)?.value).toBe(12);
    expect(bank.result('subscriptions', people.cy)).toEqual({ value: 2, detail: 'NETFLIX.COM, SPOTIFY USA' });
    const incremental = bank.allResults();

    const full = bank.compute({ asOf: '2026-06-30', full: true });
    expect(full).toMatchObject({ incremental: false, transactions_read: transactionCount(bank) });
    expect(bank.allResults()).toEqual(incremental);
    expect(full.klis).toEqual(next.klis);
  });

  it('adds each new month as a part of its own, and gathers the parts into one after MAX_PART computes', () => {
    const bank = newBank();
    const people = elevenMonths(bank);
    bank.compute({ asOf: '2026-05-31' });
    const parts = () =>
      bank.db.prepare(`SELECT DISTINCT id % ${PARTS} FROM kli_account_facts ORDER BY 1`).pluck().all() as number[];
    expect(parts()).toEqual([0]);
    // June in two imports, a part each (the second brings a late-posted May charge).
    const [firstOfJune] = june(bank, people);
    bank.db.exec(`CREATE TEMP TABLE held AS SELECT * FROM transactions WHERE id > ${firstOfJune};
                  DELETE FROM transactions WHERE id > ${firstOfJune};`);
    expect(bank.compute({ asOf: '2026-06-30' })).toMatchObject({ incremental: true, transactions_read: 1 });
    bank.db.exec('INSERT INTO transactions SELECT * FROM temp.held');
    expect(bank.compute({ asOf: '2026-06-30' })).toMatchObject({ incremental: true, transactions_read: 6 });
    expect(parts()).toEqual([0, 1, 2]);
    const byParts = bank.allResults();
    expect(bank.compute({ asOf: '2026-06-30', full: true }).incremental).toBe(false);
    expect(parts()).toEqual([0]);
    expect(bank.allResults()).toEqual(byParts);

    // Many months later the parts are gathered again: the next compute is a full one.
    const state = JSON.parse(
      bank.db.prepare("SELECT value FROM settings WHERE key = 'kli_facts_state'").pluck().get() as string,
    );
    bank.db
      .prepare("UPDATE settings SET value = ? WHERE key = 'kli_facts_state'")
      .run(JSON.stringify({ ...state, part: MAX_PART }));
    expect(bank.compute({ asOf: '2026-06-30' }).incremental).toBe(false);
    expect(parts()).toEqual([0]);
  });

  it('reads nothing when nothing was added, and keeps the same verdicts', () => {
    const bank = newBank();
    elevenMonths(bank);
    bank.compute({ asOf: '2026-05-31' });
    const before = bank.allResults();
    expect(bank.compute({ asOf: '2026-05-31' })).toMatchObject({ incremental: true, transactions_read: 0 });
    expect(bank.allResults()).toEqual(before);
  });

  it('keeps each compute in the run history', () => {
    const bank = newBank();
    const people = elevenMonths(bank);
    bank.compute({ asOf: '2026-05-31' });
    june(bank, people);
    bank.compute({ asOf: '2026-06-30' });
    const runs = bank.db
      .prepare(
        'SELECT as_of, lookback_months, transactions_read, incremental, customers, actor FROM kli_runs ORDER BY id',
      )
      .all();
    expect(runs).toEqual([
      { as_of: '2026-05-31', lookback_months: 12, transactions_read: 66, incremental: 0, customers: 3, actor: 'test' },
      { as_of: '2026-06-30', lookback_months: 12, transactions_read: 7, incremental: 1, customers: 4, actor: 'test' },
    ]);
  });

  it('decides as of an earlier date without the later months, and over the lookback the settings give', () => {
    const bank = newBank();
    const people = elevenMonths(bank);
    june(bank, people);
    bank.compute({ asOf: '2026-05-31' });
    expect(bank.flagged('auto-loan-elsewhere')).toEqual([]);
    expect(bank.result('regular-saver', people.ann)?.value).toBe(11);
    bank.setting('kli_lookback_months', '3');
    bank.compute({ lookbackMonths: undefined });
    expect(bank.db.prepare('SELECT lookback_months FROM kli_runs ORDER BY id DESC').pluck().get()).toBe(3);
    expect(bank.result('regular-saver', people.ann)).toBeNull();
    expect(bank.result('mortgage-elsewhere', people.ann)?.value).toBe(52_000);
  });

  it('rebuilds the facts in full after transactions were removed (a rollback), forgetting them', () => {
    const bank = newBank();
    const people = elevenMonths(bank);
    june(bank, people);
    bank.compute();
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee', 'Bob Lee']);
    bank.db.prepare("DELETE FROM transactions WHERE description = 'ROCKET MORTGAGE PMT'").run();
    const after = bank.compute();
    expect(after).toMatchObject({ incremental: false, transactions_read: transactionCount(bank) });
    expect(bank.flagged('mortgage-elsewhere')).toEqual([]);
  });

  // Rolling back the newest import deletes the highest transaction ids, and SQLite hands the same
  // ids to the next import (no AUTOINCREMENT): with as many rows, COUNT(id <= through) is unchanged,
  // so the facts state remembers which imports were rolled back and rebuilds after a new one.
  it('rebuilds the facts after the newest import was rolled back and a corrected one reused its ids', () => {
    const bank = newBank();
    const people = elevenMonths(bank);
    const before = bank.db.prepare('SELECT MAX(id) FROM transactions').pluck().get() as number;
    june(bank, people);
    const newest = bank.db.prepare('SELECT MAX(id) FROM transactions').pluck().get() as number;
    const juneImport = bank.db
      .prepare(
        `INSERT INTO imports (started_at, finished_at, actor, profile, source, status, first_transaction_id, last_transaction_id)
         VALUES ('2026-07-01', '2026-07-01', 'test', 'standard', 'june.csv', 'done', ?, ?)`,
      )
      .run(before + 1, newest).lastInsertRowid as number;
    bank.compute();
    expect(bank.flagged('auto-loan-elsewhere')).toEqual(['Dee Park']);
    rollbackImport(bank.db, juneImport, 'test');
    expect(bank.db.prepare('SELECT MAX(id) FROM transactions').pluck().get()).toBe(before);
    // The corrected June: Dee's payment goes to a mortgage lender, not an auto lender.
    const deeChk = bank.db
      .prepare('SELECT id, account_number AS number FROM accounts WHERE account_number = ?')
      .get('CHK-FREE-0004') as Account;
    const reused = june(bank, people, {
      account: deeChk,
      payment: [-98_000, 'MR COOPER MTG PMT', { category: 'loan_payment' }],
    });
    expect(Math.max(...reused)).toBe(newest);
    bank.compute();
    expect(bank.flagged('auto-loan-elsewhere')).toEqual([]);
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee', 'Bob Lee', 'Dee Park']);
  });

  it('rebuilds the facts in full when the merchant rules changed', () => {
    const bank = newBank();
    elevenMonths(bank);
    bank.compute();
    bank.db
      .prepare(
        "INSERT INTO merchant_rules (pattern, match, merchant, category, position) VALUES (?, 'contains', ?, ?, 0)",
      )
      .run('HY-VEE', 'Hy-Vee', 'groceries');
    expect(bank.compute()).toMatchObject({ incremental: false, transactions_read: 66 });
  });

  it('rebuilds the facts in full when a KLI needs transactions they do not hold', () => {
    const bank = newBank();
    elevenMonths(bank);
    bank.compute();
    bank.db
      .prepare("INSERT INTO kli_custom (id, definition, updated_at, updated_by) VALUES ('groceries', ?, '', 'test')")
      .run(
        JSON.stringify({
          id: 'groceries',
          name: 'Buys groceries',
          question: '',
          product: 'checking',
          rule: { type: 'activity', match: { categories: ['groceries'] }, measure: 'count', min: 3 },
        }),
      );
    expect(bank.compute()).toMatchObject({ incremental: false, transactions_read: 66 });
    expect(bank.result('groceries', { id: 3, name: 'Cy Fox' })).toEqual({ value: 11, detail: 'HY-VEE' });
    // The next compute can extend them again.
    expect(bank.compute()).toMatchObject({ incremental: true, transactions_read: 0 });
  });
});
