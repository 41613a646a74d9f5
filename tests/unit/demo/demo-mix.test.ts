/** The bank as a marketer sees it: who the customers are and what they hold, on 5,000 customers. */
import { describe, expect, it } from 'vitest';
import { PRODUCT_FAMILIES, type ProductFamily } from '../../../src-shared/domain';
import { householdKey } from '../../../src-main/ingest/household-key';
import bank from '../../../resources/demo/bank.json';
import { cents, useDemoBank } from './demo-bank';

const CUSTOMERS = 5000;

/** Share of households holding an open account of each family: [low, high]. */
const PENETRATION: Record<ProductFamily, [number, number]> = {
  checking: [0.74, 0.86],
  savings: [0.48, 0.62],
  money_market: [0.07, 0.13],
  cd: [0.09, 0.16],
  heloc: [0.03, 0.07],
  mortgage: [0.09, 0.15],
  auto: [0.07, 0.13],
  credit_card: [0.16, 0.24],
  personal_loan: [0.03, 0.07],
  online_banking: [0.59, 0.71],
  e_statements: [0.39, 0.51],
};

const share = (part: number, whole: number) => part / whole;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe('the demo bank’s customers and products', () => {
  const demo = useDemoBank({ customers: CUSTOMERS, seed: 11 }, ['products.csv', 'customers.csv', 'accounts.csv']);

  const households = () => {
    const byKey = new Map<string, string[]>();
    for (const c of demo().rows.customers) {
      const { key } = householdKey({
        customer_number: c.customer_number ?? '',
        household_id: null,
        address_line1: c.address_line1 ?? '',
        address_line2: c.address_line2 || null,
        zip: c.zip ?? '',
      });
      byKey.set(key, [...(byKey.get(key) ?? []), c.customer_number ?? '']);
    }
    return byKey;
  };

  it('puts about a third of customers in households of two or more', () => {
    const groups = [...households().values()];
    const inMulti = groups.filter((g) => g.length > 1).reduce((n, g) => n + g.length, 0);
    expect(share(inMulti, CUSTOMERS)).toBeGreaterThan(0.25);
    expect(share(inMulti, CUSTOMERS)).toBeLessThan(0.45);
    expect(demo().result.counts.households).toBe(groups.length);
  });

  it('holds each product family at a realistic share of households', () => {
    const { rows } = demo();
    const family = new Map(rows.products.map((p) => [p.product_code, p.family as ProductFamily]));
    const householdOf = new Map<string, string>();
    for (const [key, members] of households()) for (const m of members) householdOf.set(m, key);
    const holders = new Map<ProductFamily, Set<string>>(PRODUCT_FAMILIES.map((f) => [f, new Set()]));
    for (const a of rows.accounts) {
      if (a.status !== 'OPEN') continue;
      const set = holders.get(family.get(a.product_code)!)!;
      for (const owner of [a.owner_customer_number, a.joint_customer_number])
        if (owner) set.add(householdOf.get(owner)!);
    }
    const total = householdOf.size === 0 ? 1 : new Set(householdOf.values()).size;
    const measured = Object.fromEntries(PRODUCT_FAMILIES.map((f) => [f, share(holders.get(f)!.size, total)]));
    for (const f of PRODUCT_FAMILIES) {
      const [low, high] = PENETRATION[f];
      expect(measured[f], f).toBeGreaterThanOrEqual(low);
      expect(measured[f], f).toBeLessThanOrEqual(high);
    }
  });

  it('has realistic statuses, joint owners and skewed balances', () => {
    const { rows } = demo();
    const family = new Map(rows.products.map((p) => [p.product_code, p.family]));
    const status = (s: string) => share(rows.accounts.filter((a) => a.status === s).length, rows.accounts.length);
    expect(status('CLOSED')).toBeGreaterThan(0.03);
    expect(status('CLOSED')).toBeLessThan(0.08);
    expect(status('DORMANT')).toBeGreaterThan(0);
    expect(status('CHARGED_OFF')).toBeGreaterThan(0);
    const open = (f: string) => rows.accounts.filter((a) => a.status === 'OPEN' && family.get(a.product_code) === f);
    const checking = open('checking');
    expect(share(checking.filter((a) => a.joint_customer_number).length, checking.length)).toBeGreaterThan(0.1);
    const medianOf = (f: string) => median(open(f).map((a) => cents(a.balance ?? '') / 100));
    expect(medianOf('checking')).toBeGreaterThan(1_000);
    expect(medianOf('checking')).toBeLessThan(4_500);
    expect(medianOf('savings')).toBeGreaterThan(2_500);
    expect(medianOf('savings')).toBeLessThan(10_000);
    expect(medianOf('cd')).toBeGreaterThan(10_000);
    expect(medianOf('cd')).toBeLessThan(100_000);
    expect(medianOf('mortgage')).toBeGreaterThan(80_000);
    expect(medianOf('mortgage')).toBeLessThan(350_000);
    for (const a of open('mortgage')) expect(Number(a.rate)).toBeGreaterThan(2);
    expect(rows.accounts.every((a) => !a.balance!.startsWith('-') || family.get(a.product_code) === 'checking')).toBe(
      true,
    );
  });

  it('spreads customers over the region’s towns, mostly at their home branch', () => {
    const { rows } = demo();
    const homeBranch = new Map(bank.towns.map((t) => [`${t.city}|${t.zip}`, t.branch]));
    const atHome = rows.customers.filter((c) => homeBranch.get(`${c.city}|${c.zip}`) === c.branch).length;
    expect(share(atHome, CUSTOMERS)).toBeGreaterThan(0.8);
    expect(new Set(rows.customers.map((c) => c.city)).size).toBeGreaterThanOrEqual(20);
    const branches = new Set(rows.customers.map((c) => c.branch));
    expect(branches.size).toBeGreaterThanOrEqual(6);
    expect(branches.size).toBeLessThanOrEqual(10);
    for (const c of rows.customers) {
      expect(c.zip).toMatch(/^\d{5}$/);
      expect(c.state).toBe('IA');
      expect(c.branch).toMatch(/^BR\d\d$/);
    }
  });

  it('has plausible people, flags and contact details', () => {
    const { rows } = demo();
    const flag = (name: string) => share(rows.customers.filter((c) => c[name] === 'Y').length, CUSTOMERS);
    expect(flag('do_not_solicit')).toBeGreaterThan(0.02);
    expect(flag('do_not_solicit')).toBeLessThan(0.05);
    expect(flag('do_not_mail')).toBeGreaterThan(0.003);
    expect(flag('do_not_mail')).toBeLessThan(0.02);
    expect(flag('deceased')).toBeGreaterThan(0.002);
    expect(flag('deceased')).toBeLessThan(0.012);
    expect(flag('returned_mail')).toBeGreaterThan(0.01);
    expect(flag('returned_mail')).toBeLessThan(0.035);
    expect(flag('employee')).toBeGreaterThan(0.001);
    expect(flag('employee')).toBeLessThan(0.012);
    const age = (c: { birth_date?: string }) => 2026 - Number(c.birth_date!.slice(0, 4));
    const minors = rows.customers.filter((c) => age(c) < 18).length;
    expect(share(minors, CUSTOMERS)).toBeGreaterThan(0.004);
    expect(share(minors, CUSTOMERS)).toBeLessThan(0.02);
    expect(Math.max(...rows.customers.map(age))).toBeLessThanOrEqual(96);
    expect(share(rows.customers.filter((c) => c.email).length, CUSTOMERS)).toBeGreaterThan(0.6);
    expect(share(rows.customers.filter((c) => c.email).length, CUSTOMERS)).toBeLessThan(0.8);
    expect(new Set(rows.customers.map((c) => c.gender))).toEqual(new Set(['F', 'M', 'X']));
    expect(rows.customers.filter((c) => c.address_line2).every((c) => /^APT /.test(c.address_line2!))).toBe(true);
  });

  it('writes 35 to 45 transactions a customer over the 13 months', () => {
    const perCustomer = demo().result.counts.transactions / CUSTOMERS;
    expect(perCustomer).toBeGreaterThan(35);
    expect(perCustomer).toBeLessThan(45);
  });
});
