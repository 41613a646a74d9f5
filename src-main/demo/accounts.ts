/**
 * Accounts as the generator builds them: product, owners, dates, status, and the postings
 * that will become transactions. Numbers are unique and stable: a kind digit, then a running
 * sequence with a little jitter, ten digits in all.
 */
import { FAMILY_INFO, type AccountStatus, type ProductKind, type TransactionCode } from '../../src-shared/domain';
import type { GenContext } from './context';
import type { ProductSpec } from './params';
import type { Customer } from './people';

export interface Posting {
  day: number;
  /** Signed cents as printed: positive is a credit to the account. */
  cents: number;
  code: TransactionCode;
  desc: string;
  mcc: string;
  /** Ties on a day post in this order: opening deposit, credits, debits, fees. */
  order: number;
}

export const ORDER = { opening: 0, credit: 1, debit: 2, fee: 3 } as const;

export interface Account {
  number: string;
  last4: string;
  product: ProductSpec;
  kind: ProductKind;
  owner: Customer;
  joint: Customer | null;
  openDay: number;
  closeDay: number | null;
  status: AccountStatus;
  /** Percent, as printed; null where the product has no rate. */
  rate: number | null;
  branch: string;
  postings: Posting[];
  /**
   * Deposits: the balance carried into the data window (0 when opened inside it).
   * Loans: the amount owed then. Lines and cards: unused (they carry `monthEnds`).
   */
  startCents: number;
  /** Lines and cards, which post no transactions here: the balance at each month end. */
  monthEnds: number[] | null;
  /** Installment loans: the term in months (0 for everything else). */
  termMonths: number;
  /** The ledger balance on the last day of data, set when the account is settled. */
  finalCents: number;
}

const KIND_DIGIT: Record<string, string> = {
  checking: '1',
  savings: '2',
  money_market: '2',
  cd: '3',
  heloc: '5',
  mortgage: '6',
  auto: '5',
  personal_loan: '5',
  credit_card: '4',
  online_banking: '9',
  e_statements: '9',
};

export function newAccount(
  ctx: GenContext,
  product: ProductSpec,
  owner: Customer,
  joint: Customer | null,
  openDay: number,
  branch: string,
): Account {
  ctx.counters.accounts += 1;
  const sequence = ctx.counters.accounts * 5 + ctx.rng.int(0, 4);
  const number = `${KIND_DIGIT[product.family] ?? '8'}${String(sequence).padStart(9, '0')}`;
  return {
    number,
    last4: number.slice(-4),
    product,
    kind: FAMILY_INFO[product.family].kind,
    owner,
    joint,
    openDay,
    closeDay: null,
    status: 'OPEN',
    rate: null,
    branch,
    postings: [],
    startCents: 0,
    monthEnds: null,
    termMonths: 0,
    finalCents: 0,
  };
}

export function post(
  account: Account,
  day: number,
  cents: number,
  code: TransactionCode,
  desc: string,
  mcc = '',
  order: number = cents >= 0 ? ORDER.credit : ORDER.debit,
): void {
  account.postings.push({ day, cents: Math.round(cents), code, desc, mcc, order });
}

/** Whether the account can take a posting on `day`: opened, not yet closed, inside the data. */
export function isLive(ctx: GenContext, account: Account, day: number): boolean {
  return (
    day >= account.openDay &&
    day >= ctx.window.start &&
    day <= ctx.window.end &&
    (account.closeDay === null || day < account.closeDay)
  );
}

export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}

/** Money as the layout wants it: dollars, a point, two decimals, a leading minus. */
export function money(cents: number): string {
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = Math.floor(abs / 100);
  const fraction = abs - whole * 100;
  return `${negative ? '-' : ''}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}
