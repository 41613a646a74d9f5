/**
 * The KLI library on the real Berka (PKDD'99) bank: its own signals (pensions, SIPO household
 * payments, insurance, loan payments, payments to other banks) found for exactly the
 * customers a direct reading of the transactions names, and average balances taken from the
 * running balance column because Berka sends no snapshots.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/open';
import { importFiles } from '../../src-main/ingest/import-files';
import { BERKA } from '../../src-main/ingest/profiles/berka';
import { computeKlis } from '../../src-main/kli/compute';
import { customerKlis } from '../../src-main/kli/service';
import type { KliComputeResult } from '../../src-shared/kli';
import { SHARED_DATA } from '../helpers/fixtures';

const BERKA_DIR = join(SHARED_DATA, 'berka-pkdd99');
// The lookback: the 12 months ending with the data's last month (March 1994).
const FROM = '1993-04-01';
const TO = '1994-03-31';

describe('KLIs on the Berka bank', () => {
  let dir = '';
  let db: Db;
  let result: KliComputeResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mainstreet-kli-berka-'));
    db = openDatabase(join(dir, 'berka.sqlite'));
    const files = readdirSync(BERKA_DIR)
      .filter((name) => name.endsWith('.asc'))
      .map((name) => join(BERKA_DIR, name));
    await importFiles(db, files, BERKA, { actor: 'test', source: 'berka' });
    result = computeKlis(db, { actor: 'test' });
  }, 120_000);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = (id: string) => result.klis.find((k) => k.id === id)!.customers;
  /** Customers owning an account with such transactions in the lookback, in at least `months` months. */
  const direct = (where: string, months = 1) =>
    db
      .prepare(
        `SELECT COUNT(*) FROM (
           SELECT o.customer_id FROM transactions t JOIN account_owners o ON o.account_id = t.account_id
           WHERE t.posted_date BETWEEN ? AND ? AND ${where}
           GROUP BY o.customer_id HAVING COUNT(DISTINCT substr(t.posted_date, 1, 7)) >= ?)`,
      )
      .pluck()
      .get(FROM, TO, months) as number;

  it('computes as of the data’s last date over 12 months', () => {
    expect(result.as_of).toBe('1994-03-31');
    expect(result.transactions_read).toBe(49_101);
  });

  it('finds pension income (k_symbol DUCHOD)', () => {
    expect(count('pension-income')).toBe(279);
    expect(count('pension-income')).toBe(direct(`t.description = 'Pension' AND t.amount_cents > 0`));
  });

  it('finds household payments (SIPO) paid in at least two months', () => {
    expect(count('household-bills')).toBe(753);
    expect(count('household-bills')).toBe(direct(`t.description LIKE 'Household payment%'`, 2));
  });

  it('finds insurance premiums (POJISTNE)', () => {
    expect(count('insurance-premiums')).toBe(132);
    expect(count('insurance-premiums')).toBe(direct(`t.description = 'Insurance payment'`));
  });

  it('finds loan payments (UVER) in at least two months', () => {
    expect(count('loan-payments')).toBe(32);
    expect(count('loan-payments')).toBe(direct(`t.description = 'Loan payment'`, 2));
  });

  it('finds payments to accounts at other banks (a partner bank and account) in at least two months', () => {
    expect(count('other-bank-payments')).toBe(805);
    expect(count('other-bank-payments')).toBe(
      direct(`t.amount_cents < 0 AND t.counterparty GLOB '[A-Z][A-Z] [0-9]*'`, 2),
    );
  });

  it('takes average balances from the running balance column', () => {
    const low = db.prepare(`SELECT customer_id, value FROM kli_results WHERE kli_id = 'low-balance'`).all() as {
      customer_id: number;
      value: number;
    }[];
    expect(low.length).toBeGreaterThan(0);
    for (const row of low) {
      const average = db
        .prepare(
          `SELECT SUM(avg) FROM (
             SELECT AVG(t.balance_after_cents) AS avg FROM transactions t JOIN account_owners o ON o.account_id = t.account_id
             WHERE o.customer_id = ? AND t.posted_date BETWEEN '1994-03-01' AND '1994-03-31' GROUP BY t.account_id)`,
        )
        .pluck()
        .get(row.customer_id) as number;
      expect(row.value).toBe(Math.round(average));
      expect(row.value).toBeLessThan(10_000);
    }
  });

  it('shows a pensioner’s KLI with its evidence, in the bank’s koruna', () => {
    const customer = db
      .prepare(`SELECT customer_id FROM kli_results WHERE kli_id = 'pension-income' LIMIT 1`)
      .pluck()
      .get() as number;
    const pension = customerKlis(db, customer).find((k) => k.id === 'pension-income')!;
    expect(pension.value_text).toMatch(/CZK/);
    expect(pension.evidence.length).toBeGreaterThan(0);
    for (const e of pension.evidence) {
      expect(e.description).toBe('Pension');
      expect(e.amount_cents).toBeGreaterThan(0);
    }
  });
});
