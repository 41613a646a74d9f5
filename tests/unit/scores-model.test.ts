/** The next-product model's arithmetic: the fit, the AUC, the lift by decile and the 1–100 ranks. */
import { describe, expect, it } from 'vitest';
import { areaUnderCurve, fitLogistic, liftByDecile, percentileScores, predict } from '../../src-main/scores/model';

/** A fixed pseudo-random sequence (Park–Miller), so the data is the same each run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

describe('the next-product model', () => {
  it('finds the weights the data was drawn with (logistic regression by Newton’s method)', () => {
    const rnd = random(7);
    const n = 20_000;
    const d = 3;
    const x = new Float64Array(n * d);
    const y = new Uint8Array(n);
    // Chance = σ(-2 + 1.5·a − 1·b + 0·c), with a, b, c uniform on [-1, 1].
    for (let i = 0; i < n; i++) {
      const [a, b, c] = [rnd() * 2 - 1, rnd() * 2 - 1, rnd() * 2 - 1];
      x.set([a, b, c], i * d);
      y[i] = rnd() < 1 / (1 + Math.exp(-(-2 + 1.5 * a - b))) ? 1 : 0;
    }
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const model = fitLogistic(x, d, rows, y, new Float64Array(n).fill(1));
    // Weights are per standard deviation: back to the raw scale to compare.
    const raw = [1, 2, 3].map((j) => model.beta[j]! / model.sd[j - 1]!);
    expect(raw[0]).toBeCloseTo(1.5, 0);
    expect(raw[1]).toBeCloseTo(-1, 0);
    expect(Math.abs(raw[2]!)).toBeLessThan(0.15);
    expect(model.iterations).toBeLessThan(15);
    const scratch = new Float64Array(d + 1);
    const p = Float64Array.from(rows, (i) => predict(model, x, d, i, scratch));
    // At the optimum the chances add up to the openers (the intercept's equation).
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(
      y.reduce((s, v) => s + v, 0),
      -1,
    );
    expect(areaUnderCurve(p, y)).toBeGreaterThan(0.7);
  });

  it('weighs sampled rows so the chances stay true to the whole', () => {
    const n = 4000;
    const x = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i % 2;
      y[i] = Math.floor(i / 2) % 10 === 0 ? 1 : 0; // 10% open, whatever x is
    }
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    // Keep every opener and one non-opener in three, each counting for three.
    const kept = rows.filter((i) => y[i] === 1 || i % 3 === 0);
    const weight = Float64Array.from(kept, (i) => (y[i] ? 1 : 3));
    const model = fitLogistic(
      x,
      1,
      Int32Array.from(kept),
      Uint8Array.from(kept, (i) => y[i]!),
      weight,
    );
    const chance = predict(model, x, 1, 0, new Float64Array(2));
    expect(chance).toBeGreaterThan(0.085);
    expect(chance).toBeLessThan(0.115);
  });

  it('measures the area under the ROC curve, ties counting half', () => {
    expect(areaUnderCurve(Float64Array.from([0.1, 0.4, 0.35, 0.8]), Uint8Array.from([0, 0, 1, 1]))).toBe(0.75);
    expect(areaUnderCurve(Float64Array.from([0.5, 0.5]), Uint8Array.from([0, 1]))).toBe(0.5);
    expect(areaUnderCurve(Float64Array.from([0.9, 0.1]), Uint8Array.from([1, 0]))).toBe(1);
    expect(areaUnderCurve(Float64Array.from([0.9, 0.1]), Uint8Array.from([1, 1]))).toBeNull();
  });

  it('splits the holdout into ten tenths, best first, with lift and openers captured', () => {
    const p = Float64Array.from({ length: 100 }, (_, i) => i / 100);
    // The top 10 chances all opened, and 10 more among the rest.
    const y = Uint8Array.from({ length: 100 }, (_, i) => (i >= 90 || i % 10 === 0 ? 1 : 0));
    const deciles = liftByDecile(p, y);
    expect(deciles).toHaveLength(10);
    expect(deciles.reduce((s, d) => s + d.customers, 0)).toBe(100);
    expect(deciles[0]).toMatchObject({ decile: 1, customers: 10, openers: 10, rate: 1 });
    expect(deciles[0]!.lift).toBeCloseTo(1 / 0.19, 6);
    expect(deciles[0]!.captured).toBeCloseTo(10 / 19, 6);
    expect(deciles.at(-1)!.captured).toBe(1);
  });

  it('ranks 1–100, the highest chance 100 and equal chances equal', () => {
    const p = Float64Array.from([0.2, 0.9, 0.2, 0.5, 0.01]);
    const scores = percentileScores(p);
    expect(Array.from(scores)).toEqual([21, 81, 21, 61, 1]);
    const many = percentileScores(Float64Array.from({ length: 1000 }, (_, i) => i));
    expect(many[999]).toBe(100);
    expect(many[0]).toBe(1);
    expect(many[500]).toBe(51);
  });
});
