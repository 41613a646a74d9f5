import { describe, expect, it } from 'vitest';
import type { TriggerRule } from '../../src-shared/kli';
import { nextDay, periodEnds, previousMonthEnd } from '../../src-main/triggers/calendar';
import { safeCell } from '../../src-main/triggers/export';
import { moneyFormat } from '../../src-main/triggers/money';
import { checkRules, periodsNeeded, ruleProblem, ruleWords } from '../../src-main/triggers/rule-checks';

const rule = (fields: Partial<TriggerRule> & Pick<TriggerRule, 'type'>): TriggerRule => ({
  id: fields.type,
  name: fields.type,
  action: { type: 'call-list' },
  enabled: true,
  ...fields,
});

describe('the trigger calendar', () => {
  it('takes the last snapshot date of each month, newest first', () => {
    expect(periodEnds(['2026-08-31', '2026-10-31', '2026-09-30', '2026-10-31'], 3)).toEqual([
      '2026-10-31',
      '2026-09-30',
      '2026-08-31',
    ]);
    // Statement-cycle snapshots: several dates a month, the month's last one ends its period.
    expect(periodEnds(['2026-10-05', '2026-10-20', '2026-09-12', '2026-09-28'], 2)).toEqual([
      '2026-10-20',
      '2026-09-28',
    ]);
  });

  it('skips a month the bank never snapshotted, and adds calendar month ends when there are too few', () => {
    expect(periodEnds(['2026-10-31', '2026-08-31'], 2)).toEqual(['2026-10-31', '2026-08-31']);
    expect(periodEnds(['2026-03-31'], 4)).toEqual(['2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31']);
    expect(periodEnds([], 3)).toEqual([]);
  });

  it('steps over month and year ends, leap years included', () => {
    expect(previousMonthEnd('2024-03-15')).toBe('2024-02-29');
    expect(previousMonthEnd('2026-01-31')).toBe('2025-12-31');
    expect(nextDay('2026-09-30')).toBe('2026-10-01');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
});

describe('money in evidence', () => {
  it("drops cents on whole amounts and writes the bank's currency", () => {
    const usd = moneyFormat('USD');
    expect([usd(2_500_000), usd(123_456), usd(-5), usd(0)]).toEqual(['$25,000', '$1,234.56', '-$0.05', '$0']);
    expect(moneyFormat('CZK')(2_500_050)).toBe('CZK 25,000.50');
  });

  it('still reads when the currency code is not one Intl knows', () => {
    expect(moneyFormat('koruna')(123_450)).toBe('1,234.5 koruna');
  });
});

describe('trigger rules', () => {
  it('say which fields each type needs', () => {
    expect(ruleProblem(rule({ type: 'balance' }))).toBe('needs a threshold amount');
    expect(ruleProblem(rule({ type: 'balance', threshold_cents: -50_000 }))).toBeNull();
    expect(ruleProblem(rule({ type: 'large-deposit' }))).toMatch(/amount or a percentage/);
    expect(ruleProblem(rule({ type: 'large-withdrawal', threshold_cents: 0, percent_of_balance: 0 }))).toMatch(
      /amount or a percentage/,
    );
    expect(ruleProblem(rule({ type: 'large-withdrawal', percent_of_balance: 50 }))).toBeNull();
    expect(ruleProblem(rule({ type: 'overdrafts-rising' }))).toBeNull();
    expect(() => checkRules([rule({ type: 'payroll-stopped' }), rule({ type: 'payroll-stopped' })])).toThrow(
      /Two triggers have the id "payroll-stopped"/,
    );
  });

  it('read as many period ends as their periods and the one before need', () => {
    expect(periodsNeeded(rule({ type: 'balance', months: 3 }))).toBe(5);
    expect(periodsNeeded(rule({ type: 'average-balance' }))).toBe(3);
    expect(periodsNeeded(rule({ type: 'payroll-stopped' }))).toBe(5);
  });

  it('read in words with their figures', () => {
    const usd = moneyFormat('USD');
    expect(
      ruleWords(
        rule({ type: 'balance', direction: 'above', threshold_cents: 2_500_000, months: 2, families: ['checking'] }),
        usd,
      ),
    ).toBe('Balance goes above $25,000 and stays there 2 months in a row, on checking accounts');
    expect(ruleWords(rule({ type: 'large-withdrawal', threshold_cents: 1_000_000, percent_of_balance: 50 }), usd)).toBe(
      'A withdrawal over $10,000 and over 50% of the previous balance since the previous snapshot, ' +
        'on checking, savings, money market accounts',
    );
  });
});

describe('export cells', () => {
  it('quote text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-2', '@SUM', '\tx', 'Ann', 12, null].map(safeCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM",
      "'\tx",
      'Ann',
      12,
      '',
    ]);
  });
});
