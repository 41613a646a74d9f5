/**
 * Key Lifestyle Indicators and triggers: the vocabulary both sides share, without zod (the
 * screens import these values; the schemas that validate them are in kli-schema.ts).
 *
 * A KLI reads a customer's transactions (or balances) over a lookback that ends at the data's
 * last date and says yes or no, with a value ("estimated net pay $3,120 a month") and the
 * evidence behind it. Customers roll up to households: a household has a KLI when any member
 * has it.
 */
import type { Cents, IsoDate, JobInfo, ProductFamily } from './domain';
import type { MerchantCategory } from './merchant-categories';

/** Ids of the built-in library; stable, because rules, the CLI and tests name them. */
export const BUILTIN_KLI_IDS = [
  'payroll-dd',
  'dd-elsewhere',
  'mortgage-elsewhere',
  'auto-loan-elsewhere',
  'student-loan-elsewhere',
  'personal-loan-elsewhere',
  'card-elsewhere',
  'invests',
  'insurance-premiums',
  'childcare',
  'home-improvement',
  'travel',
  'subscriptions',
  'small-business-receipts',
  'foreign-atm-fees',
  'overdrafts',
  'cash-flow-positive',
  'regular-saver',
  'six-months-savings',
  'sustainability',
  'low-balance',
  'high-balance-non-interest',
  'pension-income',
  'government-benefits',
  'household-bills',
  'loan-payments',
  'other-bank-payments',
] as const;

export type BuiltinKliId = (typeof BUILTIN_KLI_IDS)[number];

/** Which transactions a KLI counts. Every list present must match (an empty or absent list matches all). */
export interface TransactionMatch {
  /** Merchant categories (merchant-categories.ts). */
  categories?: MerchantCategory[];
  /** Patterns on the cleaned merchant name or the payee/counterparty, case-insensitive, `*` any text. */
  merchants?: string[];
  /** Transactions whose merchant or payee matches one of these are left out. */
  exclude_merchants?: string[];
  /** Merchant category codes (4 digits). */
  mccs?: string[];
  /** Transaction codes (DD, ACH_CR, ACH_DR, POS, ATM, FEE, …). */
  codes?: string[];
  /** Money in, money out, or either. */
  direction?: 'credit' | 'debit' | 'any';
  /** Only transactions on accounts of these product families (e.g. savings). */
  account_families?: ProductFamily[];
  /** Only transactions whose payee/counterparty is at another institution (not empty, not this bank). */
  counterparty_elsewhere?: boolean;
}

/** What a transaction-based KLI measures over the lookback. */
export const KLI_MEASURES = ['months', 'count', 'amount', 'monthly_amount', 'merchants'] as const;
export type KliMeasure = (typeof KLI_MEASURES)[number];

export const KLI_MEASURE_LABELS: Record<KliMeasure, string> = {
  months: 'months with a matching transaction',
  count: 'matching transactions',
  amount: 'total amount',
  monthly_amount: 'average amount per month present',
  merchants: 'different merchants',
};

/** How a KLI decides. Most read transactions; a few read balances or combine. */
export type KliRule =
  | {
      type: 'activity';
      match: TransactionMatch;
      /** A second filter whose transactions count too (either side of the same money, e.g. leaving checking for savings). */
      also?: TransactionMatch;
      /** The customer has the KLI when this measure reaches `min` (amounts in cents). */
      measure: KliMeasure;
      min: number;
      /** Also require at least this many months with a match (0: no such condition). */
      min_months?: number;
    }
  | {
      /** Months in which money in exceeded money out, across all the customer's deposit accounts. */
      type: 'cash-flow';
      min_months: number;
    }
  | {
      /** Deposit balances of at least `multiple` times the customer's estimated monthly net pay. */
      type: 'savings-vs-pay';
      multiple: number;
    }
  | {
      /** Average collected balance of the customer's checking and savings (monthly snapshots, or the
       * running balance on transactions where a core has no snapshots) below or above a threshold. */
      type: 'balance';
      direction: 'below' | 'above';
      threshold_cents: Cents;
      /** Consecutive months at the end of the lookback that must meet it. */
      months: number;
      /** Only customers holding a checking account that pays no interest. */
      non_interest_checking?: boolean;
    };

