/** Trigger rules in words, and the checks the editor can make before saving. */
import type { TriggerRule, TriggerType } from '../../src-shared/kli';
import { productLabel } from '../klis/labels';
import { formatCents } from '../lib/format';

export const TRIGGER_TYPE_LABELS: Record<TriggerType, string> = {
  balance: 'Balance crosses a threshold',
  'average-balance': 'Average collected balance crosses a threshold',
  'large-deposit': 'Large deposit',
  'large-withdrawal': 'Large withdrawal',
  'overdrafts-rising': 'Overdrafts rising',
  'payroll-stopped': 'Payroll deposit stopped',
};

export const isBalanceType = (type: TriggerType) => type === 'balance' || type === 'average-balance';
export const isLargeType = (type: TriggerType) => type === 'large-deposit' || type === 'large-withdrawal';

const monthsWords = (months: number) => (months === 1 ? 'at the latest snapshot' : `for ${months} snapshots in a row`);

export function familiesWords(families: readonly string[] | undefined): string {
  if (!families || families.length === 0) return '';
  return ` (${families.map((f) => productLabel(f).toLowerCase()).join(', ')})`;
}

export function conditionWords(rule: TriggerRule): string {
  const where = familiesWords(rule.families);
  switch (rule.type) {
    case 'balance':
    case 'average-balance': {
      const what = rule.type === 'balance' ? 'Balance' : 'Average collected balance';
      const threshold = rule.threshold_cents === undefined ? '…' : formatCents(rule.threshold_cents);
      return `${what}${where} ${rule.direction ?? 'above'} ${threshold} ${monthsWords(rule.months ?? 1)}`;
    }
    case 'large-deposit':
    case 'large-withdrawal': {
      const what = rule.type === 'large-deposit' ? 'A deposit' : 'A withdrawal';
      const limits = [
        ...(rule.threshold_cents !== undefined ? [`over ${formatCents(rule.threshold_cents)}`] : []),
        ...(rule.percent_of_balance !== undefined ? [`over ${rule.percent_of_balance}% of the balance`] : []),
      ];
      return `${what}${where} ${limits.length ? limits.join(' and ') : '…'}`;
    }
    case 'overdrafts-rising':
      return 'More overdrafts than the month before';
    case 'payroll-stopped':
      return 'Payroll direct deposit stopped arriving';
  }
}

export function actionWords(rule: TriggerRule): string {
  return rule.action.type === 'offer'
    ? `Offer ${productLabel(rule.action.product).toLowerCase()} next month`
    : 'Relationship manager call list';
}

/** Problems that keep the list from being saved, by rule id (the main process checks again). */
export function ruleProblems(rule: TriggerRule, all: TriggerRule[]): string[] {
  const problems: string[] = [];
  if (rule.name.trim() === '') problems.push('Give the trigger a name.');
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(rule.id))
    problems.push('The id takes lower-case letters, digits and dashes (2 to 63).');
  else if (all.filter((r) => r.id === rule.id).length > 1) problems.push(`Another trigger has the id ${rule.id}.`);
  if (isBalanceType(rule.type) && rule.threshold_cents === undefined) problems.push('Enter the balance threshold.');
  if (isLargeType(rule.type) && rule.threshold_cents === undefined && rule.percent_of_balance === undefined)
    problems.push('Enter an amount, a percent of the balance, or both.');
  return problems;
}
