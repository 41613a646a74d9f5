/** The lift statistics against published worked examples. */
import { describe, expect, it } from 'vitest';
import { controlSizeNeeded, twoProportions } from '../../../src-main/measure/stats';

describe('two proportions', () => {
  it('gives the interval of OpenIntro Statistics’ CPR study (14 of 40 vs 11 of 50; 90%: −0.026 to 0.286)', () => {
    // Diez, Çetinkaya-Rundel, Barr: OpenIntro Statistics, 4th ed., §6.2.2: difference 0.13, SE 0.095.
    const r = twoProportions(14, 40, 11, 50, 0.9)!;
    expect(r.difference).toBeCloseTo(0.13, 10);
    expect(r.ci_low).toBeCloseTo(-0.026, 2);
    expect(r.ci_high).toBeCloseTo(0.286, 2);
  });

  it('gives the test of OpenIntro Statistics’ mammogram study (500 of 44,925 vs 505 of 44,910: Z ≈ −0.17, p ≈ 0.87)', () => {
    // Same book, §6.2.3: pooled proportion 0.0112, SE 0.00070, no evidence of a difference.
    const r = twoProportions(500, 44_925, 505, 44_910)!;
    expect(Math.abs(r.z! + 0.17)).toBeLessThan(0.01);
    expect(Math.abs(r.p_value! - 0.87)).toBeLessThan(0.01);
    expect(r.ci_low).toBeLessThan(0);
    expect(r.ci_high).toBeGreaterThan(0);
  });

  it('says nothing without a group, and gives no p-value when nobody (or everybody) responds', () => {
    expect(twoProportions(1, 0, 1, 10)).toBeNull();
    expect(twoProportions(0, 100, 0, 10)).toMatchObject({ difference: 0, p_value: null });
    expect(twoProportions(5, 100, 0, 100)!.p_value).toBeLessThan(0.05);
  });
});

describe('control size needed', () => {
  it('needs 686 a group to tell 10% from 15% at α 0.05 with 80% power (Fleiss, no continuity correction)', () => {
    expect(controlSizeNeeded(0.1, 0.05, 1)).toBe(686);
  });

  it('needs fewer controls when there are more mailed pieces a control, never fewer than an equal split’s half', () => {
    const equal = controlSizeNeeded(0.01, 0.01, 1);
    const nine = controlSizeNeeded(0.01, 0.01, 9);
    expect(nine).toBeLessThan(equal);
    expect(nine).toBeGreaterThan(equal / 2);
    expect(controlSizeNeeded(0.01, 0, 9)).toBe(Number.POSITIVE_INFINITY);
  });
});
