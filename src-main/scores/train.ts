/**
 * Next-product scores, learned from the bank's own openings. For each product family:
 *
 * - who could have opened it: customers at the window's start (12 months before the data's last
 *   date by default) who held an account then but none of the family;
 * - who did: those of them owning an account of the family opened after the start;
 * - what the model reads: the features at the start (features.ts), KLIs included (decided as of
 *   the start from the facts the last compute kept), so it learns what came before an opening,
 *   not what the opening brought;
 * - one customer in four (by a hash of their id) is set aside, never learned from, for the AUC
 *   and the lift by decile;
 * - then everyone without the family today is scored from today's features: a rank 1–100
 *   (the rule field score:<family>), a chance, and the three features that push them up most.
 *
 * The scores replace the last ones in one transaction, and the run is in the audit log.
 */
import { PRODUCT_FAMILIES, FAMILY_INFO, type ProductFamily } from '../../src-shared/domain';
import {
  DEFAULT_SCORE_WINDOW_MONTHS,
  type ScoreModel,
  type ScoreSkipped,
  type ScoreTrainResult,
} from '../../src-shared/scores';
import { AppError } from '../app/errors';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { addMonths, isoOf, parseDay } from '../demo/dates';
import { dataLastDate, klisAsOf } from '../kli/compute';
import {
  familyBit,
  heldToday,
  loadCustomers,
  openedBetween,
  readFeatures,
  storedKliFlags,
  usableKlis,
  type FeatureSpec,
} from './features';
import { areaUnderCurve, fitLogistic, liftByDecile, percentileScores, predict, type FittedModel } from './model';

export interface TrainOptions {
  actor: string;
  /** The data's last date by default. */
  asOf?: string | undefined;
  windowMonths?: number | undefined;
  /** All families by default. */
  families?: readonly ProductFamily[] | undefined;
  onProgress?: (step: string, current: number, total: number) => void;
}

/** Fewer openers (or fewer who did not open) than this: nothing to learn from. */
export const MIN_OPENERS = 20;
/** Rows learned from at most; above it, those who did not open are sampled (and weigh more). */
const MAX_TRAINING_ROWS = 40_000;
const REASONS = 3;
/** A push smaller than this (on the log-odds) is not worth naming as a reason. */
const MIN_REASON = 0.05;

/** The model as stored: the summary the screens show, plus what scoring needs. */
export interface StoredModel extends ScoreModel {
  specs: FeatureSpec[];
  fitted: { mean: number[]; sd: number[]; beta: number[] };
}

export function trainScores(db: Db, options: TrainOptions): ScoreTrainResult {
  const progress = options.onProgress ?? (() => {});
  const asOf = options.asOf ?? dataLastDate(db);
  if (!asOf)
    throw new AppError('invalid_input', 'There are no accounts or balances yet: import the bank’s files first.');
  const windowMonths = options.windowMonths ?? DEFAULT_SCORE_WINDOW_MONTHS;
  const windowStart = isoOf(addMonths(parseDay(asOf), -windowMonths));
  const families = options.families ?? PRODUCT_FAMILIES;
  const steps = families.length + 3;

  progress('Reading customers', 0, steps);
  const customers = loadCustomers(db);
  progress('Reading the features at the window’s start', 1, steps);
  const notes: string[] = [];
  const early = klisAsOf(db, windowStart);
  if (!early) notes.push('KLIs were left out: compute the KLIs first, then train the scores again.');
  const klis = early ? usableKlis(db, early.flagged, customers.ids.length) : [];
  const before = readFeatures(db, customers, klis, early?.flagged ?? new Map(), windowStart);
  progress('Reading today’s features', 2, steps);
  const now = readFeatures(db, customers, klis, storedKliFlags(db), asOf);
  const opened = openedBetween(db, customers, windowStart, asOf);
  const holdsToday = heldToday(db, customers);
  const d = before.specs.length;
  const n = customers.ids.length;

  const models: StoredModel[] = [];
  const scores = new Map<ProductFamily, { rows: Int32Array; p: Float64Array; score: Uint8Array; reasons: string[] }>();
  const skipped: ScoreSkipped[] = [];
  families.forEach((family, f) => {
    progress(`Learning ${FAMILY_INFO[family].label.toLowerCase()}`, 3 + f, steps);
    const bit = familyBit(family);
    const population: number[] = [];
    for (let i = 0; i < n; i++) if (before.accounts[i]! > 0 && (before.held[i]! & bit) === 0) population.push(i);
    const y = (i: number) => ((opened[i]! & bit) !== 0 ? 1 : 0);
    const openers = population.reduce((sum, i) => sum + y(i), 0);
    if (openers < MIN_OPENERS || population.length - openers < MIN_OPENERS) {
      skipped.push({
        family,
        reason:
          `${openers.toLocaleString('en-US')} of ${population.length.toLocaleString('en-US')} customers without one ` +
          `opened one between ${windowStart} and ${asOf}: at least ${MIN_OPENERS} openers and ${MIN_OPENERS} others are needed to learn from.`,
      });
      return;
    }
    const holdout = population.filter((i) => inHoldout(customers.ids[i]!, family));
    const training = population.filter((i) => !inHoldout(customers.ids[i]!, family));
    const { rows, weight } = sampleTraining(training, y, family);
    const labels = Uint8Array.from(rows, y);
    const fitted = fitLogistic(before.x, d, rows, labels, weight);

    const scratch = new Float64Array(d + 1);
    const heldOut = Float64Array.from(holdout, (i) => predict(fitted, before.x, d, i, scratch));
    const heldOutY = Uint8Array.from(holdout, y);

    const scoredRows = Int32Array.from(
      Array.from({ length: n }, (_, i) => i).filter((i) => (holdsToday[i]! & bit) === 0),
    );
    const p = Float64Array.from(scoredRows, (i) => predict(fitted, now.x, d, i, scratch));
    const reasons = Array.from(scoredRows, (i) => reasonCodes(fitted, now.x, d, i, scratch));
    scores.set(family, { rows: scoredRows, p, score: percentileScores(p), reasons });

    models.push({
      family,
      trained_at: new Date().toISOString(),
      actor: options.actor,
      as_of: asOf,
      window_start: windowStart,
      population: population.length,
      openers,
      holdout: holdout.length,
      holdout_openers: heldOutY.reduce((sum, v) => sum + v, 0),
      auc: areaUnderCurve(heldOut, heldOutY),
      deciles: liftByDecile(heldOut, heldOutY),
      features: before.specs
        .map((s, j) => ({ key: s.key, label: s.label, weight: fitted.beta[j + 1]! }))
        .filter((s) => s.weight !== 0 && s.key !== `holds:${family}`)
        .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)),
      scored: scoredRows.length,
      specs: before.specs,
      fitted: { mean: Array.from(fitted.mean), sd: Array.from(fitted.sd), beta: Array.from(fitted.beta) },
    });
  });

  progress('Saving the scores', steps - 1, steps);
  const insert = db.prepare(
    'INSERT INTO product_scores (family, customer_id, score, probability, reasons) VALUES (?, ?, ?, ?, ?)',
  );
  const saveModel = db.prepare(
    `INSERT INTO score_models (family, trained_at, actor, model) VALUES (?, ?, ?, ?)
     ON CONFLICT (family) DO UPDATE SET trained_at = excluded.trained_at, actor = excluded.actor, model = excluded.model`,
  );
  db.transaction(() => {
    for (const family of families) {
      db.prepare('DELETE FROM product_scores WHERE family = ?').run(family);
      db.prepare('DELETE FROM score_models WHERE family = ?').run(family);
    }
    for (const model of models) {
      saveModel.run(model.family, model.trained_at, model.actor, JSON.stringify(model));
      const s = scores.get(model.family)!;
      s.rows.forEach((row, k) => insert.run(model.family, customers.ids[row]!, s.score[k]!, s.p[k]!, s.reasons[k]!));
    }
    audit(db, {
      actor: options.actor,
      action: 'scores.train',
      entity: 'scores',
      detail: {
        as_of: asOf,
        window_start: windowStart,
        models: models.map((m) => ({ family: m.family, auc: m.auc, openers: m.openers, scored: m.scored })),
        skipped: skipped.map((s) => s.family),
      },
    });
  })();
  progress('Saving the scores', steps, steps);
  return { as_of: asOf, window_start: windowStart, models: models.map(summary), skipped, notes };
}

