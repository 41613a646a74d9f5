/** The marketer's hand on the library: tuning a built-in, previewing and saving a custom KLI. */
import { describe, expect, it } from 'vitest';
import { customKliSchema, type CustomKliInput } from '../../../src-shared/kli-schema';
import {
  deleteCustomKli,
  kliDetail,
  kliLibrary,
  previewKli,
  saveCustomKli,
  tuneKli,
} from '../../../src-main/kli/service';
import { useKliBank, type KliBank } from '../../helpers/kli-bank';

const rocket = { category: 'loan_payment', code: 'ACH_DR', merchant: 'Rocket Mortgage' } as const;
const pay = { category: 'payroll', code: 'DD', merchant: 'Acme Corp' } as const;

const custom = (input: CustomKliInput) => customKliSchema.parse(input);

/** Pays Rocket Mortgage at least twice: a KLI the marketer might write. */
const paysRocket = custom({
  id: 'pays-rocket',
  name: 'Pays Rocket Mortgage',
  product: 'mortgage',
  rule: { type: 'activity', match: { merchants: ['ROCKET*'], direction: 'debit' }, measure: 'count', min: 2 },
});

/** Ann and Bob (joint, one household) pay Rocket monthly; Cy paid once; Dee pays another lender. */
function lenders(bank: KliBank) {
  const ann = bank.customer('Ann Lee', { household: 'H1' });
  const bob = bank.customer('Bob Lee', { household: 'H1' });
  const cy = bank.customer('Cy Fox');
  const dee = bank.customer('Dee Park');
  const ids = bank.monthly(
    bank.account(ann, 'CHK-FREE', { joint: [bob] }),
    '2025-07-05',
    12,
    -52_000,
    'ROCKET MTG',
    rocket,
  );
  const once = bank.txn(bank.account(cy, 'CHK-FREE'), '2026-06-05', -60_000, 'ROCKET MTG', rocket);
  bank.monthly(bank.account(dee, 'CHK-FREE'), '2025-07-05', 12, -98_000, 'MR COOPER MTG', { category: 'loan_payment' });
  return { ann, bob, cy, dee, ids, once };
}

const statOf = (bank: KliBank, id: string) => kliLibrary(bank.db).klis.find((k) => k.id === id);

describe('tuning a built-in KLI', () => {
  const newBank = useKliBank();

  it('changes the verdict at the next compute, and restoring it brings the verdict back', () => {
    const bank = newBank();
    lenders(bank);
    bank.compute();
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee', 'Bob Lee', 'Cy Fox', 'Dee Park']);
    const tuned = tuneKli(
      bank.db,
      'mortgage-elsewhere',
      {
        type: 'activity',
        match: {
          categories: ['loan_payment', 'housing'],
          merchants: ['MORTGAGE', 'MTG'],
          exclude_merchants: ['{bank}'],
          direction: 'debit',
        },
        measure: 'monthly_amount',
        min: 55_000,
        min_months: 3,
      },
      'test',
    );
    // The figures on screen are out of date until the next compute.
    expect(tuned).toMatchObject({ id: 'mortgage-elsewhere', customers: null, households: null });
    expect(tuned.words).toContain('when average amount per month present reach $550, in at least 3 months');
    expect(kliLibrary(bank.db).stale).toBe(true);
    bank.compute();
    // Ann and Bob pay $520; Cy paid $600 once.
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Dee Park']);
    expect(kliLibrary(bank.db).stale).toBe(false);
    tuneKli(bank.db, 'mortgage-elsewhere', null, 'test');
    bank.compute();
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee', 'Bob Lee', 'Cy Fox', 'Dee Park']);
  });

  it('lets a regular saver need all twelve months', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-15', 12, -20_000, 'TRANSFER TO SAVINGS', {
      category: 'transfer',
      skip: ['2026-01'],
    });
    bank.compute();
    expect(bank.result('regular-saver', ann)?.value).toBe(11);
    const rule = statOf(bank, 'regular-saver')?.rule;
    if (rule?.type !== 'activity') throw new Error('regular-saver counts transactions');
    tuneKli(bank.db, 'regular-saver', { ...rule, min: 12 }, 'test');
    bank.compute();
    expect(bank.flagged('regular-saver')).toEqual([]);
  });

  it('of payroll-dd moves six-months-savings, which measures against its pay', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2026-01-01', 6, 300_000, 'ACME CORP PAYROLL', pay);
    bank.account(ann, 'SAV', { balance: 2_000_000 });
    bank.compute();
    expect(bank.flagged('six-months-savings')).toEqual(['Ann Lee']);
    tuneKli(
      bank.db,
      'payroll-dd',
      {
        type: 'activity',
        match: { categories: ['payroll'], direction: 'credit' },
        measure: 'monthly_amount',
        min: 0,
        min_months: 9,
      },
      'test',
    );
    bank.compute();
    expect(bank.flagged('payroll-dd')).toEqual([]);
    expect(bank.flagged('six-months-savings')).toEqual([]);
  });

  it('keeps the rule’s type, and only built-ins are tuned', () => {
    const bank = newBank();
    expect(() => tuneKli(bank.db, 'low-balance', { type: 'cash-flow', min_months: 3 }, 'test')).toThrow(
      /keep that type/,
    );
    expect(() => tuneKli(bank.db, 'pays-rocket', null, 'test')).toThrow(/No built-in KLI/);
  });
});

