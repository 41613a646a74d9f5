/**
 * The Mainstreet standard layout (docs/standard-layout.md) as data: which files exist, their
 * columns, and how each column is checked. The loader and the docs test read this table.
 */
import { ACCOUNT_STATUSES, isProductFamily } from '../../src-shared/domain';
import { parseFlag, parseIsoDate, parseMoneyCents, parseRate, type Parsed } from './parse-values';

export const STANDARD_KINDS = ['products', 'customers', 'accounts', 'transactions', 'balances'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

export type FieldValue = string | number | boolean | null;

export interface ColumnSpec {
  name: string;
  required: boolean;
  parse?: (raw: string) => Parsed<FieldValue>;
}

const text = (raw: string): Parsed<FieldValue> => ({ ok: true, value: raw });
const upper = (raw: string): Parsed<FieldValue> => ({ ok: true, value: raw.toUpperCase() });

function oneOf(values: readonly string[]) {
  return (raw: string): Parsed<FieldValue> =>
    values.includes(raw) ? { ok: true, value: raw } : { ok: false, reason: `expected one of ${values.join(', ')}` };
}

const family = (raw: string): Parsed<FieldValue> =>
  isProductFamily(raw) ? { ok: true, value: raw } : { ok: false, reason: 'unknown product family' };

const state = (raw: string): Parsed<FieldValue> =>
  /^[A-Za-z]{2}$/.test(raw)
    ? { ok: true, value: raw.toUpperCase() }
    : { ok: false, reason: 'expected a two-letter USPS state code' };

const zip = (raw: string): Parsed<FieldValue> =>
  /^\d{5}(-\d{4})?$/.test(raw)
    ? { ok: true, value: raw }
    : { ok: false, reason: 'expected a ZIP code like 43215 or 43215-1234' };

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

function col(name: string, required: boolean, parse?: ColumnSpec['parse']): ColumnSpec {
  return parse ? { name, required, parse } : { name, required };
}

export const LAYOUT: Record<StandardKind, ColumnSpec[]> = {
  products: [
    col('product_code', true, text),
    col('product_name', true, text),
    col('family', true, family),
    col('interest_bearing', false, parseFlag),
  ],
  customers: [
    col('customer_number', true, text),
    col('first_name', false, text),
    col('last_name', true, text),
    col('birth_date', false, pastDate),
    col('gender', false, gender),
    col('address_line1', true, text),
    col('address_line2', false, text),
    col('city', true, text),
    col('state', true, state),
    col('zip', true, zip),
    col('phone', false, text),
    col('email', false, text),
    col('branch', false, upper),
    col('branch_name', false, text),
    col('customer_since', false, pastDate),
    col('household_id', false, text),
    col('do_not_solicit', false, parseFlag),
    col('do_not_mail', false, parseFlag),
    col('deceased', false, parseFlag),
    col('returned_mail', false, parseFlag),
    col('employee', false, parseFlag),
  ],
  accounts: [
    col('account_number', true, text),
    col('product_code', true, text),
    col('owner_customer_number', true, text),
    col('joint_customer_number', false, text),
    col('open_date', true, pastDate),
    col('close_date', false, pastDate),
    col('status', true, oneOf(ACCOUNT_STATUSES)),
    col('balance', true, parseMoneyCents),
    col('rate', false, parseRate),
    col('branch', false, upper),
  ],
  transactions: [
    col('transaction_id', true, text),
    col('account_number', true, text),
    col('posted_date', true, pastDate),
    col('amount', true, parseMoneyCents),
    col('code', true, upper),
    col('description', true, text),
    col('mcc', false, text),
    col('balance_after', false, parseMoneyCents),
  ],
  balances: [
    col('account_number', true, text),
    col('as_of_date', true, pastDate),
    col('balance', true, parseMoneyCents),
    col('average_balance', false, parseMoneyCents),
  ],
};
