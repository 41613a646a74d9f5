/**
 * What a trigger rule means beyond its schema: which fields each type needs, the defaults it
 * falls back on, and the rule in words for lists and exports.
 */
import { FAMILY_INFO, type ProductFamily } from '../../src-shared/domain';
import type { TriggerRule, TriggerType } from '../../src-shared/kli';
import { AppError } from '../app/errors';
import type { MoneyFormat } from './money';

/** Deposit accounts, where balances and pay land. */
export const DEFAULT_FAMILIES: readonly ProductFamily[] = ['checking', 'savings', 'money_market'];

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

export function ruleFamilies(rule: TriggerRule): string[] {
  return rule.families && rule.families.length > 0 ? rule.families : [...DEFAULT_FAMILIES];
}

/** Consecutive months a balance rule needs (1 when not given). */
export function ruleMonths(rule: TriggerRule): number {
  return rule.months ?? 1;
}

/** Period ends a rule reads: its periods plus the one before them. */
export function periodsNeeded(rule: TriggerRule): number {
  switch (rule.type) {
    case 'balance':
    case 'average-balance':
      return ruleMonths(rule) + 2;
    case 'large-deposit':
    case 'large-withdrawal':
      return 3;
    case 'overdrafts-rising':
      return 3;
    case 'payroll-stopped':
      return 5;
    default:
      return assertNever(rule.type);
  }
}

export function actionWords(action: TriggerRule['action']): string {
  return action.type === 'offer'
    ? `Offer: ${FAMILY_INFO[action.product as ProductFamily]?.label ?? action.product}`
    : 'RM call list';
}

/** Why a rule cannot run as written, or null when it can. */
export function ruleProblem(rule: TriggerRule): string | null {
  const type: TriggerType = rule.type;
  switch (type) {
    case 'balance':
    case 'average-balance':
      if (rule.threshold_cents === undefined) return 'needs a threshold amount';
      return null;
    case 'large-deposit':
    case 'large-withdrawal': {
      const amount = rule.threshold_cents ?? 0;
      const percent = rule.percent_of_balance ?? 0;
      if (amount < 0) return 'needs an amount of zero or more';
      if (amount === 0 && percent === 0) return 'needs an amount or a percentage of the balance over zero';
      return null;
    }
    case 'overdrafts-rising':
    case 'payroll-stopped':
      return null;
    default:
      return assertNever(type);
  }
}

/** Refuses a list with repeated ids or a rule that cannot run, naming the rule. */
export function checkRules(rules: TriggerRule[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id))
      throw new AppError('invalid_input', `Two triggers have the id "${rule.id}": ids must be unique.`);
    seen.add(rule.id);
    const problem = ruleProblem(rule);
    if (problem) throw new AppError('invalid_input', `Trigger "${rule.name}" (${rule.type}) ${problem}.`);
  }
}

const familyList = (rule: TriggerRule) =>
  ruleFamilies(rule)
    .map((f) => FAMILY_INFO[f as ProductFamily]?.label.toLowerCase() ?? f)
    .join(', ');

/** The rule in plain words, figures included. */
export function ruleWords(rule: TriggerRule, money: MoneyFormat): string {
  const months = ruleMonths(rule);
  const on = `on ${familyList(rule)} accounts`;
  switch (rule.type) {
    case 'balance':
    case 'average-balance': {
      const what = rule.type === 'balance' ? 'Balance' : 'Average collected balance';
      const lasting = months > 1 ? ` and stays there ${months} months in a row` : '';
      return `${what} goes ${rule.direction ?? 'above'} ${money(rule.threshold_cents ?? 0)}${lasting}, ${on}`;
    }
    case 'large-deposit':
    case 'large-withdrawal': {
      const what = rule.type === 'large-deposit' ? 'A deposit' : 'A withdrawal';
      const parts: string[] = [];
      if (rule.threshold_cents) parts.push(`over ${money(rule.threshold_cents)}`);
      if (rule.percent_of_balance) parts.push(`over ${rule.percent_of_balance}% of the previous balance`);
      return `${what} ${parts.join(' and ')} since the previous snapshot, ${on}`;
    }
    case 'overdrafts-rising':
      return `More overdraft or NSF fees since the previous snapshot than in the month before, ${on}`;
    case 'payroll-stopped':
      return `Payroll deposits in at least 2 of the 3 months before, none since the previous snapshot, ${on}`;
    default:
      return assertNever(rule.type);
  }
}
