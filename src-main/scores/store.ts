/**
 * Reading the next-product scores back: the models (for the scores screen and the CLI) and one
 * customer's scores with their reasons in words.
 */
import type { ProductFamily } from '../../src-shared/domain';
import type { CustomerScore, ScoreModel, ScoreReason } from '../../src-shared/scores';
import type { Db } from '../db/open';
import type { FeatureSpec } from './features';
import { summary, type StoredModel } from './train';

function storedModels(db: Db): StoredModel[] {
  return (db.prepare('SELECT model FROM score_models ORDER BY family').pluck().all() as string[]).map(
    (text) => JSON.parse(text) as StoredModel,
  );
}

export const listScoreModels = (db: Db): ScoreModel[] => storedModels(db).map(summary);

/** The families with scores, for the rule builder's score:<family> fields. */
export const scoredFamilies = (db: Db): ProductFamily[] =>
  db.prepare('SELECT family FROM score_models ORDER BY family').pluck().all() as ProductFamily[];

/** How a feature reads as a reason, the customer being above (or below) most. */
export function reasonLabel(spec: FeatureSpec, above: boolean): string {
  if (spec.key.startsWith('holds:')) return above ? `Holds ${spec.label}` : `No ${spec.label}`;
  if (spec.key.startsWith('kli:')) return above ? spec.label : `Not “${spec.label}”`;
  switch (spec.key) {
    case 'accounts':
      return above ? 'More accounts than most' : 'Fewer accounts than most';
    case 'tenure':
      return above ? 'A customer longer than most' : 'A newer customer than most';
    case 'age':
      return above ? 'Older than most' : 'Younger than most';
    case 'age_unknown':
      return above ? 'Age not on file' : 'Age on file';
    case 'deposits':
      return above ? 'More in deposits than most' : 'Less in deposits than most';
    case 'loans':
      return above ? 'Owes more than most' : 'Owes less than most';
    default:
      return spec.label;
  }
}

/** Reason codes as stored ("3+,17-") in words. */
export function readReasons(codes: string, specs: readonly FeatureSpec[]): ScoreReason[] {
  if (!codes) return [];
  return codes.split(',').flatMap((code) => {
    const spec = specs[Number(code.slice(0, -1))];
    return spec ? [{ key: spec.key, label: reasonLabel(spec, code.endsWith('+')) }] : [];
  });
}

/** A customer's scores, best first, each with its reasons. */
export function customerScores(db: Db, customerId: number): CustomerScore[] {
  const specs = new Map(storedModels(db).map((m) => [m.family, m.specs]));
  const rows = db
    .prepare(
      'SELECT family, score, probability, reasons FROM product_scores WHERE customer_id = ? ORDER BY score DESC, family',
    )
    .all(customerId) as { family: ProductFamily; score: number; probability: number; reasons: string }[];
  return rows.map((r) => ({
    family: r.family,
    score: r.score,
    probability: r.probability,
    reasons: readReasons(r.reasons, specs.get(r.family) ?? []),
  }));
}
