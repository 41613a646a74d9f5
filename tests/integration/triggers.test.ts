/**
 * Triggers on hand-made histories: each type positive, negative and at its edges, owners and
 * joint owners, closed accounts, storage, the after-import check and the exports. Snapshots are
 * month-ends; the latest period is October 2026 (after 2026-09-30, up to 2026-10-31).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TriggerRule } from '../../src-shared/kli';
import { setSetting } from '../../src-main/bank/stats';
import { openDatabase, type Db } from '../../src-main/db/open';
import {
  evaluateTriggers,
  evaluateTriggersAfterImport,
  exportTriggerHits,
  listTriggers,
  runTriggers,
  saveTriggers,
  triggerHits,
} from '../../src-main/triggers/service';

const MONTH_ENDS = ['2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31'] as const;

interface TxnOptions {
  code?: string;
  description?: string;
  category?: string | null;
  merchant?: string | null;
  counterparty?: string | null;
}

/** A migrated in-memory bank with a checking, a savings and a mortgage product. */
class TestBank {
  readonly db: Db = openDatabase(':memory:');
  private keys = 0;

  constructor() {
    this.db.exec(`INSERT INTO products (code, name, family, interest_bearing) VALUES
      ('CHK', 'Free Checking', 'checking', 0), ('SAV', 'Regular Savings', 'savings', 1),
      ('MTG', '30-Year Mortgage', 'mortgage', 0)`);
  }

  customer(number: string, firstName = 'Pat', lastName = 'Doe'): number {
    const household = this.db
      .prepare(`INSERT INTO households (household_key, source) VALUES (?, 'single')`)
      .run(`H-${number}`).lastInsertRowid;
    return Number(
      this.db
        .prepare(
          `INSERT INTO customers (customer_number, first_name, last_name, address_line1, city, state, zip,
             household_id, search_text, sort_name)
           VALUES (?, ?, ?, '1 Main St', 'Ames', 'IA', '50010', ?, ?, ?)`,
        )
        .run(number, firstName, lastName, household, number, `${lastName} ${firstName}`).lastInsertRowid,
    );
  }

  account(
    number: string,
    owners: number[],
    options: { product?: string; status?: string; open?: string } = {},
  ): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO accounts (account_number, product_code, open_date, status, balance_cents) VALUES (?, ?, ?, ?, 0)`,
        )
        .run(number, options.product ?? 'CHK', options.open ?? '2020-01-01', options.status ?? 'OPEN').lastInsertRowid,
    );
    owners.forEach((customer, i) =>
      this.db
        .prepare('INSERT INTO account_owners (account_id, customer_id, role) VALUES (?, ?, ?)')
        .run(id, customer, i === 0 ? 'owner' : 'joint'),
    );
    return id;
  }

  /** Balances (in dollars) at the month ends, oldest first, ending 2026-10-31; null skips a month. */
  balances(account: number, dollars: (number | null)[], averages: (number | null)[] = []): void {
    const dates = MONTH_ENDS.slice(MONTH_ENDS.length - dollars.length);
    dates.forEach((as_of, i) => {
      const balance = dollars[i];
      if (balance === null || balance === undefined) return;
      const average = averages[i];
      this.db
        .prepare(
          'INSERT INTO balance_snapshots (account_id, as_of, balance_cents, average_balance_cents) VALUES (?, ?, ?, ?)',
        )
        .run(
          account,
          as_of,
          Math.round(balance * 100),
          average === null || average === undefined ? null : Math.round(average * 100),
        );
    });
  }

  txn(account: number, date: string, dollars: number, options: TxnOptions = {}): void {
    this.db
      .prepare(
        `INSERT INTO transactions (transaction_key, account_id, posted_date, amount_cents, code, description, merchant,
           category, counterparty)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `T${++this.keys}`,
        account,
        date,
        Math.round(dollars * 100),
        options.code ?? (dollars > 0 ? 'DEP' : 'POS'),
        options.description ?? 'BRANCH DEPOSIT',
        options.merchant ?? null,
        options.category === undefined ? 'other' : options.category,
        options.counterparty ?? null,
      );
  }

  /** Evaluates only `rules` and returns the hits as customer number → evidence, per trigger. */
  run(...rules: TriggerRule[]): Record<string, Record<string, string>> {
    saveTriggers(this.db, rules, 'test');
    evaluateTriggers(this.db, 'test');
    const out: Record<string, Record<string, string>> = {};
    for (const hit of triggerHits(this.db, 0, 500).hits) {
      (out[hit.trigger_id] ??= {})[hit.customer_number] = hit.evidence;
    }
    return out;
  }
}