describe('a custom KLI', () => {
  const newBank = useKliBank();

  it('previews the customers, households and matching transactions it would flag', () => {
    const bank = newBank();
    const { ids, once } = lenders(bank);
    bank.compute();
    const preview = previewKli(bank.db, paysRocket);
    expect(preview).toMatchObject({ customers: 2, households: 1, matching_transactions: 13 });
    expect(preview.sample_transactions.map((t) => t.transaction_id)).toEqual([once, ...[...ids].reverse()]);
    // Nothing is saved by a preview.
    expect(bank.flagged('pays-rocket')).toEqual([]);
    expect(statOf(bank, 'pays-rocket')).toBeUndefined();
  });

  it('shows in the results as soon as it is saved, with the counts the preview gave', () => {
    const bank = newBank();
    const { ann } = lenders(bank);
    bank.compute();
    const preview = previewKli(bank.db, paysRocket);
    const saved = saveCustomKli(bank.db, paysRocket, false, 'test');
    expect(saved).toMatchObject({ id: 'pays-rocket', builtin: false, customers: 2, households: 1 });
    expect({ customers: saved.customers, households: saved.households }).toEqual({
      customers: preview.customers,
      households: preview.households,
    });
    expect(bank.flagged('pays-rocket')).toEqual(['Ann Lee', 'Bob Lee']);
    expect(bank.result('pays-rocket', ann)).toEqual({ value: 12, detail: 'Rocket Mortgage' });
    expect(bank.kliOf(ann, 'pays-rocket')).toMatchObject({ value_text: '12 transactions · Rocket Mortgage' });
    expect(bank.kliOf(ann, 'pays-rocket')?.evidence).toHaveLength(12);
    // The trend counts every customer with a matching transaction that month, flagged or not (Cy).
    expect(saved.trend.at(-1)).toEqual({ month: '2026-06', customers: 3 });
    // The next compute agrees with what was decided on the spot.
    const spot = bank.allResults().filter((r) => r.startsWith('pays-rocket '));
    bank.compute();
    expect(bank.allResults().filter((r) => r.startsWith('pays-rocket '))).toEqual(spot);
    expect(statOf(bank, 'pays-rocket')).toMatchObject({ customers: 2, households: 1, trend: saved.trend });
  });

  it('is refused under a taken or built-in id, unless replacing it; replacing re-decides it', () => {
    const bank = newBank();
    lenders(bank);
    bank.compute();
    saveCustomKli(bank.db, paysRocket, false, 'test');
    expect(() => saveCustomKli(bank.db, paysRocket, false, 'test')).toThrow(/exists/);
    expect(() => saveCustomKli(bank.db, { ...paysRocket, id: 'travel' }, true, 'test')).toThrow(/built-in/);
    const once = { ...paysRocket, rule: { ...paysRocket.rule, min: 1 } } as typeof paysRocket;
    saveCustomKli(bank.db, once, true, 'test');
    expect(bank.flagged('pays-rocket')).toEqual(['Ann Lee', 'Bob Lee', 'Cy Fox']);
  });

  it('counts transactions: a balance rule is refused', () => {
    const bank = newBank();
    const balance = custom({
      id: 'rich',
      name: 'Rich',
      product: 'cd',
      rule: { type: 'balance', direction: 'above', threshold_cents: 100, months: 1 },
    });
    expect(() => previewKli(bank.db, balance)).toThrow(/counts transactions/);
  });

  it('is gone from the results when deleted', () => {
    const bank = newBank();
    lenders(bank);
    bank.compute();
    saveCustomKli(bank.db, paysRocket, false, 'test');
    expect(deleteCustomKli(bank.db, 'pays-rocket', 'test')).toBe(true);
    expect(bank.flagged('pays-rocket')).toEqual([]);
    expect(deleteCustomKli(bank.db, 'pays-rocket', 'test')).toBe(false);
    expect(() => deleteCustomKli(bank.db, 'travel', 'test')).toThrow(/built in/);
  });

  it('measured in months, with a minimum, flags only the habit', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2026-01-08', 6, -4_500, 'CASEYS GEN STORE', { category: 'fuel', mcc: '5541' });
    bank.txn(bank.account(bank.customer('Bob Ray'), 'CHK-FREE'), '2026-06-01', -4_500, 'CASEYS GEN STORE', {
      mcc: '5541',
    });
    bank.compute();
    const fuel = custom({
      id: 'buys-fuel',
      name: 'Buys fuel every month',
      product: 'auto',
      rule: { type: 'activity', match: { mccs: ['5541'], direction: 'debit' }, measure: 'months', min: 3 },
    });
    expect(previewKli(bank.db, fuel)).toMatchObject({ customers: 1, matching_transactions: 7 });
    saveCustomKli(bank.db, fuel, false, 'test');
    expect(bank.kliOf(ann, 'buys-fuel')?.value_text).toBe('6 of 12 months · CASEYS GEN STORE');
  });

  it('finds the same customers in preview, on save and in a compute when a pattern has accents or names this bank', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const bob = bank.customer('Bob Ray');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2026-01-08', 6, -120_000, 'POJISTNÉ', { code: 'ORDER' });
    bank.monthly(bank.account(bob, 'CHK-FREE'), '2026-01-08', 6, -45_000, 'PVCB LOAN PMT', { code: 'ACH_DR' });
    bank.compute();
    const premiums = custom({
      id: 'pojistne',
      name: 'Pojistné',
      product: 'checking',
      rule: { type: 'activity', match: { merchants: ['pojistné'], direction: 'debit' }, measure: 'count', min: 1 },
    });
    const ourLoans = custom({
      id: 'pays-us-or-rocket',
      name: 'Pays this bank or Rocket',
      product: 'personal_loan',
      rule: {
        type: 'activity',
        match: { merchants: ['{bank}', 'ROCKET*'], direction: 'debit' },
        measure: 'count',
        min: 1,
      },
    });
    expect(previewKli(bank.db, premiums)).toMatchObject({ customers: 1, matching_transactions: 6 });
    expect(previewKli(bank.db, ourLoans)).toMatchObject({ customers: 1, matching_transactions: 6 });
    saveCustomKli(bank.db, premiums, false, 'test');
    saveCustomKli(bank.db, ourLoans, false, 'test');
    expect(bank.flagged('pojistne')).toEqual(['Ann Lee']);
    expect(bank.flagged('pays-us-or-rocket')).toEqual(['Bob Ray']);
    const saved = bank.allResults();
    bank.compute();
    expect(bank.allResults()).toEqual(saved);
  });
});

