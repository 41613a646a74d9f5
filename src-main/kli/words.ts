/** A KLI's rule in plain words, parameters included, as the library screen and CLI show it. */
import { FAMILY_INFO, type ProductFamily } from '../../src-shared/domain';
import { KLI_MEASURE_LABELS, type KliRule, type TransactionMatch } from '../../src-shared/kli';
import { MERCHANT_CATEGORY_LABELS, type MerchantCategory } from '../../src-shared/merchant-categories';
import type { MoneyFormat } from '../triggers/money';

const list = (items: string[], joiner = 'or') =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;

const quoted = (patterns: string[]) => list(patterns.map((p) => (p === '{bank}' ? 'this bank' : `“${p}”`)));

export function matchInWords(match: TransactionMatch): string {
  const direction =
    match.direction === 'credit' ? 'money in' : match.direction === 'debit' ? 'payments' : 'transactions';
  const what: string[] = [];
  if (match.categories?.length) {
    what.push(
      `${match.direction === 'credit' ? 'from' : 'in'} ${list(match.categories.map((c) => MERCHANT_CATEGORY_LABELS[c as MerchantCategory] ?? c))}`,
    );
  }
  if (match.mccs?.length) what.push(`with MCC ${list(match.mccs)}`);
  const narrowing = match.categories?.length && match.merchants?.length;
  if (match.merchants?.length) what.push(`${narrowing ? 'naming' : 'or naming'} ${quoted(match.merchants)}`);
  let text = `${direction[0]!.toUpperCase()}${direction.slice(1)} ${what.join(' ').replace(/^or /, '')}`.trim();
  if (match.codes?.length) text += `, coded ${list(match.codes)}`;
  if (match.account_families?.length) {
    text += `, on ${list(match.account_families.map((f) => FAMILY_INFO[f as ProductFamily]?.label.toLowerCase() ?? f))} accounts`;
  }
  if (match.counterparty_elsewhere) text += ', to or from an account at another bank';
  if (match.exclude_merchants?.length) text += `, leaving out ${quoted(match.exclude_merchants)}`;
  return text;
}

export function ruleInWords(rule: KliRule, money: MoneyFormat, lookback: number): string {
  const over = `over the last ${lookback} months`;
  switch (rule.type) {
    case 'activity': {
      const amount = rule.measure === 'amount' || rule.measure === 'monthly_amount';
      const threshold = amount ? money(rule.min) : String(rule.min);
      const any = (amount && rule.min === 0) || (rule.measure === 'count' && rule.min <= 1);
      const reach = any ? 'on any such transaction' : `when ${KLI_MEASURE_LABELS[rule.measure]} reach ${threshold}`;
      const months = rule.min_months && rule.min_months > 1 ? `, in at least ${rule.min_months} months` : '';
      const also = rule.also ? `; or ${matchInWords(rule.also).replace(/^./, (c) => c.toLowerCase())}` : '';
      return `${matchInWords(rule.match)}${also}. Flagged ${reach}${months} ${over}.`;
    }
    case 'cash-flow':
      return `Months in which money in exceeded money out across the customer’s deposit accounts. Flagged with at least ${rule.min_months} such months ${over}.`;
    case 'savings-vs-pay':
      return `Savings, money market and CD balances of at least ${rule.multiple} times the monthly net pay that “Payroll direct deposit here” estimates.`;
    case 'balance': {
      const where = rule.non_interest_checking
        ? 'in checking that pays no interest'
        : 'across checking, savings and money market';
      const months = rule.months === 1 ? 'in the last month' : `in each of the last ${rule.months} months`;
      return `Average collected balance ${where} ${rule.direction} ${money(rule.threshold_cents)} ${months} (monthly snapshots, or the running balance on transactions when the core sends none).`;
    }
  }
}