const rule = (fields: Partial<TriggerRule> & Pick<TriggerRule, 'type'>): TriggerRule => ({
  id: fields.type,
  name: fields.type,
  action: { type: 'call-list' },
  enabled: true,
  ...fields,
});

const above25k = (months = 1): TriggerRule =>
  rule({ type: 'balance', direction: 'above', threshold_cents: 2_500_000, months });

describe('balance triggers', () => {
  it('fire when the balance crosses between the previous snapshot and the latest, strictly', () => {
    const bank = new TestBank();
    const crossed = bank.account('1', [bank.customer('C1')]);
    bank.balances(crossed, [20_000, 24_000, 26_000]);
    const alreadyAbove = bank.account('2', [bank.customer('C2')]);
    bank.balances(alreadyAbove, [26_000, 27_000]);
    const exactlyAt = bank.account('3', [bank.customer('C3')]);
    bank.balances(exactlyAt, [24_000, 25_000]);
    const fromExactly = bank.account('4', [bank.customer('C4')]);
    bank.balances(fromExactly, [25_000, 25_000.01]);
    const fell = bank.account('5', [bank.customer('C5')]);
    bank.balances(fell, [26_000, 20_000]);

    const hits = bank.run(above25k())['balance'] ?? {};
    expect(Object.keys(hits).sort()).toEqual(['C1', 'C4']);
    expect(hits['C1']).toBe(
      'Balance rose above $25,000: $24,000 on 2026-09-30 → $26,000 on 2026-10-31 (Free Checking)',
    );
  });

  it('with months N need N periods in a row after one on the other side; a missing month breaks the run', () => {
    const bank = new TestBank();
    const twoMonths = bank.account('1', [bank.customer('C1')]);
    bank.balances(twoMonths, [20_000, 26_000, 27_000]);
    const onlyOne = bank.account('2', [bank.customer('C2')]);
    bank.balances(onlyOne, [20_000, 24_000, 27_000]);
    const gap = bank.account('3', [bank.customer('C3')]);
    bank.balances(gap, [20_000, null, 27_000]);
    const threeMonths = bank.account('4', [bank.customer('C4')]);
    bank.balances(threeMonths, [20_000, 26_000, 26_000, 26_000]);
    const dipped = bank.account('5', [bank.customer('C5')]);
    bank.balances(dipped, [26_000, 24_000, 26_000, 26_000]);

    const hits = bank.run(above25k(2))['balance'] ?? {};
    expect(Object.keys(hits).sort()).toEqual(['C1', 'C5']);
    expect(hits['C1']).toBe(
      'Balance rose above $25,000 for 2 months in a row: ' +
        '$20,000 on 2026-08-31 → $26,000 on 2026-09-30 → $27,000 on 2026-10-31 (Free Checking)',
    );
  });

  it('need a snapshot before the run: a new account is not judged', () => {
    const bank = new TestBank();
    const fresh = bank.account('1', [bank.customer('C1')], { open: '2026-10-02' });
    bank.balances(fresh, [30_000]);
    expect(bank.run(above25k())).toEqual({});
  });

  it('read the average collected balance for average-balance, and skip months without one', () => {
    const bank = new TestBank();
    const low = bank.account('1', [bank.customer('C1')]);
    bank.balances(low, [900, 50], [150, 80]);
    const noAverage = bank.account('2', [bank.customer('C2')]);
    bank.balances(noAverage, [900, 50]);
    const balanceLowOnly = bank.account('3', [bank.customer('C3')]);
    bank.balances(balanceLowOnly, [900, 50], [400, 300]);

    const hits = bank.run(rule({ type: 'average-balance', direction: 'below', threshold_cents: 10_000 }));
    expect(hits).toEqual({
      'average-balance': {
        C1: 'Average balance fell below $100: $150 on 2026-09-30 → $80 on 2026-10-31 (Free Checking)',
      },
    });
  });

  it("look only at the rule's product families (checking, savings and money market by default)", () => {
    const bank = new TestBank();
    const savings = bank.account('1', [bank.customer('C1')], { product: 'SAV' });
    bank.balances(savings, [20_000, 30_000]);
    const mortgage = bank.account('2', [bank.customer('C2')], { product: 'MTG' });
    bank.balances(mortgage, [20_000, 30_000]);

    expect(Object.keys(bank.run(above25k())['balance'] ?? {})).toEqual(['C1']);
    expect(bank.run({ ...above25k(), families: ['checking'] })).toEqual({});
  });

  it('ignore closed and charged-off accounts', () => {
    const bank = new TestBank();
    const closed = bank.account('1', [bank.customer('C1')], { status: 'CLOSED' });
    bank.balances(closed, [20_000, 30_000]);
    const chargedOff = bank.account('2', [bank.customer('C2')], { status: 'CHARGED_OFF' });
    bank.balances(chargedOff, [20_000, 30_000]);
    const dormant = bank.account('3', [bank.customer('C3')], { status: 'DORMANT' });
    bank.balances(dormant, [20_000, 30_000]);
    expect(Object.keys(bank.run(above25k())['balance'] ?? {})).toEqual(['C3']);
  });

  it('give every owner and joint owner one hit, their strongest account speaking for the others', () => {
    const bank = new TestBank();
    const john = bank.customer('JOHN');
    const jane = bank.customer('JANE');
    const joint = bank.account('1', [john, jane]);
    bank.balances(joint, [20_000, 30_000]);
    const johns = bank.account('2', [john], { product: 'SAV' });
    bank.balances(johns, [20_000, 40_000]);

    const hits = bank.run(above25k())['balance'] ?? {};
    expect(hits['JANE']).toBe(
      'Balance rose above $25,000: $20,000 on 2026-09-30 → $30,000 on 2026-10-31 (Free Checking)',
    );
    expect(hits['JOHN']).toBe(
      'Balance rose above $25,000: $20,000 on 2026-09-30 → $40,000 on 2026-10-31 (Regular Savings); and 1 more account',
    );
    const page = triggerHits(bank.db, 0, 10);
    expect(page.hits.map((h) => [h.customer_number, h.account_number])).toEqual([
      ['JOHN', '2'],
      ['JANE', '1'],
    ]);
  });

  it("write money in the bank's currency", () => {
    const bank = new TestBank();
    setSetting(bank.db, 'currency', 'CZK');
    const account = bank.account('1', [bank.customer('C1')]);
    bank.balances(account, [20_000, 26_000.5]);
    expect(bank.run(above25k())['balance']?.['C1']).toBe(
      'Balance rose above CZK 25,000: CZK 20,000 on 2026-09-30 → CZK 26,000.50 on 2026-10-31 (Free Checking)',
    );
  });
});

