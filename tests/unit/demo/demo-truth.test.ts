/**
 * demo-truth.txt against the transactions: a naive reading of each customer's everyday checking
 * account must find exactly the traits the truth says were planted, no more and no fewer.
 */
import { describe, expect, it } from 'vitest';
import payees from '../../../resources/demo/payees.json';
import { cents, useDemoBank, type Row } from './demo-bank';

const CUSTOMERS = 1000;
const names = (list: { name: string }[]) => new Set(list.map((p) => p.name));

describe('demo-truth.txt', () => {
  const demo = useDemoBank({ customers: CUSTOMERS, seed: 5 });

  const byAccount = () => {
    const map = new Map<string, Row[]>();
    for (const t of demo().rows.transactions) {
      const list = map.get(t.account_number ?? '');
      if (list) list.push(t);
      else map.set(t.account_number ?? '', [t]);
    }
    return map;
  };

  it('names, for each customer, an everyday checking account they own or co-own', () => {
    const { rows } = demo();
    const accounts = new Map(rows.accounts.map((a) => [a.account_number, a]));
    const products = new Map(rows.products.map((p) => [p.product_code, p.family]));
    const wrong = rows.truth.filter((t) => {
      if (!t.checking_account) return false;
      const a = accounts.get(t.checking_account);
      return (
        !a ||
        products.get(a.product_code) !== 'checking' ||
        (a.owner_customer_number !== t.customer_number && a.joint_customer_number !== t.customer_number)
      );
    });
    expect(wrong).toEqual([]);
    expect(rows.truth.filter((t) => t.checking_account).length / CUSTOMERS).toBeGreaterThan(0.7);
  });

  it('agrees with what a naive reading of the transactions finds', () => {
    const transactions = byAccount();
    const lists = {
      mortgage: names(payees.mortgageServicers),
      auto: names(payees.autoLenders),
      student: names(payees.studentLoanServicers),
      card: names(payees.cardIssuers),
      broker: names(payees.brokers),
      insurer: names(payees.insurers),
      subscription: names(payees.subscriptions),
      childcare: names(payees.childcare),
      processor: names(payees.processors),
      landlord: names(payees.landlords),
      solar: names(payees.solar),
    };
    const mismatches: string[] = [];
    for (const t of demo().rows.truth) {
      const rows = transactions.get(t.checking_account ?? '') ?? [];
      const paid = (list: Set<string>) => [
        ...new Set(rows.filter((r) => list.has(r.description ?? '')).map((r) => r.description)),
      ];
      const one = (list: Set<string>) => paid(list).join('|');
      const mcc = (test: (m: number) => boolean) => rows.some((r) => r.mcc && test(Number(r.mcc)));
      const dd = rows.filter((r) => r.code === 'DD');
      const payroll = [
        ...new Set(
          dd
            .filter((r) => r.description!.includes('PAYROLL') || r.description!.includes('DFAS-CLEVELAND ARMY'))
            .map((r) => r.description),
        ),
      ];
      const transfersIn = rows.filter((r) => r.code === 'ACH_CR' && r.description!.startsWith('TRANSFER FROM '));
      const fees = (text: string) => rows.filter((r) => r.code === 'FEE' && r.description!.startsWith(text)).length;
      const saverMonths = new Set(
        rows
          .filter((r) => r.code === 'XFER_OUT' && r.description!.startsWith('TRANSFER TO SAVINGS'))
          .map((r) => r.posted_date!.slice(0, 7)),
      ).size;
      const expected: Record<string, string> = {
        payroll_here: payroll.length > 0 ? 'Y' : 'N',
        payroll_employer: payroll.sort().join('|'),
        dd_elsewhere: dd.length === 0 && transfersIn.length > 0 ? 'Y' : 'N',
        mortgage_elsewhere_lender: one(lists.mortgage),
        rent_payee: one(lists.landlord),
        auto_loan_elsewhere_lender: one(lists.auto),
        student_loan_elsewhere: paid(lists.student).length > 0 ? 'Y' : 'N',
        card_elsewhere_issuer: one(lists.card),
        invests_broker: one(lists.broker),
        insurance_payer: one(lists.insurer),
        subscriptions_count: String(paid(lists.subscription).length),
        childcare: paid(lists.childcare).length > 0 ? 'Y' : 'N',
        home_improvement: mcc((m) => m === 5200) ? 'Y' : 'N',
        traveler: mcc((m) => (m >= 3000 && m <= 3999) || m === 7011) ? 'Y' : 'N',
        sustainability: mcc((m) => m === 5552 || m === 4111 || m === 4112) || paid(lists.solar).length > 0 ? 'Y' : 'N',
        small_business_receipts: paid(lists.processor).length > 0 ? 'Y' : 'N',
        foreign_atm_fees: String(fees('ATM FEE - NON-NETWORK')),
        overdrafts: String(fees('OVERDRAFT FEE')),
        regular_saver: saverMonths >= 12 ? 'Y' : 'N',
      };
      for (const [column, value] of Object.entries(expected)) {
        const actual = column === 'payroll_employer' ? (t[column] ?? '').split('|').sort().join('|') : t[column];
        if (actual !== value)
          mismatches.push(`${t.customer_number} ${column}: truth "${actual}", transactions "${value}"`);
      }
      const wentNegative = rows.some((r) => cents(r.balance_after ?? '') < 0);
      if (wentNegative !== Number(t.overdrafts) > 0)
        mismatches.push(`${t.customer_number} negative balance vs overdrafts`);
      if (t.regular_saver === 'N' && saverMonths > 3)
        mismatches.push(`${t.customer_number} saves ${saverMonths} months`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('plants each trait on a sensible share of customers', () => {
    const { rows } = demo();
    const share = (test: (t: Row) => boolean) => rows.truth.filter(test).length / CUSTOMERS;
    const yes = (column: string) => share((t) => t[column] === 'Y');
    const named = (column: string) => share((t) => Boolean(t[column]));
    expect(yes('payroll_here')).toBeGreaterThan(0.3);
    expect(yes('dd_elsewhere')).toBeGreaterThan(0.1);
    expect(yes('dd_elsewhere')).toBeLessThan(0.3);
    expect(named('mortgage_elsewhere_lender')).toBeGreaterThan(0.06);
    expect(named('card_elsewhere_issuer')).toBeGreaterThan(0.1);
    expect(share((t) => Number(t.overdrafts) > 0)).toBeGreaterThan(0.03);
    expect(share((t) => Number(t.overdrafts) > 0)).toBeLessThan(0.1);
    expect(yes('regular_saver')).toBeGreaterThan(0.1);
    expect(yes('regular_saver')).toBeLessThan(0.3);
    expect(yes('saver_missed_month')).toBeGreaterThan(0);
    expect(yes('small_business_receipts')).toBeGreaterThan(0.01);
    expect(yes('small_business_receipts')).toBeLessThan(0.07);
    for (const column of ['childcare', 'home_improvement', 'traveler', 'sustainability', 'student_loan_elsewhere']) {
      expect(yes(column), column).toBeGreaterThan(0.005);
    }
    expect(share((t) => Number(t.subscriptions_count) > 1)).toBeGreaterThan(0.02);
    expect(share((t) => Number(t.foreign_atm_fees) > 0)).toBeGreaterThan(0.02);
  });

  it('pairs every transfer to savings with the deposit into savings', () => {
    const { rows } = demo();
    const key = (r: Row) => `${r.posted_date} ${cents(r.amount ?? '')}`;
    const ins = new Map<string, number>();
    for (const r of rows.transactions) if (r.code === 'XFER_IN') ins.set(key(r), (ins.get(key(r)) ?? 0) + 1);
    let unmatched = 0;
    for (const r of rows.transactions) {
      if (r.code !== 'XFER_OUT') continue;
      const k = `${r.posted_date} ${-cents(r.amount ?? '')}`;
      const left = ins.get(k) ?? 0;
      if (left === 0) unmatched += 1;
      else ins.set(k, left - 1);
    }
    expect(unmatched).toBe(0);
    expect([...ins.values()].every((n) => n === 0)).toBe(true);
  });
});
