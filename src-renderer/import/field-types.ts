/**
 * How the screen words kinds of file and which editor a standard field gets. The contract's
 * TargetField says only name, required and hint, so the value type of each field is known
 * here by name, from the standard layout (docs/standard-layout.md).
 */
import { ACCOUNT_STATUSES, PRODUCT_FAMILIES, TRANSACTION_CODES } from '../../src-shared/domain';
import type { ImportKind } from '../../src-shared/mapping-profile';

export const KIND_LABEL: Record<ImportKind, string> = {
  products: 'Products',
  geography: 'Geography (districts, counties)',
  customers: 'Customers (CIF)',
  accounts: 'Accounts',
  owners: 'Account owners',
  payees: 'Payees and standing orders',
  transactions: 'Transactions',
  balances: 'Balances',
};

export type FieldType = 'date' | 'amount' | 'text';

const DATE_FIELDS = new Set(['birth_date', 'customer_since', 'open_date', 'close_date', 'posted_date', 'as_of_date']);
const AMOUNT_FIELDS = new Set(['balance', 'amount', 'balance_after', 'average_balance', 'average_salary']);
const FLAGS = ['Y', 'N'] as const;

/** Fields whose standard values are a fixed list: lookups and constants offer them to choose from. */
const KNOWN_VALUES: Record<string, readonly string[]> = {
  code: TRANSACTION_CODES,
  status: ACCOUNT_STATUSES,
  family: PRODUCT_FAMILIES,
  gender: ['F', 'M', 'X'],
  role: ['owner', 'joint'],
  interest_bearing: FLAGS,
  do_not_solicit: FLAGS,
  do_not_mail: FLAGS,
  deceased: FLAGS,
  returned_mail: FLAGS,
  employee: FLAGS,
};

export function fieldType(name: string): FieldType {
  if (DATE_FIELDS.has(name)) return 'date';
  return AMOUNT_FIELDS.has(name) ? 'amount' : 'text';
}

export function knownValues(name: string): readonly string[] | undefined {
  return KNOWN_VALUES[name];
}

const DELIMITER_LABEL: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
export const delimiterLabel = (d: string): string => DELIMITER_LABEL[d] ?? `“${d}”`;