describe('large deposit and withdrawal triggers', () => {
  /** Every account has month-end snapshots, so the latest period is October. */
  function bankWith(balance = 5_000) {
    const bank = new TestBank();
    const accountOf = (number: string, options: { open?: string; product?: string } = {}) => {
      const id = bank.account(number, [bank.customer(`C${number}`)], options);
      bank.balances(id, [balance, balance, balance]);
      return id;
    };
    return { bank, accountOf };
  }

  it('count one transaction over the amount in the latest period only, strictly over', () => {
    const { bank, accountOf } = bankWith();
    bank.txn(accountOf('1'), '2026-10-14', 12_000, { merchant: 'Acme Title Co' });
    bank.txn(accountOf('2'), '2026-10-14', 10_000);
    bank.txn(accountOf('3'), '2026-09-30', 50_000);
    bank.txn(accountOf('4'), '2026-10-31', 10_000.01);
    const split = accountOf('5');
    bank.txn(split, '2026-10-03', 6_000);
    bank.txn(split, '2026-10-04', 6_000);

    const hits = bank.run(rule({ type: 'large-deposit', threshold_cents: 1_000_000 }))['large-deposit'] ?? {};
    expect(Object.keys(hits).sort()).toEqual(['C1', 'C4']);
    expect(hits['C1']).toBe(
      'Deposit of $12,000 on 2026-10-14 (Acme Title Co), over $10,000, 240% of the $5,000 balance on 2026-09-30 (Free Checking)',
    );
    expect(hits['C4']).toMatch(/^Deposit of \$10,000\.01 on 2026-10-31 \(BRANCH DEPOSIT\)/);
  });

  it('leave out transfers between accounts here, interest, opening deposits and withdrawals', () => {
    const { bank, accountOf } = bankWith();
    bank.txn(accountOf('1'), '2026-10-14', 50_000, { code: 'XFER_IN', description: 'TRANSFER FROM SAVINGS' });
    bank.txn(accountOf('2'), '2026-10-14', 50_000, { code: 'INT', description: 'INTEREST PAID' });
    const opened = bank.account('3', [bank.customer('C3')], { open: '2026-10-05' });
    bank.balances(opened, [50_000]);
    bank.txn(opened, '2026-10-05', 50_000, { description: 'OPENING DEPOSIT' });
    bank.txn(accountOf('4'), '2026-10-14', -50_000, { code: 'CHK', description: 'CHECK 101' });
    expect(bank.run(rule({ type: 'large-deposit', threshold_cents: 1_000_000 }))).toEqual({});
  });

  it('count a transfer that names another bank: that money did come in', () => {
    const { bank, accountOf } = bankWith();
    bank.txn(accountOf('1'), '2026-10-14', 50_000, {
      code: 'XFER_IN',
      description: 'Transfer from another bank',
      counterparty: 'AB 12345678',
    });
    const hits = bank.run(rule({ type: 'large-deposit', threshold_cents: 1_000_000 }));
    expect(Object.keys(hits['large-deposit'] ?? {})).toEqual(['C1']);
  });

  it('compare with the previous snapshot balance for a percentage, and need both when both are set', () => {
    const { bank, accountOf } = bankWith(10_000);
    bank.txn(accountOf('1'), '2026-10-10', 6_000);
    bank.txn(accountOf('2'), '2026-10-10', 4_000);
    bank.txn(accountOf('3'), '2026-10-10', 5_000);
    const noSnapshot = bank.account('4', [bank.customer('C4')]);
    bank.txn(noSnapshot, '2026-10-10', 90_000);
    bank.txn(accountOf('5'), '2026-10-10', 12_000);

    const byPercent = rule({ type: 'large-deposit', percent_of_balance: 50 });
    expect(Object.keys(bank.run(byPercent)['large-deposit'] ?? {}).sort()).toEqual(['C1', 'C5']);
    const both = rule({ type: 'large-deposit', threshold_cents: 1_000_000, percent_of_balance: 150 });
    expect(bank.run(both)).toEqual({});
    const bothMet = rule({ type: 'large-deposit', threshold_cents: 1_000_000, percent_of_balance: 100 });
    expect(Object.keys(bank.run(bothMet)['large-deposit'] ?? {})).toEqual(['C5']);
  });

  it('read withdrawals as money out, by their size', () => {
    const { bank, accountOf } = bankWith(20_000);
    bank.txn(accountOf('1'), '2026-10-20', -15_000, { code: 'CHK', description: 'CHECK 1042', merchant: 'Check' });
    bank.txn(accountOf('2'), '2026-10-20', -5_000, { code: 'CHK', description: 'CHECK 1043' });
    bank.txn(accountOf('3'), '2026-10-20', 15_000);
    const hits = bank.run(rule({ type: 'large-withdrawal', threshold_cents: 1_000_000, percent_of_balance: 50 }));
    expect(hits).toEqual({
      'large-withdrawal': {
        C1: 'Withdrawal of $15,000 on 2026-10-20 (Check), over $10,000, 75% of the $20,000 balance on 2026-09-30 (Free Checking)',
      },
    });
  });
});

