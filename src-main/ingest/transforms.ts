/**
 * Value transforms a mapping profile applies to a core's raw fields before validation:
 * dates in the formats cores write, amounts with separators and the several ways of writing a
 * negative number. Each returns the standard-layout value or a reason. They run once per
 * field on millions of rows, so they are written out by hand rather than through a general
 * date library (date-fns' parse costs microseconds a call).
 */
import type { DateFormat } from '../../src-shared/mapping-profile';
import { parseIsoDate, type Parsed } from './parse-values';

export { DATE_FORMATS, type DateFormat } from '../../src-shared/mapping-profile';

/** Two-digit years: 00–29 are 2000s, 30–99 are 1900s (Berka's data spans 1911–1999). */
export function centuryFor(yy: number, pivot = 30): number {
  return yy < pivot ? 2000 + yy : 1900 + yy;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function iso(y: number, m: number, d: number): Parsed<string> {
  return parseIsoDate(`${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`);
}

const DATE_REASON: Record<DateFormat, string> = {
  'YYYY-MM-DD': 'expected a date as YYYY-MM-DD',
  'MM/DD/YYYY': 'expected a date as MM/DD/YYYY',
  'M/D/YYYY': 'expected a date as M/D/YYYY',
  YYYYMMDD: 'expected a date as YYYYMMDD',
  YYMMDD: 'expected a date as YYMMDD',
  'YYMMDD 00:00:00': 'expected a date as YYMMDD 00:00:00',
};

export function parseDate(raw: string, format: DateFormat): Parsed<string> {
  const value = raw.trim();
  let match: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD':
      return parseIsoDate(value);
    case 'MM/DD/YYYY':
    case 'M/D/YYYY':
      match = (format === 'MM/DD/YYYY' ? /^(\d{2})\/(\d{2})\/(\d{4})$/ : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/).exec(value);
      return match
        ? iso(Number(match[3]), Number(match[1]), Number(match[2]))
        : { ok: false, reason: DATE_REASON[format] };
    case 'YYYYMMDD':
      match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
      return match
        ? iso(Number(match[1]), Number(match[2]), Number(match[3]))
        : { ok: false, reason: DATE_REASON[format] };
    case 'YYMMDD':
    case 'YYMMDD 00:00:00':
      match = (format === 'YYMMDD' ? /^(\d{2})(\d{2})(\d{2})$/ : /^(\d{2})(\d{2})(\d{2}) 00:00:00$/).exec(value);
      return match
        ? iso(centuryFor(Number(match[1])), Number(match[2]), Number(match[3]))
        : { ok: false, reason: DATE_REASON[format] };
  }
}

export interface AmountFormat {
  /** Character between whole and fraction: '.' (US) or ',' (much of Europe). */
  decimal: '.' | ',';
}

const AMOUNT_REASON = 'expected an amount such as 1,234.56, -1234.56, 1234.56- or (1,234.56)';

/**
 * Amounts as cores write them: optional currency sign and thousands separators, negative as
 * a leading "-", a trailing "-", or in parentheses; returns integer cents.
 */
export function parseAmount(raw: string, format: AmountFormat = { decimal: '.' }): Parsed<number> {
  let value = raw.trim();
  let negative = false;
  if (value.startsWith('(') && value.endsWith(')')) {
    negative = true;
    value = value.slice(1, -1).trim();
  }
  if (value.endsWith('-')) {
    negative = !negative;
    value = value.slice(0, -1).trim();
  } else if (value.startsWith('-')) {
    negative = !negative;
    value = value.slice(1).trim();
  } else if (value.startsWith('+')) {
    value = value.slice(1).trim();
  }
  value = value.replace(/^\$\s?/, '');
  const thousands = format.decimal === '.' ? ',' : '.';
  const grouped = new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+(\\${format.decimal}\\d{1,2})?$`);
  const plain = new RegExp(`^\\d+(\\${format.decimal}\\d{1,2})?$`);
  if (!grouped.test(value) && !plain.test(value)) return { ok: false, reason: AMOUNT_REASON };
  const [whole = '0', fraction = ''] = value.split(thousands).join('').split(format.decimal);
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return { ok: false, reason: 'amount is too large' };
  return { ok: true, value: negative ? -cents : cents };
}

/**
 * A debit/credit indicator column turns an unsigned amount into a signed one. With no credit
 * codes listed, every value that is not a debit code is a credit.
 */
export function applyDebitCredit(
  cents: number,
  indicator: string,
  codes: { debit: string[]; credit: string[] },
): Parsed<number> {
  const value = indicator.trim().toUpperCase();
  if (codes.debit.some((c) => c.toUpperCase() === value)) return { ok: true, value: -Math.abs(cents) };
  if (codes.credit.length === 0 || codes.credit.some((c) => c.toUpperCase() === value)) {
    return { ok: true, value: Math.abs(cents) };
  }
  return {
    ok: false,
    reason: `unknown debit/credit indicator; expected one of ${[...codes.debit, ...codes.credit].join(', ')}`,
  };
}

/**
 * The Czech/Slovak birth number (rodné číslo) as Berka writes it: YYMMDD with 50 added to the
 * month for women. Gives the birth date and the gender. Six-digit numbers were issued until
 * 1954, so the year is always in the 1900s.
 */
export function parseBirthNumber(raw: string): Parsed<{ birth_date: string; gender: 'F' | 'M' }> {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(raw.trim());
  if (!match) return { ok: false, reason: 'expected a birth number as YYMMDD (month + 50 for women)' };
  const month = Number(match[2]);
  const female = month > 50;
  const date = iso(1900 + Number(match[1]), female ? month - 50 : month, Number(match[3]));
  return date.ok ? { ok: true, value: { birth_date: date.value, gender: female ? 'F' : 'M' } } : date;
}
