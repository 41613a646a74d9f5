/**
 * The Mainstreet standard layout (docs/standard-layout.md) as data: which files exist, their
 * columns, and how each column is checked. The loader and the docs test read this table.
 */
import { ACCOUNT_STATUSES, isProductFamily } from '../../src-shared/domain';
import { IMPORT_KINDS, type ImportKind } from '../../src-shared/mapping-profile';
import { parseFlag, parseIsoDate, parseMoneyCents, parseRate, type Parsed } from './parse-values';

/** Every kind of file, in load order: later kinds refer to earlier ones. */
export const STANDARD_KINDS = IMPORT_KINDS;
export type StandardKind = ImportKind;

export type FieldValue = string | number | boolean | null;

export interface ColumnSpec {
  name: string;
  required: boolean;
  parse?: (raw: string) => Parsed<FieldValue>;
  /** What the column holds, for the Import screen's mapping table. */
  hint: string;
}

const text = (raw: string): Parsed<FieldValue> => ({ ok: true, value: raw });
const upper = (raw: string): Parsed<FieldValue> => ({ ok: true, value: raw.toUpperCase() });

function oneOf(values: readonly string[]) {
  return (raw: string): Parsed<FieldValue> =>
    values.includes(raw) ? { ok: true, value: raw } : { ok: false, reason: `expected one of ${values.join(', ')}` };
}

const family = (raw: string): Parsed<FieldValue> =>
  isProductFamily(raw) ? { ok: true, value: raw } : { ok: false, reason: 'unknown product family' };

const country = (raw: string): Parsed<FieldValue> =>
  /^[A-Za-z]{2}$/.test(raw)
    ? { ok: true, value: raw.toUpperCase() }
    : { ok: false, reason: 'expected a two-letter ISO country code such as US' };

const integer = (raw: string): Parsed<FieldValue> =>
  /^\d{1,15}$/.test(raw) ? { ok: true, value: Number(raw) } : { ok: false, reason: 'expected a whole number' };

const role = (raw: string): Parsed<FieldValue> => {
  const value = raw.toLowerCase();
  return value === 'owner' || value === 'joint'
    ? { ok: true, value }
    : { ok: false, reason: 'expected owner or joint' };
};

/** A percentage such as 3.5; "?" and similar marks of a missing figure are refused. */
const percent = (raw: string): Parsed<FieldValue> => {
  const value = Number(raw);
  return raw !== '' && Number.isFinite(value) && value >= 0 && value <= 100
    ? { ok: true, value }
    : { ok: false, reason: 'expected a percentage between 0 and 100' };
};

const gender = (raw: string): Parsed<FieldValue> =>
  /^[FMX]$/i.test(raw) ? { ok: true, value: raw.toUpperCase() } : { ok: false, reason: 'expected F, M or X' };

/** Today's date, read once a minute at most: it is checked on every row of millions. */
let today = { iso: '', at: 0 };
function todayIso(): string {
  const now = Date.now();
  if (now - today.at > 60_000) today = { iso: new Date(now).toISOString().slice(0, 10), at: now };
  return today.iso;
}

/** A date that cannot lie ahead of today: a birth, an opening, a posting, a snapshot. */
function pastDate(raw: string): Parsed<FieldValue> {
  const parsed = parseIsoDate(raw);
  if (parsed.ok && parsed.value > todayIso()) return { ok: false, reason: 'date is in the future' };
  return parsed;
}

function col(name: string, required: boolean, parse: ColumnSpec['parse'] | undefined, hint: string): ColumnSpec {
  return parse ? { name, required, parse, hint } : { name, required, hint };
}

/** US mailing addresses are checked by the customers writer, where the country is known. */
export const US_STATE = /^[A-Z]{2}$/;
export const US_ZIP = /^\d{5}(-\d{4})?$/;