describe('overdrafts rising', () => {
  const fee = { code: 'FEE', description: 'OVERDRAFT FEE - PAID ITEM', category: 'fees' };

  it('fires when the latest period has more overdraft or NSF fees than the one before', () => {
    const bank = new TestBank();
    const rising = bank.account('1', [bank.customer('C1')]);
    bank.balances(rising, [100, 100, 100]);
    bank.txn(rising, '2026-09-12', -35, fee);
    bank.txn(rising, '2026-10-03', -35, fee);
    bank.txn(rising, '2026-10-09', -35, { code: 'FEE', description: 'NSF/RETURNED ITEM', category: null });
    const level = bank.account('2', [bank.customer('C2')]);
    bank.balances(level, [100, 100, 100]);
    bank.txn(level, '2026-09-12', -35, fee);
    bank.txn(level, '2026-10-12', -35, fee);
    const notOverdrafts = bank.account('3', [bank.customer('C3')]);
    bank.balances(notOverdrafts, [100, 100, 100]);
    bank.txn(notOverdrafts, '2026-10-12', -25, { code: 'FEE', description: 'TRANSFER FEE', category: 'fees' });
    bank.txn(notOverdrafts, '2026-10-13', 35, { code: 'FEE', description: 'OVERDRAFT FEE REFUND', category: 'fees' });
    bank.txn(notOverdrafts, '2026-10-14', -35, { code: 'POS', description: 'NSF SPORTS', category: 'shopping' });
    const first = bank.account('4', [bank.customer('C4')]);
    bank.balances(first, [100, 100, 100]);
    bank.txn(first, '2026-10-20', -35, { code: 'ACH_DR', description: 'INSUFFICIENT FUNDS CHARGE', category: 'fees' });
    const berka = bank.account('5', [bank.customer('C5')]);
    bank.balances(berka, [100, 100, 100]);
    bank.txn(berka, '2026-10-31', -1.2, { code: 'FEE', description: 'Penalty interest', category: 'fees' });

    const hits = bank.run(rule({ type: 'overdrafts-rising' }))['overdrafts-rising'] ?? {};
    expect(Object.keys(hits).sort()).toEqual(['C1', 'C4', 'C5']);
    expect(hits['C1']).toBe(
      '2 overdraft/NSF fees from 2026-10-01 to 2026-10-31 ($70), up from 1 the period before (Free Checking)',
    );
  });
});

