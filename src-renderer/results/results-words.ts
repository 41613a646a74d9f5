/** How the campaign report's figures read on the Results screen. */
import type { CellFigures } from '../../src-shared/measure';
import { formatInt, formatWholeDollars } from '../lib/format';

/** A share as a percentage: 0.0425 → "4.25%"; null → "—". */
export const pct = (share: number | null, digits = 2): string =>
  share === null ? '—' : `${(share * 100).toFixed(digits)}%`;

/** A lift in percentage points, signed: 0.0136 → "+1.36 pts". */
export const points = (share: number | null): string =>
  share === null ? '—' : `${share >= 0 ? '+' : '−'}${Math.abs(share * 100).toFixed(2)} pts`;

export const money = (cents: number | null): string =>
  cents === null ? '—' : `${cents < 0 ? '−' : ''}${formatWholeDollars(Math.abs(cents))}`;

export const whole = (n: number): string => formatInt(Math.round(n * 1000) / 1000);

export const pValue = (p: number | null): string => (p === null ? '—' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));

/** Whether a lift is proven, in words: the 95% interval clear of zero, or not. */
export function verdict(f: CellFigures): { proven: boolean; words: string } {
  if (f.lift === null || f.lift_ci_low === null || f.lift_ci_high === null)
    return { proven: false, words: 'No control group: the lift cannot be measured.' };
  if (f.lift_ci_low > 0)
    return {
      proven: true,
      words: `Proven lift: the mail raised response by ${points(f.lift)} (95% interval ${points(f.lift_ci_low)} to ${points(f.lift_ci_high)}).`,
    };
  if (f.lift_ci_high < 0)
    return { proven: false, words: `The mailed responded less than the control group (${points(f.lift)}).` };
  return {
    proven: false,
    words: `Not proven: the 95% interval (${points(f.lift_ci_low)} to ${points(f.lift_ci_high)}) includes no lift at all.`,
  };
}

export const ROMI = (romi: number | null): string => (romi === null ? '—' : `${Math.round(romi * 100)}%`);