export const LAYOUT: Record<StandardKind, ColumnSpec[]> = {
  products: [
    col('product_code', true, text, "the core's product code, e.g. CHK-FREE"),
    col('product_name', true, text, 'name shown to marketers'),
    col('family', true, family, 'product family: checking, savings, cd, mortgage, auto, credit_card…'),
    col('interest_bearing', false, parseFlag, 'Y or N'),
  ],
  geography: [
    col('geography_code', true, text, 'code of a district, county or market area'),
    col('name', true, text, 'its name, e.g. a town or county'),
    col('region', false, text, 'the larger region it belongs to'),
    col('population', false, integer, 'inhabitants'),
    col('average_salary', false, parseMoneyCents, 'average salary, in the bank currency'),
    col('unemployment_rate', false, percent, 'unemployment in percent, e.g. 3.5'),
  ],
  customers: [
    col('customer_number', true, text, "the core's customer number (CIF), unique"),
    col('first_name', false, text, 'given name (empty for a business)'),
    col('last_name', true, text, 'family name, or the business name'),
    col('birth_date', false, pastDate, 'date of birth'),
    col('gender', false, gender, 'F, M or X'),
    col('address_line1', false, text, 'street address (required for US customers)'),
    col('address_line2', false, text, 'apartment, suite, unit'),
    col('city', false, text, 'city (required for US customers)'),
    col('state', false, upper, 'two-letter USPS state code for US customers; region elsewhere'),
    col('zip', false, text, 'ZIP code (43215 or 43215-1234) for US customers; postcode elsewhere'),
    col('phone', false, text, 'phone number'),
    col('email', false, text, 'email address'),
    col('branch', false, upper, 'home branch code'),
    col('branch_name', false, text, 'home branch name'),
    col('customer_since', false, pastDate, 'date the relationship began'),
    col('household_id', false, text, "the core's household id, if it keeps one"),
    col('do_not_solicit', false, parseFlag, 'Y: never market to this customer'),
    col('do_not_mail', false, parseFlag, 'Y: no postal mail'),
    col('deceased', false, parseFlag, 'Y: deceased'),
    col('returned_mail', false, parseFlag, 'Y: mail came back undeliverable'),
    col('employee', false, parseFlag, 'Y: bank employee'),
    col('country', false, country, 'two-letter ISO country code; empty means US'),
    col('geography_code', false, text, 'district / county code (see geography)'),
    col('tax_id', false, text, 'SSN / tax id, for matching only: stored as a salted hash, never in clear'),
  ],
  accounts: [
    col('account_number', true, text, "the core's account number, unique"),
    col('product_code', true, text, 'product code (see products)'),
    col('owner_customer_number', false, text, 'customer number of the primary owner'),
    col('joint_customer_number', false, text, 'customer number of a joint owner'),
    col('open_date', true, pastDate, 'date opened'),
    col('close_date', false, pastDate, 'date closed'),
    col('status', true, oneOf(ACCOUNT_STATUSES), 'OPEN, CLOSED, CHARGED_OFF or DORMANT'),
    col('balance', false, parseMoneyCents, 'current balance; empty: the balance after the latest transaction'),
    col('rate', false, parseRate, 'interest rate in percent'),
    col('branch', false, upper, 'branch code'),
    col('owner_key', false, text, 'key of an owners row whose customer owns this account (a card of a disposition)'),
    col('owners_from_account', false, text, 'account whose owners also own this one (a loan of an account)'),
  ],
  owners: [
    col('owner_key', false, text, "the core's key of this ownership row, if other files refer to it"),
    col('account_number', true, text, 'account number (see accounts)'),
    col('customer_number', true, text, 'customer number (see customers)'),
    col('role', false, role, 'owner or joint; empty means owner'),
  ],
  payees: [
    col('payee_key', true, text, 'key of the standing order or payee, unique'),
    col('account_number', true, text, 'the account that pays'),
    col('name', true, text, 'payee name or purpose'),
    col('bank', false, text, "payee's bank"),
    col('payee_account', false, text, "payee's account number"),
    col('amount', false, parseMoneyCents, 'amount of each payment'),
    col('category', false, text, 'purpose, e.g. insurance, loan, household'),
  ],
  transactions: [
    col('transaction_id', true, text, "the core's transaction id, unique"),
    col('account_number', true, text, 'account number (see accounts)'),
    col('posted_date', true, pastDate, 'date posted'),
    col('amount', true, parseMoneyCents, 'signed amount: credits positive, debits negative'),
    col(
      'code',
      true,
      upper,
      'transaction code: DD, ACH_CR, ACH_DR, POS, ATM, DEP, CHK, XFER_IN, XFER_OUT, FEE, INT, PMT',
    ),
    col('description', true, text, 'description as the core writes it'),
    col('mcc', false, text, 'merchant category code (card transactions)'),
    col('balance_after', false, parseMoneyCents, 'account balance after the transaction'),
    col('counterparty', false, text, 'the other bank and account of a transfer'),
  ],
  balances: [
    col('account_number', true, text, 'account number (see accounts)'),
    col('as_of_date', true, pastDate, 'date of the snapshot'),
    col('balance', true, parseMoneyCents, 'balance on that date'),
    col('average_balance', false, parseMoneyCents, 'average balance over the period'),
  ],
};
