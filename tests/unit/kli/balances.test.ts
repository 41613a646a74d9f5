/** Average collected balance: low, and high in checking that pays no interest. */
import { describe, expect, it } from 'vitest';
import { useKliBank } from '../../helpers/kli-bank';

describe('low-balance', () => {
  const newBank = useKliBank();

  it('flags an average collected balance under $100 in the last month, from snapshots', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.snapshot(chk, '2026-05-31', 250_000);
    // The balance at month end was fine; the average over the month was not.
    bank.snapshot(chk, '2026-06-30', 50_000, 4_500);
    bank.compute();
    expect(bank.result('low-balance', ann)).toEqual({ value: 4_500, detail: null });
    expect(bank.kliOf(ann, 'low-balance')).toMatchObject({ value_text: '$45 average balance', evidence: [] });
  });

  it('falls back on the month-end balance when a snapshot has no average', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.snapshot(bank.account(ann, 'CHK-FREE'), '2026-06-30', 7_000, null);
    bank.compute();
    expect(bank.result('low-balance', ann)?.value).toBe(7_000);
  });

  it('does not flag a balance that recovered in the last month, nor exactly $100', () => {
    const bank = newBank();
    const recovered = bank.customer('Ann Lee');
    const chk = bank.account(recovered, 'CHK-FREE');
    bank.snapshot(chk, '2026-04-30', 2_000);
    bank.snapshot(chk, '2026-05-31', 3_000);
    bank.snapshot(chk, '2026-06-30', 15_000);
    const exactly = bank.customer('Bob Ray');
    bank.snapshot(bank.account(exactly, 'CHK-FREE'), '2026-06-30', 10_000);
    bank.compute();
    expect(bank.flagged('low-balance')).toEqual([]);
  });

  it('adds checking, savings and money market, and leaves loans out', () => {
    const bank = newBank();
    const saver = bank.customer('Ann Lee');
    bank.snapshot(bank.account(saver, 'CHK-FREE'), '2026-06-30', 5_000);
    bank.snapshot(bank.account(saver, 'SAV'), '2026-06-30', 500_000);
    const borrower = bank.customer('Bob Ray');
    bank.snapshot(bank.account(borrower, 'CHK-FREE'), '2026-06-30', 5_000);
    bank.snapshot(bank.account(borrower, 'MTG'), '2026-06-30', 18_000_000);
    bank.snapshot(bank.account(borrower, 'CD'), '2026-06-30', 2_500_000);
    bank.compute();
    expect(bank.flagged('low-balance')).toEqual(['Bob Ray']);
    expect(bank.result('low-balance', borrower)?.value).toBe(5_000);
  });

  it('without snapshots, averages the running balance after each of the last month’s transactions', () => {
    const bank = newBank();
    const low = bank.customer('Ann Lee');
    const chk = bank.account(low, 'CHK-FREE');
    bank.txn(chk, '2026-05-10', 300_000, 'DEPOSIT', { balance: 300_000 });
    bank.txn(chk, '2026-06-02', -297_000, 'RENT', { balance: 3_000 });
    bank.txn(chk, '2026-06-15', 3_000, 'DEPOSIT', { balance: 6_000 });
    bank.txn(chk, '2026-06-20', 3_000, 'DEPOSIT', { balance: 9_000 });
    const fine = bank.customer('Bob Ray');
    bank.txn(bank.account(fine, 'CHK-FREE'), '2026-06-02', -1_000, 'HY-VEE', { balance: 20_000 });
    bank.compute();
    expect(bank.flagged('low-balance')).toEqual(['Ann Lee']);
    expect(bank.result('low-balance', low)?.value).toBe(6_000);
  });

  it('prefers an account’s snapshots to its running balance', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-06-02', -1_000, 'HY-VEE', { balance: 1_000 });
    bank.snapshot(chk, '2026-06-30', 80_000);
    bank.compute();
    expect(bank.flagged('low-balance')).toEqual([]);
  });

  it('does not judge a customer with no balance in the last month', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.snapshot(chk, '2026-04-30', 1_000);
    bank.snapshot(chk, '2026-05-31', 1_000);
    bank.customer('Bob Ray');
    bank.txn(bank.account(bank.customer('Cy Fox'), 'CHK-FREE'), '2026-06-30', -100, 'FEE', { category: 'fees' });
    bank.compute();
    expect(bank.flagged('low-balance')).toEqual([]);
  });
});

