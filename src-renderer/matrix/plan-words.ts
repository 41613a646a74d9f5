/** How the plan's months, money and projections read on the Matrix screens. */
import type { Offer, RunSummary } from '../../src-shared/plan';
import { formatCents, formatCount, formatInt, formatWholeDollars } from '../lib/format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-11" → "Nov 2026". */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${year}`;
}

/** "2026-11" → "November 2026". */
export function longMonthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${LONG_MONTHS[Number(m) - 1] ?? m} ${year}`;
}

/** The plan's money crosses in dollars. */
export const dollars = (amount: number): string => formatWholeDollars(Math.round(amount * 100));
/** A cost per piece: "$0.68". */
export const pieceCost = (amount: number): string => formatCents(Math.round(amount * 100));
export const count = (n: number): string => formatInt(Math.round(n));
/** "1 response", "12 responses" (expected figures are rounded first). */
export const countOf = (n: number, singular: string): string => formatCount(Math.round(n), singular);

/** "Mail $0.68 · Email $0.02" — the channels an offer uses with their cost a piece. */
export function channelWords(channels: Offer['channels']): string {
  const parts = Object.entries(channels).map(
    ([channel, cost]) => `${channel[0]?.toUpperCase() ?? ''}${channel.slice(1)} ${pieceCost(cost)}`,
  );
  return parts.length > 0 ? parts.join(' · ') : 'No channel';
}

/** A default output folder: the data folder's runs/<month>, with the data folder's own separator. */
export function defaultOutDir(dataDir: string, month: string): string {
  const sep = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  return `${dataDir.replace(/[\\/]+$/, '')}${sep}runs${sep}${month}`;
}

/**
 * A refusal that lists its reasons ("2026-11 cannot run yet:\n- a\n- b") as a heading and the
 * reasons; any other message is one line.
 */
export function splitReasons(message: string): { head: string; reasons: string[] } {
  const lines = message.split('\n');
  const reasons = lines
    .slice(1)
    .map((line) => line.replace(/^\s*-\s*/, '').trim())
    .filter(Boolean);
  return { head: lines[0] ?? message, reasons };
}

export { errorText } from '../lib/api';

/** A run's cells added up. */
export function runTotals(run: RunSummary): { eligible: number; mailed: number; control: number } {
  return run.cells.reduce(
    (sum, c) => ({
      eligible: sum.eligible + c.eligible,
      mailed: sum.mailed + c.mailed,
      control: sum.control + c.control,
    }),
    { eligible: 0, mailed: 0, control: 0 },
  );
}
