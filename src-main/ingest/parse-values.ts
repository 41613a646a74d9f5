/** Field parsers for the standard layout. Each returns the value or a reason it is invalid. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZERO = 48;

function digits(raw: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = raw.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** YYYY-MM-DD, checked against the calendar. Hand-rolled: it runs once per row on millions of rows. */
export function parseIsoDate(raw: string): Parsed<string> {
  if (raw.length !== 10 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45) {
    return { ok: false, reason: 'expected a date as YYYY-MM-DD' };
  }
  const y = digits(raw, 0, 4);
  const m = digits(raw, 5, 7);
  const d = digits(raw, 8, 10);
  if (y < 0 || m < 0 || d < 0) return { ok: false, reason: 'expected a date as YYYY-MM-DD' };
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  if (m < 1 || m > 12 || d < 1 || d > max) return { ok: false, reason: 'not a real calendar date' };
  return { ok: true, value: raw };
}

const MONEY_REASON = 'expected an amount like 1234.56 (no $ or thousands separator)';

/** Dollars with an optional decimal point to integer cents, without floating-point drift. */
export function parseMoneyCents(raw: string): Parsed<number> {
  const negative = raw.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const dot = raw.indexOf('.', start);
  const end = dot < 0 ? raw.length : dot;
  const fractionDigits = dot < 0 ? 0 : raw.length - dot - 1;
  if (end === start || (dot >= 0 && (fractionDigits < 1 || fractionDigits > 2)) || end - start > 15) {
    return { ok: false, reason: MONEY_REASON };
  }
  const whole = digits(raw, start, end);
  const fraction = dot < 0 ? 0 : digits(raw, dot + 1, raw.length);
  if (whole < 0 || fraction < 0) return { ok: false, reason: MONEY_REASON };
  const cents = whole * 100 + (fractionDigits === 1 ? fraction * 10 : fraction);
  if (!Number.isSafeInteger(cents)) return { ok: false, reason: 'amount is too large' };
  return { ok: true, value: negative ? -cents : cents };
}

export function parseFlag(raw: string): Parsed<boolean> {
  const value = raw.trim().toUpperCase();
  if (value === '' || value === 'N') return { ok: true, value: false };
  if (value === 'Y') return { ok: true, value: true };
  return { ok: false, reason: 'expected Y or N' };
}

export function parseRate(raw: string): Parsed<number> {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    return { ok: false, reason: 'expected an interest rate in percent between 0 and 100' };
  }
  return { ok: true, value };
}