describe('payroll stopped', () => {
  const pay = { code: 'DD', description: 'ACME MFG PAYROLL PPD', merchant: 'Acme Mfg Payroll', category: 'payroll' };

  function bankWithSnapshots() {
    const bank = new TestBank();
    const accountFor = (owners: number[], product = 'CHK') => {
      const id = bank.account(`A${owners.join('-')}-${product}`, owners, { product });
      bank.balances(id, [1_000, 1_000, 1_000, 1_000, 1_000]);
      return id;
    };
    return { bank, accountFor };
  }

  it('fires with payroll in at least 2 of the 3 periods before and none in the latest', () => {
    const { bank, accountFor } = bankWithSnapshots();
    const all3 = accountFor([bank.customer('C1')]);
    for (const date of ['2026-07-15', '2026-08-14', '2026-09-15']) bank.txn(all3, date, 2_100, pay);
    const two = accountFor([bank.customer('C2')]);
    for (const date of ['2026-08-14', '2026-09-15']) bank.txn(two, date, 2_100, pay);
    const one = accountFor([bank.customer('C3')]);
    bank.txn(one, '2026-09-15', 2_100, pay);
    const still = accountFor([bank.customer('C4')]);
    for (const date of ['2026-07-15', '2026-08-14', '2026-09-15', '2026-10-15']) bank.txn(still, date, 2_100, pay);
    const tooOld = accountFor([bank.customer('C5')]);
    for (const date of ['2026-06-15', '2026-07-15']) bank.txn(tooOld, date, 2_100, pay);

    const hits = bank.run(rule({ type: 'payroll-stopped' }))['payroll-stopped'] ?? {};
    expect(Object.keys(hits).sort()).toEqual(['C1', 'C2']);
    expect(hits['C1']).toBe(
      'No payroll deposit from 2026-10-01 to 2026-10-31, after payroll in 3 of the 3 periods before ' +
        '(last: $2,100 from Acme Mfg Payroll on 2026-09-15)',
    );
    expect(hits['C2']).toMatch(/after payroll in 2 of the 3 periods before/);
  });

  it('is judged per customer: pay moved to another of their accounts here is not a stop; joint owners both get it', () => {
    const { bank, accountFor } = bankWithSnapshots();
    const mover = bank.customer('MOVER');
    const oldAccount = accountFor([mover]);
    const newAccount = accountFor([mover], 'SAV');
    for (const date of ['2026-07-15', '2026-08-14', '2026-09-15']) bank.txn(oldAccount, date, 2_100, pay);
    bank.txn(newAccount, '2026-10-15', 2_100, pay);
    const joint = accountFor([bank.customer('JOHN'), bank.customer('JANE')]);
    for (const date of ['2026-07-15', '2026-08-14', '2026-09-15']) bank.txn(joint, date, 2_100, pay);
    const refundOnly = accountFor([bank.customer('C3')]);
    for (const date of ['2026-07-15', '2026-08-14']) bank.txn(refundOnly, date, -2_100, pay);

    const hits = bank.run(rule({ type: 'payroll-stopped' }))['payroll-stopped'] ?? {};
    expect(Object.keys(hits).sort()).toEqual(['JANE', 'JOHN']);
  });
});