describe('the library', () => {
  const newBank = useKliBank();

  it('shows each KLI’s figures, coverage and a monthly trend after a compute, and goes stale on new data', () => {
    const bank = newBank();
    const { dee } = lenders(bank);
    bank.compute();
    const library = kliLibrary(bank.db);
    expect(library.run).toMatchObject({ as_of: '2026-06-30', lookback_months: 12, incremental: false, customers: 4 });
    expect(library.stale).toBe(false);
    const mortgage = library.klis.find((k) => k.id === 'mortgage-elsewhere');
    // Cy has transactions in one month only: not enough history to judge.
    expect(mortgage).toMatchObject({ customers: 4, households: 3, coverage: 3 });
    expect(mortgage?.trend).toHaveLength(12);
    expect(mortgage?.trend[0]).toEqual({ month: '2025-07', customers: 3 });
    expect(mortgage?.trend[11]).toEqual({ month: '2026-06', customers: 4 });
    expect(mortgage?.words).toMatch(/^Payments in Loan & card payments or Rent & housing naming “MORTGAGE”, “MTG”/);
    bank.txn(bank.account(dee, 'SAV'), '2026-06-30', 100, 'INTEREST', { category: 'interest' });
    expect(kliLibrary(bank.db).stale).toBe(true);
  });

  it('details a KLI with recent matching transactions and its customers, highest value first', () => {
    const bank = newBank();
    lenders(bank);
    bank.compute();
    const detail = kliDetail(bank.db, 'mortgage-elsewhere');
    expect(detail.sample_customers.map((c) => [c.name, c.value])).toEqual([
      ['Dee Park', 98_000],
      ['Cy Fox', 60_000],
      ['Ann Lee', 52_000],
      ['Bob Lee', 52_000],
    ]);
    expect(detail.sample_transactions.length).toBeGreaterThan(0);
    expect(detail.sample_transactions.every((t) => t.amount_cents < 0)).toBe(true);
    expect(() => kliDetail(bank.db, 'nope')).toThrow('No KLI "nope".');
  });
});
