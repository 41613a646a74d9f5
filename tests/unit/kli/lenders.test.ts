/** Payments to other lenders and issuers, loan payments, and payments to accounts at other banks. */
import { describe, expect, it } from 'vitest';
import { useKliBank } from '../../helpers/kli-bank';

const loan = { category: 'loan_payment', code: 'ACH_DR' } as const;

describe('mortgage-elsewhere', () => {
  const newBank = useKliBank();

  it('flags a monthly mortgage payment to another lender, with the amount a month and the lender', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-05', 12, -52_000, 'ROCKET MORTGAGE PMT', { ...loan, merchant: 'Rocket Mortgage' });
    bank.compute();
    expect(bank.result('mortgage-elsewhere', ann)).toEqual({ value: 52_000, detail: 'Rocket Mortgage' });
    expect(bank.kliOf(ann, 'mortgage-elsewhere')?.value_text).toBe('$520 a month · Rocket Mortgage');
  });

  it('does not flag a payment to this bank’s own mortgage, by name or by initials', () => {
    const bank = newBank();
    const byName = bank.customer('Ann Lee');
    const byInitials = bank.customer('Bob Ray');
    bank.monthly(bank.account(byName, 'CHK-FREE'), '2025-07-05', 12, -90_000, 'PRAIRIE VALLEY COMMUNITY BANK MTG', {
      ...loan,
      merchant: 'Prairie Valley Community Bank',
    });
    bank.monthly(bank.account(byInitials, 'CHK-FREE'), '2025-07-05', 12, -90_000, 'PVCB MORTGAGE PMT', loan);
    bank.compute();
    expect(bank.flagged('mortgage-elsewhere')).toEqual([]);
    // Still a loan payment, just not one elsewhere.
    expect(bank.flagged('loan-payments')).toEqual(['Ann Lee', 'Bob Ray']);
  });

  it('does not take an escrow refund from a lender for a payment', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-03-02', 41_233, 'ROCKET MORTGAGE ESCROW REFUND', {
      category: 'loan_payment',
      code: 'ACH_CR',
      merchant: 'Rocket Mortgage',
    });
    bank.compute();
    expect(bank.flagged('mortgage-elsewhere')).toEqual([]);
  });

  it('ignores a payment just before the lookback and a lookalike word', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2025-06-30', -52_000, 'ROCKET MORTGAGE PMT', { ...loan, merchant: 'Rocket Mortgage' });
    bank.txn(chk, '2026-03-05', -30_000, 'MTGE SERVICES LLC', loan);
    bank.txn(chk, '2026-03-06', -120_000, 'OAK APARTMENTS RENT', { category: 'housing', code: 'ACH_DR' });
    bank.compute();
    expect(bank.flagged('mortgage-elsewhere')).toEqual([]);
  });

  it('averages over the months paid, one missed month included, and names the latest lender', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-05', 6, -150_000, 'MR COOPER MTG PMT', { ...loan, merchant: 'Mr. Cooper' });
    // Refinanced with a lower payment; February missed.
    bank.monthly(chk, '2026-01-05', 6, -120_000, 'NEWREZ MTG PMT', { ...loan, merchant: 'NewRez', skip: ['2026-02'] });
    bank.compute();
    // (6 × 1,500 + 5 × 1,200) / 11 months.
    expect(bank.result('mortgage-elsewhere', ann)).toEqual({ value: 136_364, detail: 'NewRez' });
  });
});

describe('auto-loan-elsewhere', () => {
  const newBank = useKliBank();

  it('flags a captive lender’s car payment', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-09-12', 10, -41_500, 'TOYOTA FINANCIAL SVCS PMT', {
      ...loan,
      merchant: 'Toyota Financial Services',
    });
    bank.compute();
    expect(bank.result('auto-loan-elsewhere', ann)).toEqual({ value: 41_500, detail: 'Toyota Financial Services' });
  });

  it('does not flag our own auto loan, nor a dealer’s service bill', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-12', 12, -41_500, 'PVCB AUTO LOAN PMT', loan);
    bank.txn(chk, '2026-04-02', -38_900, 'TOYOTA OF AMES SERVICE', { category: 'auto', merchant: 'Toyota of Ames' });
    bank.compute();
    expect(bank.flagged('auto-loan-elsewhere')).toEqual([]);
  });

  it('counts a single payment in the lookback (a new loan)', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-06-15', -45_000, 'GM FINANCIAL AUTO PAY', loan);
    bank.compute();
    expect(bank.result('auto-loan-elsewhere', ann)).toEqual({ value: 45_000, detail: 'GM FINANCIAL AUTO PAY' });
  });
});

describe('student-loan-elsewhere', () => {
  const newBank = useKliBank();

  it('flags a servicer payment', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-20', 12, -28_700, 'NELNET STUDENT LN', {
      ...loan,
      merchant: 'Nelnet',
    });
    bank.compute();
    expect(bank.kliOf(ann, 'student-loan-elsewhere')?.value_text).toBe('$287 a month · Nelnet');
  });

  it('does not flag tuition, which is education but no servicer', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-01-10', -450_000, 'IOWA STATE UNIV TUITION', {
      category: 'education',
    });
    bank.compute();
    expect(bank.flagged('student-loan-elsewhere')).toEqual([]);
  });

  it('counts a servicer the cleaner filed under education', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2026-01-20', 6, -19_000, 'SALLIE MAE PMT', {
      category: 'education',
      code: 'ACH_DR',
    });
    bank.compute();
    expect(bank.result('student-loan-elsewhere', ann)?.value).toBe(19_000);
  });
});