describe('rules, storage and the after-import check', () => {
  it('seeds the starter rules once, in the bank currency; a saved list (even empty) stays', () => {
    const bank = new TestBank();
    setSetting(bank.db, 'currency', 'CZK');
    const seeded = listTriggers(bank.db);
    expect(seeded.map((r) => r.id)).toEqual([
      'checking-balance-high',
      'large-deposit',
      'large-withdrawal',
      'payroll-stopped',
      'overdrafts-rising',
      'average-balance-low',
    ]);
    expect(seeded[0]).toMatchObject({
      name: 'Checking balance above CZK 25,000 for 2 months',
      threshold_cents: 2_500_000,
      months: 2,
      action: { type: 'offer', product: 'money_market' },
    });
    expect(listTriggers(bank.db)).toEqual(seeded);
    expect(saveTriggers(bank.db, [], 'test')).toEqual([]);
    expect(listTriggers(bank.db)).toEqual([]);
  });

  it('saves the whole list in order with an audit entry, and refuses repeated ids or a rule that cannot run', () => {
    const bank = new TestBank();
    const rules = [rule({ type: 'payroll-stopped', id: 'b-second' }), above25k()];
    expect(saveTriggers(bank.db, rules, 'alice').map((r) => r.id)).toEqual(['b-second', 'balance']);
    expect(bank.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'triggers.save'").get()).toEqual({
      actor: 'alice',
      detail: JSON.stringify({ rules: 2, enabled: 2 }),
    });
    expect(() => saveTriggers(bank.db, [above25k(), above25k()], 'alice')).toThrow(
      /Two triggers have the id "balance"/,
    );
    expect(() => saveTriggers(bank.db, [rule({ type: 'large-deposit', name: 'Big money' })], 'alice')).toThrow(
      /Trigger "Big money" \(large-deposit\) needs an amount or a percentage/,
    );
    expect(() => saveTriggers(bank.db, [rule({ type: 'balance', direction: 'above' })], 'alice')).toThrow(
      /needs a threshold amount/,
    );
    expect(listTriggers(bank.db).map((r) => r.id)).toEqual(['b-second', 'balance']);
  });

  it('replaces the previous hits on every run, pages them, and skips disabled rules', () => {
    const bank = new TestBank();
    for (let i = 1; i <= 5; i++) {
      const account = bank.account(String(i), [bank.customer(`C${i}`)]);
      bank.balances(account, [20_000, 26_000 + i]);
    }
    saveTriggers(bank.db, [above25k()], 'test');
    const first = runTriggers(bank.db, 'test');
    expect(first).toMatchObject({ as_of: '2026-10-31', total: 5 });
    expect(first.hits[0]).toMatchObject({
      trigger_id: 'balance',
      trigger_name: 'balance',
      customer_number: 'C5',
      name: 'Pat Doe',
      account_number: '5',
      as_of: '2026-10-31',
      action: 'RM call list',
    });
    expect(triggerHits(bank.db, 1, 2).hits.map((h) => h.customer_number)).toEqual(['C3', 'C2']);
    expect(runTriggers(bank.db, 'test').total).toBe(5);
    saveTriggers(bank.db, [{ ...above25k(), enabled: false }], 'test');
    const off = runTriggers(bank.db, 'test');
    expect(off.total).toBe(0);
    expect(off.evaluated_at).not.toBeNull();
    expect(bank.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'triggers.run'").pluck().get()).toBe(3);
  });

  it('evaluates after an import only when the data or the rules changed', () => {
    const bank = new TestBank();
    const account = bank.account('1', [bank.customer('C1')]);
    bank.balances(account, [20_000, 26_000]);
    saveTriggers(bank.db, [above25k(), rule({ type: 'large-deposit', threshold_cents: 1_000_000 })], 'test');
    expect(evaluateTriggersAfterImport(bank.db, 'import')?.by_trigger).toEqual({ balance: 1, 'large-deposit': 0 });
    expect(evaluateTriggersAfterImport(bank.db, 'import')).toBeNull();

    bank.txn(account, '2026-10-20', 12_000);
    expect(evaluateTriggersAfterImport(bank.db, 'import')?.by_trigger).toEqual({ balance: 1, 'large-deposit': 1 });
    expect(evaluateTriggersAfterImport(bank.db, 'import')).toBeNull();

    bank.db
      .prepare(`INSERT INTO imports (started_at, actor, profile, source, status) VALUES ('x', 'a', 'p', 's', 'done')`)
      .run();
    expect(evaluateTriggersAfterImport(bank.db, 'import')).not.toBeNull();
    saveTriggers(bank.db, [above25k()], 'test');
    expect(evaluateTriggersAfterImport(bank.db, 'import')?.hits).toBe(1);
    expect(evaluateTriggersAfterImport(bank.db, 'import')).toBeNull();
  });

  it('finds nothing, without failing, in a bank with no data yet', () => {
    const bank = new TestBank();
    bank.customer('C1');
    const page = runTriggers(bank.db, 'test');
    expect(page).toMatchObject({ as_of: null, total: 0, hits: [] });
  });

  it('judges transaction rules on calendar months when the core gives no snapshots', () => {
    const bank = new TestBank();
    const account = bank.account('1', [bank.customer('C1')]);
    bank.txn(account, '2026-09-14', 100);
    bank.txn(account, '2026-10-14', 12_000);
    bank.txn(account, '2026-10-20', 50);
    const hits = bank.run(rule({ type: 'large-deposit', threshold_cents: 1_000_000 }), above25k());
    expect(hits).toEqual({
      'large-deposit': { C1: 'Deposit of $12,000 on 2026-10-14 (BRANCH DEPOSIT), over $10,000 (Free Checking)' },
    });
    expect(triggerHits(bank.db, 0, 10).as_of).toBe('2026-10-20');
  });
});

