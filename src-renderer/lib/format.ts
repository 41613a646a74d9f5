const integer = new Intl.NumberFormat('en-US');
let money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
let wholeMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
let currentCurrency = 'USD';

/**
 * The open bank's currency (AppInfo.currency): a bank imported from a Czech core shows koruna.
 * Set by the app before the workspace renders.
 */
export function setCurrency(code: string): void {
  if (code === currentCurrency) return;
  try {
    money = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
    wholeMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, maximumFractionDigits: 0 });
    currentCurrency = code;
  } catch {
    // An unknown code keeps the last good one.
  }
}
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

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'];
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** File sizes as people read them: "812 bytes", "4.2 MB" (1 KB = 1,024 bytes, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return formatCount(bytes, 'byte');
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${oneDecimal.format(value)} ${BYTE_UNITS[unit]}`;
}

/** A rough time left: "a few seconds", "35 seconds", "4 minutes", "1 hour 10 minutes". */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return 'a few seconds';
  if (seconds < 90) return `${Math.round(seconds / 5) * 5} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${formatCount(hours, 'hour')}${rest > 0 ? ` ${formatCount(rest, 'minute')}` : ''}`;
}
