/**
 * The next-product model: logistic regression on standardized features, fitted by Newton's
 * method (iteratively reweighted least squares) with a light ridge penalty, the linear algebra
 * from ml-matrix. Plus the holdout's quality figures: AUC and lift by decile.
 *
 * Why not ml-logistic-regression: it climbs the gradient a fixed number of steps with no
 * intercept and no penalty; on 12,000 customers × 40 features it took 9.2 s a family for
 * 300 steps and was still short of the optimum. Newton's method reaches it in about eight
 * steps, well under a second.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { ScoreDecile } from '../../src-shared/scores';

export interface FittedModel {
  /** Per feature: mean and standard deviation on the training rows (0 sd: left out). */
  mean: Float64Array;
  sd: Float64Array;
  /** Intercept first, then one weight per standardized feature. */
  beta: Float64Array;
  iterations: number;
}

const RIDGE = 1;
const MAX_ITERATIONS = 30;

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/**
 * Fits y ~ x over the given rows of a row-major feature table (d features), each row weighing
 * `weight[k]` (sampled-down rows weigh more, so the chances stay true to the bank).
 */
export function fitLogistic(
  x: Float64Array,
  d: number,
  rows: Int32Array,
  y: Uint8Array,
  weight: Float64Array,
): FittedModel {
  const n = rows.length;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let k = 0; k < n; k++) for (let j = 0; j < d; j++) mean[j]! += x[rows[k]! * d + j]! / n;
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < d; j++) sd[j]! += (x[rows[k]! * d + j]! - mean[j]!) ** 2 / n;
  }
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]!);

  const m = d + 1;
  const z = new Float64Array(m);
  const beta = new Float64Array(m);
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const gradient = new Float64Array(m);
    const hessian = new Float64Array(m * m);
    for (let k = 0; k < n; k++) {
      standardize(x, rows[k]!, d, mean, sd, z);
      let eta = 0;
      for (let j = 0; j < m; j++) eta += beta[j]! * z[j]!;
      const p = sigmoid(eta);
      const w = weight[k]!;
      const residual = w * (y[k]! - p);
      const curvature = w * p * (1 - p);
      for (let a = 0; a < m; a++) {
        const za = z[a]!;
        if (za === 0) continue;
        gradient[a]! += residual * za;
        const scaled = curvature * za;
        for (let b = 0; b <= a; b++) hessian[a * m + b]! += scaled * z[b]!;
      }
    }
    for (let a = 1; a < m; a++) {
      gradient[a]! -= RIDGE * beta[a]!;
      hessian[a * m + a]! += RIDGE;
    }
    hessian[0]! += 1e-9;
    const h = new Matrix(m, m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b <= a; b++) {
        h.set(a, b, hessian[a * m + b]!);
        h.set(b, a, hessian[a * m + b]!);
      }
    }
    const step = new CholeskyDecomposition(h).solve(Matrix.columnVector(Array.from(gradient))).to1DArray();
    let largest = 0;
    for (let j = 0; j < m; j++) {
      beta[j]! += step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (largest < 1e-6) break;
  }
  return { mean, sd, beta, iterations: iterations + 1 };
}

/** Row `row`'s features standardized, with 1 in front for the intercept (sd 0: 0). */
export function standardize(
  x: Float64Array,
  row: number,
  d: number,
  mean: Float64Array,
  sd: Float64Array,
  out: Float64Array,
): Float64Array {
  out[0] = 1;
  const base = row * d;
  for (let j = 0; j < d; j++) out[j + 1] = sd[j]! > 0 ? (x[base + j]! - mean[j]!) / sd[j]! : 0;
  return out;
}

/** The model's chance for one row of a feature table. */
export function predict(model: FittedModel, x: Float64Array, d: number, row: number, scratch: Float64Array): number {
  standardize(x, row, d, model.mean, model.sd, scratch);
  let eta = 0;
  for (let j = 0; j <= d; j++) eta += model.beta[j]! * scratch[j]!;
  return sigmoid(eta);
}

/** Area under the ROC curve (ties share their rank); null without both openers and others. */
export function areaUnderCurve(p: Float64Array, y: Uint8Array): number | null {
  const order = Array.from(p.keys()).sort((a, b) => p[a]! - p[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && p[order[j + 1]!] === p[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (y[order[k]!]) {
        positives++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The holdout in ten equal groups, highest chances first: who opened in each. */
export function liftByDecile(p: Float64Array, y: Uint8Array): ScoreDecile[] {
  const order = Array.from(p.keys()).sort((a, b) => p[b]! - p[a]! || a - b);
  const total = y.reduce((sum, v) => sum + v, 0);
  const overall = order.length ? total / order.length : 0;
  const deciles: ScoreDecile[] = [];
  let found = 0;
  for (let decile = 1; decile <= 10; decile++) {
    const from = Math.floor(((decile - 1) * order.length) / 10);
    const to = Math.floor((decile * order.length) / 10);
    let openers = 0;
    for (let k = from; k < to; k++) openers += y[order[k]!]!;
    found += openers;
    const customers = to - from;
    const rate = customers ? openers / customers : 0;
    deciles.push({
      decile,
      customers,
      openers,
      rate,
      lift: overall > 0 ? rate / overall : 0,
      captured: total > 0 ? found / total : 0,
    });
  }
  return deciles;
}

/** 1–100 for each chance: the share of the others scoring strictly lower (ties share a score). */
export function percentileScores(p: Float64Array): Uint8Array {
  const order = Array.from(p.keys()).sort((a, b) => p[a]! - p[b]!);
  const scores = new Uint8Array(p.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && p[order[j + 1]!] === p[order[i]!]) j++;
    const score = Math.floor((i * 100) / order.length) + 1;
    for (let k = i; k <= j; k++) scores[order[k]!] = score;
    i = j + 1;
  }
  return scores;
}