describe('high-balance-non-interest', () => {
  const newBank = useKliBank();

  it('flags over $10,000 in each of the last two months in checking that pays no interest', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.snapshot(chk, '2026-04-30', 400_000);
    bank.snapshot(chk, '2026-05-31', 1_200_000);
    bank.snapshot(chk, '2026-06-30', 1_500_000);
    bank.compute();
    expect(bank.result('high-balance-non-interest', ann)).toEqual({ value: 1_500_000, detail: null });
    expect(bank.kliOf(ann, 'high-balance-non-interest')?.value_text).toBe('$15,000 average balance');
  });

  it('needs both months: one high month, or two high months before a low one, are not enough', () => {
    const bank = newBank();
    const lastOnly = bank.customer('Ann Lee');
    const a = bank.account(lastOnly, 'CHK-FREE');
    bank.snapshot(a, '2026-05-31', 900_000);
    bank.snapshot(a, '2026-06-30', 1_500_000);
    const earlier = bank.customer('Bob Ray');
    const b = bank.account(earlier, 'CHK-FREE');
    bank.snapshot(b, '2026-04-30', 1_500_000);
    bank.snapshot(b, '2026-05-31', 1_500_000);
    bank.snapshot(b, '2026-06-30', 800_000);
    const exactly = bank.customer('Cy Fox');
    const c = bank.account(exactly, 'CHK-FREE');
    bank.snapshot(c, '2026-05-31', 1_000_000);
    bank.snapshot(c, '2026-06-30', 1_000_000);
    bank.compute();
    expect(bank.flagged('high-balance-non-interest')).toEqual([]);
  });

  it('does not flag the same balances in interest checking, or in savings beside a small free checking', () => {
    const bank = newBank();
    const interest = bank.customer('Ann Lee');
    const a = bank.account(interest, 'CHK-INT');
    bank.snapshot(a, '2026-05-31', 2_000_000);
    bank.snapshot(a, '2026-06-30', 2_000_000);
    const saver = bank.customer('Bob Ray');
    const chk = bank.account(saver, 'CHK-FREE');
    const sav = bank.account(saver, 'SAV');
    for (const asOf of ['2026-05-31', '2026-06-30']) {
      bank.snapshot(chk, asOf, 50_000);
      bank.snapshot(sav, asOf, 5_000_000);
    }
    bank.compute();
    expect(bank.flagged('high-balance-non-interest')).toEqual([]);
  });

  it('reads only the free checking of a customer who holds both kinds', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const free = bank.account(ann, 'CHK-FREE');
    const paid = bank.account(ann, 'CHK-INT');
    for (const asOf of ['2026-05-31', '2026-06-30']) {
      bank.snapshot(free, asOf, 1_100_000);
      bank.snapshot(paid, asOf, 9_000_000);
    }
    bank.compute();
    expect(bank.result('high-balance-non-interest', ann)?.value).toBe(1_100_000);
  });

  it('does not flag a closed free checking account', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE', { status: 'CLOSED' });
    bank.snapshot(chk, '2026-05-31', 2_000_000);
    bank.snapshot(chk, '2026-06-30', 2_000_000);
    bank.compute();
    expect(bank.flagged('high-balance-non-interest')).toEqual([]);
  });

  it('without snapshots, reads the running balance of both months', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-05-01', 1_300_000, 'DEPOSIT', { balance: 1_300_000 });
    bank.txn(chk, '2026-05-20', -100_000, 'RENT', { balance: 1_200_000 });
    bank.txn(chk, '2026-06-20', -100_000, 'RENT', { balance: 1_100_000 });
    bank.compute();
    // May averages $12,500, June $11,000.
    expect(bank.result('high-balance-non-interest', ann)?.value).toBe(1_100_000);
  });
});
