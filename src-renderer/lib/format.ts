const integer = new Intl.NumberFormat('en-US');
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const wholeMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const rate = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 3 });

export const formatInt = (n: number): string => integer.format(n);
export const formatCents = (cents: number): string => money.format(cents / 100);
export const formatWholeDollars = (cents: number): string => wholeMoney.format(Math.round(cents / 100));
export const formatCompact = (n: number): string => compact.format(n);
export const formatShare = (share: number): string => percent.format(share);
/** Rates cross the boundary in percent as printed on a statement (4.25 means 4.25%). */
export const formatRate = (percentValue: number): string => `${rate.format(percentValue)}%`;

/** "1 customer", "2,000 customers". */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${integer.format(n)} ${n === 1 ? singular : plural}`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