export interface KliDefinition {
  id: string;
  name: string;
  /** The business question it answers. */
  question: string;
  /** The product family it points to. */
  product: ProductFamily;
  builtin: boolean;
  rule: KliRule;
}

export interface KliTrendPoint {
  /** YYYY-MM */
  month: string;
  /** Customers with a matching transaction (or meeting the balance rule) that month. */
  customers: number;
}

export interface KliSummary extends KliDefinition {
  /** The rule in plain words, parameters included. */
  words: string;
  /** A built-in whose numbers the marketer changed (Restore defaults undoes it); false for custom KLIs. */
  tuned: boolean;
  /** Customers and households flagged at the last compute (null before the first). */
  customers: number | null;
  households: number | null;
  /** Customers with enough history to judge (transactions in at least 3 of the lookback's months). */
  coverage: number | null;
  trend: KliTrendPoint[];
}

export interface KliRunInfo {
  as_of: IsoDate;
  lookback_months: number;
  computed_at: string;
  seconds: number;
  /** Transactions read by that compute (fewer than the bank holds when it was incremental). */
  transactions_read: number;
  incremental: boolean;
  /** Customers with enough history to judge. */
  coverage: number;
  customers: number;
}

export interface KliLibrary {
  run: KliRunInfo | null;
  /** Rules or data changed since the last compute: the figures shown are out of date. */
  stale: boolean;
  klis: KliSummary[];
}

export interface KliEvidence {
  transaction_id: number;
  account_number: string;
  posted_date: IsoDate;
  amount_cents: Cents;
  description: string;
  merchant: string | null;
  category: string | null;
}

export interface KliCustomerSample {
  customer_id: number;
  customer_number: string;
  name: string;
  value: number;
  detail: string | null;
}

export interface KliDetail {
  kli: KliSummary;
  /** Recent matching transactions across the bank (transaction KLIs only). */
  sample_transactions: KliEvidence[];
  /** Some flagged customers, highest value first. */
  sample_customers: KliCustomerSample[];
}

/** What a draft (custom) KLI would flag, before it is saved. */
export interface KliPreview {
  customers: number;
  households: number;
  matching_transactions: number;
  sample_transactions: KliEvidence[];
}

/** A KLI a customer has, with why. */
export interface CustomerKli {
  id: string;
  name: string;
  product: string;
  value: number;
  /** The value in words ("$3,120 a month", "9 of 12 months", "Rocket Mortgage"). */
  value_text: string;
  /** Whom it was computed for when it came from a household member (rolled up), else null. */
  via_customer: string | null;
  evidence: KliEvidence[];
}

/** `kli compute --json`. */
export interface KliComputeResult {
  as_of: IsoDate;
  klis: { id: string; customers: number; households: number }[];
  seconds: number;
  incremental: boolean;
  transactions_read: number;
}

// ---- triggers ------------------------------------------------------------------------------

export const TRIGGER_TYPES = [
  'balance',
  'average-balance',
  'large-deposit',
  'large-withdrawal',
  'overdrafts-rising',
  'payroll-stopped',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export interface TriggerRule {
  id: string;
  name: string;
  type: TriggerType;
  /** balance / average-balance: crossing direction and threshold; large-*: amount or percent of balance. */
  direction?: 'above' | 'below';
  threshold_cents?: Cents;
  percent_of_balance?: number;
  /** Consecutive monthly snapshots that must meet it (balance types), default 1. */
  months?: number;
  /** Only accounts of these product families (default checking, savings, money market). */
  families?: ProductFamily[];
  action: { type: 'offer'; product: ProductFamily } | { type: 'call-list' };
  enabled: boolean;
}

export interface TriggerHit {
  trigger_id: string;
  trigger_name: string;
  customer_id: number;
  customer_number: string;
  name: string;
  account_number: string | null;
  as_of: IsoDate;
  /** Why, in words with the figures ("balance $412 → $26,900 between 2026-09-30 and 2026-10-31"). */
  evidence: string;
  action: string;
}

export interface TriggerHitsPage {
  evaluated_at: string | null;
  as_of: IsoDate | null;
  hits: TriggerHit[];
  total: number;
}

export type { JobInfo };
