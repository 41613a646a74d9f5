/**
 * The statistics behind "did it pay": the difference between two response rates (mailed minus
 * control) with a Wald 95% confidence interval (unpooled standard error), its p-value from the
 * two-proportion z-test (pooled standard error), and the control size needed to detect a lift.
 * The normal distribution comes from stdlib (@stdlib/stats-base-dists-normal-*).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface TwoProportions {
  rate_a: number;
  rate_b: number;
  /** rate_a − rate_b */
  difference: number;
  ci_low: number;
  ci_high: number;
  /** Two-sided; null when both groups respond at 0% or 100% (no variance to test). */
  p_value: number | null;
  z: number | null;
}

const z = (p: number) => normalQuantile(p, 0, 1);

/**
 * Compares successes_a of n_a with successes_b of n_b. Successes may be fractional (equal-split
 * attribution). The interval is the Wald interval; the test pools the two rates under the null.
 */
export function twoProportions(
  successesA: number,
  nA: number,
  successesB: number,
  nB: number,
  confidence = 0.95,
): TwoProportions | null {
  if (nA <= 0 || nB <= 0) return null;
  const a = successesA / nA;
  const b = successesB / nB;
  const difference = a - b;
  const se = Math.sqrt((a * (1 - a)) / nA + (b * (1 - b)) / nB);
  const margin = z(1 - (1 - confidence) / 2) * se;
  const pooled = (successesA + successesB) / (nA + nB);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const statistic = pooledSe > 0 ? difference / pooledSe : null;
  return {
    rate_a: a,
    rate_b: b,
    difference,
    ci_low: difference - margin,
    ci_high: difference + margin,
    z: statistic,
    p_value: statistic === null ? null : 2 * (1 - normalCdf(Math.abs(statistic), 0, 1)),
  };
}

/**
 * The control group needed (with `ratio` mailed pieces per control) for a two-sided test at
 * `alpha` to detect, with `power`, a lift from the control's `baseRate` to `baseRate + lift`.
 * The usual normal-approximation formula for two proportions with unequal groups.
 */
export function controlSizeNeeded(baseRate: number, lift: number, ratio: number, alpha = 0.05, power = 0.8): number {
  const p1 = baseRate + lift;
  const p0 = baseRate;
  if (!(lift > 0) || p1 >= 1 || p0 < 0 || !(ratio > 0)) return Number.POSITIVE_INFINITY;
  const pBar = (ratio * p1 + p0) / (ratio + 1);
  const za = z(1 - alpha / 2);
  const zb = z(power);
  const numerator =
    za * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / ratio)) + zb * Math.sqrt(p0 * (1 - p0) + (p1 * (1 - p1)) / ratio);
  return Math.ceil((numerator * numerator) / (lift * lift));
}

/** The sample-size planner: controls, mailed pieces and households for a lift worth proving. */
export function sampleSize(
  baseRate: number,
  lift: number,
  controlShare: number,
): { control_needed: number | null; mailed_needed: number | null; households_needed: number | null } {
  const ratio = (1 - controlShare) / controlShare;
  const control = controlSizeNeeded(baseRate, lift, ratio);
  if (!Number.isFinite(control)) return { control_needed: null, mailed_needed: null, households_needed: null };
  const mailed = Math.ceil(control * ratio);
  return { control_needed: control, mailed_needed: mailed, households_needed: control + mailed };
}
