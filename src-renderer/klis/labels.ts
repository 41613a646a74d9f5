import { FAMILY_INFO, isProductFamily, type TransactionCode } from '../../src-shared/domain';
import type { KliMeasure, KliRule } from '../../src-shared/kli';
import { formatCents, formatInt } from '../lib/format';

export function productLabel(product: string): string {
  return isProductFamily(product) ? FAMILY_INFO[product].label : product;
}

/** Measures whose threshold is money (cents on the wire, the bank's currency on screen). */
export function isMoneyMeasure(measure: KliMeasure): boolean {
  return measure === 'amount' || measure === 'monthly_amount';
}

/** A customer's value under a rule, when the engine gave no words for it. */
export function formatKliValue(rule: KliRule, value: number): string {
  switch (rule.type) {
    case 'activity':
      return isMoneyMeasure(rule.measure) ? formatCents(value) : formatInt(value);
    case 'balance':
      return formatCents(value);
    case 'cash-flow':
      return `${formatInt(value)} months`;
    case 'savings-vs-pay':
      return `${value.toFixed(1)}× monthly pay`;
  }
}

export const CODE_LABELS: Record<TransactionCode, string> = {
  DD: 'Direct deposit',
  ACH_CR: 'ACH credit',
  ACH_DR: 'ACH debit',
  POS: 'Card purchase',
  ATM: 'ATM',
  DEP: 'Deposit',
  CHK: 'Check',
  XFER_IN: 'Transfer in',
  XFER_OUT: 'Transfer out',
  FEE: 'Fee',
  INT: 'Interest',
  PMT: 'Payment',
};
