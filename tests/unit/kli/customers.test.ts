/** A customer's KLIs as the profile shows them: value in words, evidence, joint owners, the household. */
import { describe, expect, it } from 'vitest';
import { customerKlis } from '../../../src-main/kli/service';
import { useKliBank, type KliBank } from '../../helpers/kli-bank';

const rocket = { category: 'loan_payment', code: 'ACH_DR', merchant: 'Rocket Mortgage' } as const;

/** Customers and households a compute counted for one KLI. */
const counts = (result: ReturnType<KliBank['compute']>, id: string) => result.klis.find((k) => k.id === id);

describe('a customer’s KLIs', () => {
  const newBank = useKliBank();

  it('show the value in words and the evidence: matching transactions of the lookback, newest first', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2025-06-05', -52_000, 'ROCKET MORTGAGE PMT', rocket);
    const ids = bank.monthly(chk, '2025-07-05', 12, -52_000, 'ROCKET MORTGAGE PMT', rocket);
    bank.txn(chk, '2026-06-06', -9_000, 'PVCB MORTGAGE PMT', { category: 'loan_payment' });
    bank.compute();
    const kli = bank.kliOf(ann, 'mortgage-elsewhere');
    expect(kli).toMatchObject({
      name: 'Pays a mortgage elsewhere',
      product: 'mortgage',
      value: 52_000,
      value_text: '$520 a month · Rocket Mortgage',
      via_customer: null,
    });
    expect(kli?.evidence.map((e) => e.transaction_id)).toEqual([...ids].reverse());
    expect(kli?.evidence[0]).toEqual({
      transaction_id: ids[11],
      account_number: chk.number,
      posted_date: '2026-06-05',
      amount_cents: -52_000,
      description: 'ROCKET MORTGAGE PMT',
      merchant: 'Rocket Mortgage',
      category: 'loan_payment',
    });
  });

  it('show cents when the amount has them', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-05', 12, -52_013, 'ROCKET MORTGAGE PMT', rocket);
    bank.compute();
    expect(bank.kliOf(ann, 'mortgage-elsewhere')?.value_text).toBe('$520.13 a month · Rocket Mortgage');
  });

  it('keep the twelve newest pieces of evidence', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    const streaming = { category: 'subscriptions_streaming' } as const;
    bank.monthly(chk, '2025-07-03', 12, -1_549, 'NETFLIX.COM', { ...streaming, merchant: 'Netflix' });
    bank.monthly(chk, '2025-07-09', 12, -1_199, 'SPOTIFY USA', { ...streaming, merchant: 'Spotify' });
    bank.compute();
    const evidence = bank.kliOf(ann, 'subscriptions')?.evidence ?? [];
    expect(evidence).toHaveLength(12);
    expect(evidence[0]?.posted_date).toBe('2026-06-09');
    expect(evidence[11]?.posted_date).toBe('2026-01-03');
    const dates = evidence.map((e) => e.posted_date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('carry no evidence transactions for balance and cash-flow KLIs', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-01', 12, 300_000, 'ACME CORP PAYROLL', { category: 'payroll' });
    bank.snapshot(chk, '2026-06-30', 5_000);
    bank.compute();
    expect(bank.kliOf(ann, 'cash-flow-positive')?.evidence).toEqual([]);
    expect(bank.kliOf(ann, 'low-balance')?.evidence).toEqual([]);
    expect(bank.kliOf(ann, 'payroll-dd')?.evidence).toHaveLength(12);
  });

  it('flag the joint owner of an account too, each as their own', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const bob = bank.customer('Bob Ray');
    const chk = bank.account(ann, 'CHK-FREE', { joint: [bob] });
    bank.monthly(chk, '2025-07-05', 12, -52_000, 'ROCKET MORTGAGE PMT', rocket);
    const result = bank.compute();
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee', 'Bob Ray']);
    // Two households: Ann and Bob do not live together.
    expect(counts(result, 'mortgage-elsewhere')).toEqual({ id: 'mortgage-elsewhere', customers: 2, households: 2 });
    expect(bank.kliOf(bob, 'mortgage-elsewhere')).toMatchObject({ via_customer: null, value: 52_000 });
    expect(bank.kliOf(bob, 'mortgage-elsewhere')?.evidence).toHaveLength(12);
  });

  it('roll up to the household: a member without the KLI sees it with whose it is', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee', { household: 'H1' });
    const bob = bank.customer('Bob Lee', { household: 'H1' });
    const cy = bank.customer('Cy Fox');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-05', 12, -52_000, 'ROCKET MORTGAGE PMT', rocket);
    bank.monthly(bank.account(bob, 'CHK-FREE'), '2025-07-01', 12, 250_000, 'ACME CORP PAYROLL', {
      category: 'payroll',
      merchant: 'Acme Corp',
    });
    bank.monthly(bank.account(cy, 'CHK-FREE'), '2025-07-01', 12, 100_000, 'HY-VEE', { category: 'groceries' });
    const result = bank.compute();
    expect(counts(result, 'mortgage-elsewhere')).toMatchObject({ customers: 1, households: 1 });
    const bobs = bank.klisOf(bob);
    // His own KLIs first, then the household's.
    expect(bobs.map((k) => [k.id, k.via_customer])).toEqual([
      ['cash-flow-positive', null],
      ['payroll-dd', null],
      ['loan-payments', 'Ann Lee'],
      ['mortgage-elsewhere', 'Ann Lee'],
    ]);
    const viaAnn = bobs.find((k) => k.id === 'mortgage-elsewhere');
    expect(viaAnn?.value_text).toBe('$520 a month · Rocket Mortgage');
    expect(viaAnn?.evidence).toHaveLength(12);
    expect(bank.kliOf(ann, 'payroll-dd')?.via_customer).toBe('Bob Lee');
    expect(bank.klisOf(cy).map((k) => k.id)).toEqual(['cash-flow-positive']);
  });

  it('show the customer’s own value when a household member has the same KLI', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee', { household: 'H1' });
    const bob = bank.customer('Bob Lee', { household: 'H1' });
    const pay = { category: 'payroll' } as const;
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-01', 12, 400_000, 'ANN EMPLOYER', pay);
    bank.monthly(bank.account(bob, 'CHK-FREE'), '2025-07-01', 12, 250_000, 'BOB EMPLOYER', pay);
    const result = bank.compute();
    expect(counts(result, 'payroll-dd')).toMatchObject({ customers: 2, households: 1 });
    const bobsPay = bank.klisOf(bob).filter((k) => k.id === 'payroll-dd');
    expect(bobsPay).toHaveLength(1);
    expect(bobsPay[0]).toMatchObject({
      value: 250_000,
      via_customer: null,
      value_text: '$2,500 a month · BOB EMPLOYER',
    });
  });

  it('are empty for a customer without any, and an unknown customer is an error', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-06-01', -1_000, 'HY-VEE', { category: 'groceries' });
    bank.compute();
    expect(bank.klisOf(ann)).toEqual([]);
    expect(() => customerKlis(bank.db, 9_999)).toThrow('No customer 9999.');
  });
});
