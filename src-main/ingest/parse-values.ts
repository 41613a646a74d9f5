/** Field parsers for the standard layout. Each returns the value or a reason it is invalid. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(raw: string): Parsed<string> {
  const match = ISO_DATE.exec(raw);
  if (!match) return { ok: false, reason: 'expected a date as YYYY-MM-DD' };
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    return { ok: false, reason: 'not a real calendar date' };
  }
  return { ok: true, value: raw };
}

const MONEY = /^-?\d+(\.\d{1,2})?$/;

/** Dollars with an optional decimal point to integer cents, without floating-point drift. */
export function parseMoneyCents(raw: string): Parsed<number> {
  if (!MONEY.test(raw)) {
    return { ok: false, reason: 'expected an amount like 1234.56 (no $ or thousands separator)' };
  }
  const negative = raw.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? raw.slice(1) : raw).split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
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
