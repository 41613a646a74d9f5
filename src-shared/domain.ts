/** Domain vocabulary shared by the main process and the screens. */
import type { Recovery } from './backup';

export const PRODUCT_FAMILIES = [
  'checking',
  'savings',
  'money_market',
  'cd',
  'heloc',
  'mortgage',
  'auto',
  'credit_card',
  'personal_loan',
  'online_banking',
  'e_statements',
] as const;

export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

export type ProductKind = 'deposit' | 'loan' | 'service';

export const FAMILY_INFO: Record<ProductFamily, { label: string; kind: ProductKind }> = {
  checking: { label: 'Checking', kind: 'deposit' },
  savings: { label: 'Savings', kind: 'deposit' },
  money_market: { label: 'Money market', kind: 'deposit' },
  cd: { label: 'Certificates of deposit', kind: 'deposit' },
  heloc: { label: 'Home equity', kind: 'loan' },
  mortgage: { label: 'Mortgage', kind: 'loan' },
  auto: { label: 'Auto loan', kind: 'loan' },
  credit_card: { label: 'Credit card', kind: 'loan' },
  personal_loan: { label: 'Personal loan', kind: 'loan' },
  online_banking: { label: 'Online banking', kind: 'service' },
  e_statements: { label: 'e-Statements', kind: 'service' },
};

/** A calendar date written YYYY-MM-DD (and a real one: not 2026-13-01). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

export function isProductFamily(value: string): value is ProductFamily {
  return (PRODUCT_FAMILIES as readonly string[]).includes(value);
}

export const TRANSACTION_CODES = [
  'DD',
  'ACH_CR',
  'ACH_DR',
  'POS',
  'ATM',
  'DEP',
  'CHK',
  'XFER_IN',
  'XFER_OUT',
  'FEE',
  'INT',
  'PMT',
] as const;

export type TransactionCode = (typeof TRANSACTION_CODES)[number];

export const ACCOUNT_STATUSES = ['OPEN', 'CLOSED', 'CHARGED_OFF', 'DORMANT'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Money crosses every boundary as integer cents. */
export type Cents = number;
/** Dates cross every boundary as ISO strings, YYYY-MM-DD. */
export type IsoDate = string;

export interface FamilyTotal {
  family: ProductFamily;
  accounts: number;
  balance_cents: Cents;
}

/** The bank's headline numbers; also the CLI's `stats --json` output, field for field. */
export interface BankStats {
  customers: number;
  households: number;
  accounts: number;
  transactions: number;
  products: FamilyTotal[];
  first_txn_date: IsoDate | null;
  last_txn_date: IsoDate | null;
}

export interface FamilyPenetration {
  family: ProductFamily;
  households: number;
  /** Share of all households holding at least one open account of the family, 0..1. */
  share: number;
}

export interface ImportSummary {
  id: number;
  started_at: string;
  finished_at: string | null;
  source: string;
  files: number;
  rows_loaded: number;
}

export interface Dashboard {
  bank_name: string;
  stats: BankStats;
  penetration: FamilyPenetration[];
  last_import: ImportSummary | null;
  /** Customers who live in a household of two or more customers. */
  multi_customer_households: number;
}

export const CUSTOMER_SORT_COLUMNS = [
  'customer_number',
  'name',
  'city',
  'state',
  'age',
  'customer_since',
  'accounts',
  'total_deposits_cents',
] as const;

export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];

export interface CustomerRow {
  id: number;
  customer_number: string;
  name: string;
  city: string;
  state: string;
  zip: string;
  age: number | null;
  customer_since: IsoDate | null;
  household_id: number;
  household_size: number;
  accounts: number;
  total_deposits_cents: Cents;
  total_loans_cents: Cents;
}

export interface CustomerPage {
  rows: CustomerRow[];
  total: number;
  page: number;
  page_size: number;
}

export interface CustomerFlags {
  do_not_solicit: boolean;
  do_not_mail: boolean;
  deceased: boolean;
  returned_mail: boolean;
  employee: boolean;
}

export interface ProfileAccount {
  id: number;
  account_number: string;
  product_code: string;
  product_name: string;
  family: ProductFamily;
  role: 'owner' | 'joint';
  status: AccountStatus;
  open_date: IsoDate;
  close_date: IsoDate | null;
  balance_cents: Cents;
  rate: number | null;
}

export interface ProfileTransaction {
  id: number;
  account_number: string;
  posted_date: IsoDate;
  amount_cents: Cents;
  code: string;
  description: string;
  /** The description cleaned to a merchant or payee name, and its category (see merchants.ts). */
  merchant: string | null;
  category: string | null;
}

export interface HouseholdMember {
  id: number;
  customer_number: string;
  name: string;
  age: number | null;
}

export interface CustomerProfile {
  id: number;
  customer_number: string;
  first_name: string;
  last_name: string;
  name: string;
  birth_date: IsoDate | null;
  age: number | null;
  gender: string | null;
  address_line1: string;
  address_line2: string | null;
  city: string;
  state: string;
  zip: string;
  phone: string | null;
  email: string | null;
  branch: string | null;
  customer_since: IsoDate | null;
  flags: CustomerFlags;
  household: { id: number; members: HouseholdMember[] };
  accounts: ProfileAccount[];
  transactions: ProfileTransaction[];
}

export type JobKind = 'demo:build' | 'import:run' | 'kli:compute' | 'scores:train' | 'plan:run';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobInfo {
  id: string;
  kind: JobKind;
  state: JobState;
  step: string;
  current: number;
  total: number;
  /** Rows read so far, for jobs that read files (imports). */
  rows?: number;
  error?: string;
}

/** How customers are grouped into households; shown and adjustable in Settings. */
export interface HouseholdRule {
  /** Customers with the same household id from the core are one household. */
  use_core_id: boolean;
  /** Otherwise customers at the same mailing address (USPS standard form, ZIP5) are one household. */
  by_address: boolean;
  /** Apartments and suites of one building count as one address. */
  ignore_unit: boolean;
  /** Customers who own an account together are one household too. */
  shared_accounts: boolean;
}

export interface HouseholdSettings {
  rule: HouseholdRule;
  /** The rule in words, as the Settings screen shows it. */
  description: string;
  households: number;
  customers: number;
}

export interface AppInfo {
  version: string;
  /** Where the open database lives; null while none is open (first launch builds the demo). */
  db_path: string | null;
  data_dir: string;
  mode: 'desktop' | 'browser';
  /** A long job that must finish before the workspace can show data, e.g. the first demo build. */
  blocking_job: JobInfo | null;
  /** ISO 4217 code of the open bank's money (USD unless its import said otherwise). */
  currency: string;
  /** The open bank's name, or null while none is open. */
  bank_name: string | null;
  /** Who is signed in, when the database has people (Settings › People). */
  person: { id: number; name: string; role: 'marketer' | 'compliance' | 'administrator' } | null;
  /** The database has people and nobody has signed in yet: the screens ask who is working. */
  sign_in_needed: boolean;
  /** The database failed its check on open: the backups that can replace it. */
  recovery: Recovery | null;
}

/** The bank's own names: shown in the app, and how KLIs recognise its own loans and cards. */
export interface BankNames {
  name: string;
  /** How descriptions may abbreviate it ("PVCB"); empty for none. */
  short_name: string;
  /** Every form KLIs treat as this bank: the name, the short name and the name's initials. */
  recognised: string[];
}