describe('personal-loan-elsewhere', () => {
  const newBank = useKliBank();

  it('flags an installment loan from a fintech', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-12-01', 7, -33_300, 'UPSTART NETWORK PMT', {
      ...loan,
      merchant: 'Upstart',
    });
    bank.compute();
    expect(bank.result('personal-loan-elsewhere', ann)).toEqual({ value: 33_300, detail: 'Upstart' });
  });

  it('does not take a word that only starts like a lender’s name', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-12-01', 7, -33_300, 'PROSPERITY BANK LOAN PMT', loan);
    bank.compute();
    expect(bank.flagged('personal-loan-elsewhere')).toEqual([]);
  });

  it('does not count a loan disbursement paid in', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-05-01', 1_000_000, 'LENDINGCLUB LOAN PROCEEDS', {
      category: 'loan_payment',
      code: 'ACH_CR',
    });
    bank.compute();
    expect(bank.flagged('personal-loan-elsewhere')).toEqual([]);
  });
});

describe('card-elsewhere', () => {
  const newBank = useKliBank();

  it('flags a payment to another issuer', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-25', 12, -61_000, 'DISCOVER E-PAYMENT 4412', { ...loan, merchant: 'Discover' });
    bank.compute();
    expect(bank.result('card-elsewhere', ann)).toEqual({ value: 61_000, detail: 'Discover' });
  });

  it('does not flag a payment to this bank’s own card (the demo core’s wording)', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-25', 12, -61_000, 'PVCB VISA CARD PMT', loan);
    bank.compute();
    expect(bank.flagged('card-elsewhere')).toEqual([]);
  });

  it('does not take an auto or mortgage e-payment for a card payment', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-05', 12, -41_500, 'TOYOTA FINANCIAL EPAYMENT', loan);
    bank.monthly(chk, '2025-07-06', 12, -98_000, 'HOME LOAN CARD PMT', loan);
    bank.compute();
    expect(bank.flagged('card-elsewhere')).toEqual([]);
    expect(bank.flagged('auto-loan-elsewhere')).toEqual(['Ann Lee']);
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee']);
  });

  it('does not count a card refund or a statement credit', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-02-01', 2_500, 'AMEX CARD PAYMENT REVERSAL', {
      category: 'loan_payment',
      code: 'ACH_CR',
    });
    bank.compute();
    expect(bank.flagged('card-elsewhere')).toEqual([]);
  });
});

describe('loan-payments', () => {
  const newBank = useKliBank();

  it('flags loan payments from a deposit account in two or more months, here or elsewhere', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'SAV'), '2026-04-10', 3, -20_000, 'UVER', { category: 'loan_payment' });
    bank.compute();
    expect(bank.result('loan-payments', ann)).toEqual({ value: 3, detail: 'UVER' });
    expect(bank.kliOf(ann, 'loan-payments')?.value_text).toBe('3 of 12 months · UVER');
  });

  it('needs two months: one payment is not a habit', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-04-10', -20_000, 'LOAN PAYMENT', loan);
    bank.txn(chk, '2026-04-25', -20_000, 'LOAN PAYMENT', loan);
    bank.compute();
    expect(bank.flagged('loan-payments')).toEqual([]);
  });

  it('does not count what is booked on the loan account itself', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'MTG'), '2025-07-01', 12, -90_000, 'LOAN PAYMENT - PRINCIPAL', loan);
    bank.compute();
    expect(bank.flagged('loan-payments')).toEqual([]);
  });
});

describe('other-bank-payments', () => {
  const newBank = useKliBank();
  const order = { code: 'ORDER', category: 'other' } as const;

  it('flags payments to an account at another bank in two or more months', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-14', 12, -35_000, 'Payment order', {
      ...order,
      counterparty: 'AB 87144583',
    });
    bank.compute();
    expect(bank.result('other-bank-payments', ann)).toEqual({ value: 12, detail: 'AB 87144583' });
  });

  it('does not flag payments to this bank, to a payee without an account, or money coming in', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-14', 12, -35_000, 'Payment order', { ...order, counterparty: 'PVCB 55512345' });
    bank.monthly(chk, '2025-07-15', 12, -35_000, 'Payment order', { ...order, counterparty: 'JOHN SMITH' });
    bank.monthly(chk, '2025-07-16', 12, 35_000, 'Collection from another bank', {
      code: 'COLLECTION',
      counterparty: 'CD 11223344',
    });
    bank.compute();
    expect(bank.flagged('other-bank-payments')).toEqual([]);
  });

  it('needs two months within the lookback', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2025-06-14', -35_000, 'Payment order', { ...order, counterparty: 'AB 87144583' });
    bank.txn(chk, '2026-06-14', -35_000, 'Payment order', { ...order, counterparty: 'AB 87144583' });
    bank.compute();
    expect(bank.flagged('other-bank-payments')).toEqual([]);
    bank.compute({ lookbackMonths: 13 });
    expect(bank.flagged('other-bank-payments')).toEqual(['Ann Lee']);
  });
});
