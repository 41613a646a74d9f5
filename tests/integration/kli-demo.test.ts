/**
 * The KLI library against what the demo generator planted: every trait of demo-truth.txt is
 * recovered with at least 95% precision and recall. The truth describes each customer's
 * everyday checking account over the generator's whole window (13 months), so the library is
 * computed over 13 months, and "regular saver" is read the way the generator plants it
 * (12 monthly transfers, one month may be missed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../src-main/bank/stats';
import { openDatabase, type Db } from '../../src-main/db/open';
import { TRUTH_FILE, writeDemoFiles } from '../../src-main/demo';
import { loadStandardFiles } from '../../src-main/ingest/import-files';
import { computeKlis } from '../../src-main/kli/compute';
import { builtinDefinition } from '../../src-main/kli/definitions';
import { tuneKli } from '../../src-main/kli/service';
import type { KliComputeResult } from '../../src-shared/kli';
import { useTempDir } from '../helpers/temp-dir';

type Truth = Record<string, string>;

const yes = (column: string) => (t: Truth) => t[column] === 'Y';
const named = (column: string) => (t: Truth) => (t[column] ?? '') !== '';
const positive = (column: string) => (t: Truth) => Number(t[column]) > 0;

/** Each KLI and the truth column(s) it must recover. */
const PLANTED: Record<string, (t: Truth) => boolean> = {
  'payroll-dd': yes('payroll_here'),
  'dd-elsewhere': yes('dd_elsewhere'),
  'government-benefits': yes('benefits_here'),
  'mortgage-elsewhere': named('mortgage_elsewhere_lender'),
  'auto-loan-elsewhere': named('auto_loan_elsewhere_lender'),
  'student-loan-elsewhere': yes('student_loan_elsewhere'),
  'card-elsewhere': named('card_elsewhere_issuer'),
  invests: named('invests_broker'),
  'insurance-premiums': named('insurance_payer'),
  subscriptions: positive('subscriptions_count'),
  childcare: yes('childcare'),
  'home-improvement': yes('home_improvement'),
  travel: yes('traveler'),
  sustainability: yes('sustainability'),
  'small-business-receipts': yes('small_business_receipts'),
  'foreign-atm-fees': positive('foreign_atm_fees'),
  overdrafts: positive('overdrafts'),
  'regular-saver': yes('regular_saver'),
};

describe('KLIs on the demo bank recover what the generator planted', () => {
  const tempDir = useTempDir();
  let db: Db;
  let truth: Truth[];
  let result: KliComputeResult;
  const flagged = new Map<string, Set<string>>();

  beforeAll(async () => {
    const dir = tempDir();
    const files = join(dir, 'files');
    const written = await writeDemoFiles(files, { customers: 3000, seed: 11 });
    truth = parse(readFileSync(join(files, TRUTH_FILE)), { columns: true, bom: true }) as Truth[];
    db = openDatabase(join(dir, 'bank.sqlite'));
    const csvs = readdirSync(files)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => join(files, name));
    await loadStandardFiles(db, csvs, { actor: 'test', source: 'demo' });
    // As the demo build does: the bank's own card and loans are not "elsewhere".
    setSetting(db, 'bank_name', written.bankName);
    const saver = builtinDefinition('regular-saver')!.rule;
    if (saver.type !== 'activity') throw new Error('regular-saver counts transactions');
    tuneKli(db, 'regular-saver', { ...saver, min: 12 }, 'test');
    result = computeKlis(db, { actor: 'test', lookbackMonths: 13 });
    const rows = db
      .prepare('SELECT r.kli_id, c.customer_number FROM kli_results r JOIN customers c ON c.id = r.customer_id')
      .raw()
      .all() as [string, string][];
    for (const [kli, customer] of rows) {
      if (!flagged.has(kli)) flagged.set(kli, new Set());
      flagged.get(kli)!.add(customer);
    }
  }, 120_000);
  afterAll(() => db?.close());

  it('reads every transaction once, up to the data’s last date', () => {
    expect(result.as_of).toBe('2026-10-31');
    expect(result.incremental).toBe(false);
    expect(result.transactions_read).toBe(db.prepare('SELECT COUNT(*) FROM transactions').pluck().get());
  });

  it.each(Object.keys(PLANTED))('%s: precision and recall of at least 95%%', (id) => {
    const planted = new Set(truth.filter(PLANTED[id]!).map((t) => t.customer_number!));
    const found = flagged.get(id) ?? new Set<string>();
    const hits = [...found].filter((c) => planted.has(c)).length;
    expect(planted.size).toBeGreaterThan(20);
    expect(hits / found.size).toBeGreaterThanOrEqual(0.95);
    expect(hits / planted.size).toBeGreaterThanOrEqual(0.95);
  });

  it('counts the streaming services of each subscriber as planted', () => {
    const values = new Map(
      (
        db
          .prepare(
            `SELECT c.customer_number, r.value FROM kli_results r JOIN customers c ON c.id = r.customer_id
             WHERE r.kli_id = 'subscriptions'`,
          )
          .raw()
          .all() as [string, number][]
      ).map(([c, v]) => [c, v]),
    );
    const subscribers = truth.filter((t) => Number(t.subscriptions_count) > 0);
    const same = subscribers.filter((t) => values.get(t.customer_number!) === Number(t.subscriptions_count));
    expect(same.length / subscribers.length).toBeGreaterThanOrEqual(0.95);
  });

  it('names the lender a mortgage is paid to', () => {
    const details = new Map(
      db
        .prepare(
          `SELECT c.customer_number, r.detail FROM kli_results r JOIN customers c ON c.id = r.customer_id
           WHERE r.kli_id = 'mortgage-elsewhere'`,
        )
        .raw()
        .all() as [string, string][],
    );
    const rocket = truth.filter((t) => t.mortgage_elsewhere_lender === 'ROCKET MORTGAGE PMT');
    expect(rocket.length).toBeGreaterThan(0);
    for (const t of rocket) expect(details.get(t.customer_number!)).toBe('Rocket Mortgage');
  });

  it('rolls customers up to households: never more households than customers, and at least one', () => {
    for (const k of result.klis.filter((k) => k.customers > 0)) {
      expect(k.households).toBeGreaterThan(0);
      expect(k.households).toBeLessThanOrEqual(k.customers);
    }
  });
});