/** The model as the screens and the CLI show it (without the fitted numbers). */
export function summary(model: StoredModel): ScoreModel {
  const { specs: _specs, fitted: _fitted, ...shown } = model;
  return shown;
}

/** One customer in four, the same one each run, set aside per family (FNV-1a of id and family). */
export const inHoldout = (customerId: number, family: string): boolean => fnv(`${customerId}/${family}`) % 4 === 0;

/**
 * The rows to learn from: all of them up to MAX_TRAINING_ROWS; above it, every opener (up to
 * half the rows) and a fixed sample of the others, each weighing for those left out.
 */
function sampleTraining(
  training: number[],
  y: (i: number) => number,
  family: string,
): { rows: Int32Array; weight: Float64Array } {
  if (training.length <= MAX_TRAINING_ROWS) {
    return { rows: Int32Array.from(training), weight: new Float64Array(training.length).fill(1) };
  }
  const positives = training.filter((i) => y(i) === 1);
  const negatives = training.filter((i) => y(i) === 0);
  const keep = (list: number[], count: number) =>
    list.length <= count
      ? list
      : list
          .map((i) => ({ i, key: fnv(`${i}:${family}`) }))
          .sort((a, b) => a.key - b.key)
          .slice(0, count)
          .map((r) => r.i);
  const pos = keep(positives, MAX_TRAINING_ROWS / 2);
  const neg = keep(negatives, MAX_TRAINING_ROWS - pos.length);
  const rows = Int32Array.from([...pos, ...neg]);
  const weight = Float64Array.from(rows, (_, k) =>
    k < pos.length ? positives.length / pos.length : negatives.length / neg.length,
  );
  return { rows, weight };
}

/** FNV-1a: a fixed hash, so the same customers are set aside and sampled each run. */
function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (const ch of text) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** The features pushing this customer's chance up most: "j+" (above most) or "j-" (below), comma-separated. */
function reasonCodes(model: FittedModel, x: Float64Array, d: number, row: number, scratch: Float64Array): string {
  predict(model, x, d, row, scratch); // fills scratch with the standardized row
  const pushes: { j: number; push: number; above: boolean }[] = [];
  for (let j = 0; j < d; j++) {
    const push = model.beta[j + 1]! * scratch[j + 1]!;
    if (push >= MIN_REASON) pushes.push({ j, push, above: scratch[j + 1]! > 0 });
  }
  return pushes
    .sort((a, b) => b.push - a.push)
    .slice(0, REASONS)
    .map((r) => `${r.j}${r.above ? '+' : '-'}`)
    .join(',');
}
