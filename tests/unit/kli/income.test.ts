/** Money coming in: pay, pay landing elsewhere, pensions, benefits, small-business receipts. */
import { describe, expect, it } from 'vitest';
import { useKliBank } from '../../helpers/kli-bank';

const pay = { category: 'payroll', code: 'DD' } as const;

describe('payroll-dd', () => {
  const newBank = useKliBank();

  it('flags a paycheck landing here, with the estimated net pay a month and the employer', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-01', 12, 312_000, 'ACME CORP PAYROLL', {
      ...pay,
      merchant: 'Acme Corp',
    });
    bank.compute();
    expect(bank.result('payroll-dd', ann)).toEqual({ value: 312_000, detail: 'Acme Corp' });
    expect(bank.kliOf(ann, 'payroll-dd')?.value_text).toBe('$3,120 a month · Acme Corp');
  });

  it('adds up a biweekly paycheck per month, and averages over the months paid', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-01', 12, 150_000, 'ACME CORP PAYROLL', { ...pay, merchant: 'Acme Corp' });
    bank.monthly(chk, '2025-07-15', 12, 150_000, 'ACME CORP PAYROLL', { ...pay, merchant: 'Acme Corp' });
    // A third paycheck in two months of the year.
    bank.txn(chk, '2025-10-29', 150_000, 'ACME CORP PAYROLL', { ...pay, merchant: 'Acme Corp' });
    bank.txn(chk, '2026-04-29', 150_000, 'ACME CORP PAYROLL', { ...pay, merchant: 'Acme Corp' });
    bank.compute();
    expect(bank.result('payroll-dd', ann)?.value).toBe(325_000);
  });

  it('does not take a payroll reversal (money out) for pay, nor pay before the lookback', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2024-07-01', 12, 312_000, 'ACME CORP PAYROLL', pay);
    bank.txn(chk, '2026-02-02', -312_000, 'ACME CORP PAYROLL REVERSAL', pay);
    bank.compute();
    expect(bank.flagged('payroll-dd')).toEqual([]);
  });
});

describe('dd-elsewhere', () => {
  const newBank = useKliBank();
  const inbound = { category: 'transfer', code: 'ACH_CR' } as const;

  it('flags money moved in from another bank every month', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-02', 12, 80_000, 'TRANSFER FROM WELLS FARGO XXXX4411', {
      ...inbound,
      merchant: 'Wells Fargo',
    });
    bank.compute();
    expect(bank.kliOf(ann, 'dd-elsewhere')?.value_text).toBe('$800 a month · Wells Fargo');
  });

  it('does not flag a transfer from this bank, a peer-to-peer payment, or an internal transfer', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-02', 12, 80_000, 'TRANSFER FROM PVCB XXXX1234', inbound);
    bank.monthly(chk, '2025-07-03', 12, 5_000, 'ZELLE FROM BOB RAY', { ...inbound, merchant: 'Zelle' });
    bank.monthly(chk, '2025-07-04', 12, 5_000, 'VENMO CASHOUT', inbound);
    bank.monthly(chk, '2025-07-05', 12, 20_000, 'TRANSFER FROM SAVINGS XXXX8812', { ...inbound, code: 'XFER_IN' });
    bank.compute();
    expect(bank.flagged('dd-elsewhere')).toEqual([]);
  });

  it('does not take money out to another bank for money in', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-02', 12, -80_000, 'TRANSFER TO WELLS FARGO XXXX4411', {
      category: 'transfer',
      code: 'ACH_CR',
    });
    bank.compute();
    expect(bank.flagged('dd-elsewhere')).toEqual([]);
  });
});

describe('pension-income', () => {
  const newBank = useKliBank();
  const benefit = { category: 'government_benefits', code: 'DD' } as const;

  it('flags a pension, with the amount a month', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-01', 12, 185_000, 'IPERS PENSION PPD', {
      ...benefit,
      merchant: 'IPERS',
    });
    bank.compute();
    expect(bank.kliOf(ann, 'pension-income')?.value_text).toBe('$1,850 a month · IPERS');
  });

  it('reads the DUCHOD pension of a Berka-like core', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-10', 12, 1_023_400, 'DUCHOD', {
      category: 'government_benefits',
      code: 'CREDIT',
    });
    bank.compute();
    expect(bank.result('pension-income', ann)).toEqual({ value: 1_023_400, detail: 'DUCHOD' });
  });

  it('does not take Social Security for a pension, nor a lookalike word in another category', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-03', 12, 210_000, 'SSA TREAS 310 XXSOC SEC', {
      ...benefit,
      merchant: 'Social Security',
    });
    bank.txn(chk, '2026-03-01', 40_000, 'RETIREMENT PARTY GIFT', { category: 'transfer' });
    bank.compute();
    expect(bank.flagged('pension-income')).toEqual([]);
    expect(bank.flagged('government-benefits')).toEqual(['Ann Lee']);
  });
});

describe('government-benefits', () => {
  const newBank = useKliBank();

  it('flags Social Security deposited here', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-03', 12, 210_000, 'SSA TREAS 310 XXSOC SEC', {
      category: 'government_benefits',
      code: 'DD',
      merchant: 'Social Security',
    });
    bank.compute();
    expect(bank.result('government-benefits', ann)).toEqual({ value: 210_000, detail: 'Social Security' });
  });

  it('does not take a tax refund, or a payment to a government office, for benefits', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-04-01', 110_000, 'IRS TREAS 310 TAX REF', { category: 'taxes', code: 'ACH_CR' });
    bank.txn(chk, '2026-04-02', -5_000, 'SSA OVERPAYMENT REPAY', { category: 'government_benefits', code: 'ACH_DR' });
    bank.compute();
    expect(bank.flagged('government-benefits')).toEqual([]);
  });

  it('averages over the months received, so a benefit that started late is its monthly amount', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2026-04-03', 3, 210_000, 'SSA TREAS 310 XXSOC SEC', {
      category: 'government_benefits',
    });
    bank.compute();
    expect(bank.result('government-benefits', ann)?.value).toBe(210_000);
  });
});

describe('small-business-receipts', () => {
  const newBank = useKliBank();

  it('flags card-processor and marketplace payouts into a personal account', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2026-01-08', 6, 64_321, 'SQUARE INC 260108 DEPOSIT', { code: 'ACH_CR' });
    bank.txn(chk, '2026-03-02', 12_000, 'STRIPE TRANSFER ST-A1B2', { code: 'ACH_CR' });
    bank.txn(chk, '2026-03-03', 9_000, 'PAYPAL TRANSFER 1234567', { code: 'ACH_CR' });
    bank.compute();
    expect(bank.result('small-business-receipts', ann)?.value).toBe(8);
  });

  it('does not flag Cash App, a card purchase at a Square merchant, or a refund to a Square terminal', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2026-01-08', 6, 5_000, 'CASH APP*BOB RAY', { code: 'ACH_CR', merchant: 'Cash App' });
    bank.txn(chk, '2026-02-01', 2_000, 'SQUARE CASH TRANSFER', { code: 'ACH_CR' });
    bank.txn(chk, '2026-02-02', -650, 'SQ *JOES COFFEE', { merchant: 'Square', category: 'restaurants' });
    bank.compute();
    expect(bank.flagged('small-business-receipts')).toEqual([]);
  });

  it('does not take a PayPal payment from a friend (no “transfer”) for a payout', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-02-01', 2_000, 'PAYPAL INST XFER', { code: 'ACH_CR' });
    bank.compute();
    expect(bank.flagged('small-business-receipts')).toEqual([]);
  });
});