describe('exports', () => {
  function bankWithHits() {
    const bank = new TestBank();
    const safe = bank.account('1', [bank.customer('C1', 'Ann', 'Lee')]);
    bank.balances(safe, [20_000, 26_000]);
    const risky = bank.account('2', [bank.customer('C2', '=HYPERLINK("x")', 'Évora')]);
    bank.balances(risky, [20_000, 25_500]);
    saveTriggers(
      bank.db,
      [{ ...above25k(), name: 'Rich', action: { type: 'offer', product: 'money_market' } }],
      'test',
    );
    runTriggers(bank.db, 'test');
    return bank;
  }

  it('writes CSV with a BOM, a header, one hit a row and formulas defused', async () => {
    const file = await exportTriggerHits(bankWithHits().db, 'csv');
    expect(file.file_name).toBe('trigger-hits-2026-10-31.csv');
    expect(file.mime).toBe('text/csv');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeffTrigger,Action,Customer number,Name,Account,As of,Evidence\n')).toBe(true);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'Rich,Offer: Money market,C1,Ann Lee,1,2026-10-31,"Balance rose above $25,000: $20,000 on 2026-09-30 → $26,000 on 2026-10-31 (Free Checking)"',
    );
    expect(lines[2]).toContain(`,"'=HYPERLINK(""x"") Évora",`);
  });

  it('writes a workbook with the same rows', async () => {
    const file = await exportTriggerHits(bankWithHits().db, 'xlsx');
    expect(file.file_name).toBe('trigger-hits-2026-10-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Trigger hits');
    const rows = sheet
      ?.getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : r));
    expect(rows?.[0]).toEqual(['Trigger', 'Action', 'Customer number', 'Name', 'Account', 'As of', 'Evidence']);
    expect(rows?.[1]).toEqual([
      'Rich',
      'Offer: Money market',
      'C1',
      'Ann Lee',
      '1',
      '2026-10-31',
      'Balance rose above $25,000: $20,000 on 2026-09-30 → $26,000 on 2026-10-31 (Free Checking)',
    ]);
    expect((rows?.[2] as unknown[])[3]).toBe(`'=HYPERLINK("x") Évora`);
  });
});
