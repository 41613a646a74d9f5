/**
 * Dates as whole day numbers (days since 1970-01-01, UTC): cheap to compare, add and sort in
 * the inner loops. They become YYYY-MM-DD text only when a row is written, through a cache.
 */

const MS_PER_DAY = 86_400_000;

export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got "${iso}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const result = dayFromYmd(year, month, day);
  const check = ymdOf(result);
  if (check.year !== year || check.month !== month || check.day !== day) {
    throw new RangeError(`not a real calendar date: "${iso}"`);
  }
  return result;
}

export function ymdOf(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day of the month `months` later, clamped to the month's length (Jan 31 + 1 → Feb 28). */
export function addMonths(day: number, months: number): number {
  const { year, month, day: dom } = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayFromYmd(y, m, Math.min(dom, daysInMonth(y, m)));
}

/** A weekend date moved back to the Friday before, as payroll and ACH files do. */
export function businessDayOnOrBefore(day: number): number {
  const wd = weekday(day);
  if (wd === 6) return day - 1;
  if (wd === 0) return day - 2;
  return day;
}

/** A weekend date moved to a weekday without leaving its month: back to Friday, else on to Monday. */
export function businessDayInMonth(day: number, first: number, last: number): number {
  const before = businessDayOnOrBefore(day);
  if (before >= first) return before;
  const wd = weekday(day);
  return Math.min(last, day + (wd === 6 ? 2 : wd === 0 ? 1 : 0));
}

/** Formatted dates by day number, from 1900 to 2100: every date the generator writes. */
const ISO_BASE = -25_567;
const ISO_SPAN = 73_415;
const isoCache: (string | undefined)[] = new Array<string | undefined>(ISO_SPAN);

export function isoOf(day: number): string {
  const slot = day - ISO_BASE;
  let text = slot >= 0 && slot < ISO_SPAN ? isoCache[slot] : undefined;
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (slot >= 0 && slot < ISO_SPAN) isoCache[slot] = text;
  }
  return text;
}

export interface MonthSpan {
  index: number;
  year: number;
  month: number;
  first: number;
  last: number;
  /** The month-end snapshot date, or null when the month ends after the data's last day. */
  snapshot: number | null;
}

/** The 13 calendar months of data: the end date's month and the 12 before it. */
export interface DataWindow {
  start: number;
  end: number;
  months: MonthSpan[];
}

export const WINDOW_MONTHS = 13;

export function dataWindow(endIso: string): DataWindow {
  const end = parseDay(endIso);
  const { year, month } = ymdOf(end);
  const months: MonthSpan[] = [];
  for (let i = 0; i < WINDOW_MONTHS; i++) {
    const index = year * 12 + (month - 1) - (WINDOW_MONTHS - 1) + i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const first = dayFromYmd(y, m, 1);
    const last = first + daysInMonth(y, m) - 1;
    months.push({ index: i, year: y, month: m, first, last, snapshot: last <= end ? last : null });
  }
  const first = months[0];
  if (!first) throw new Error('empty data window');
  return { start: first.first, end, months };
}
