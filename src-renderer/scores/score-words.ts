/**
 * The next-product scores in a marketer's words: how good a model is, what its top tenth
 * finds, and what it reads of a customer. Pure, so the screens and the tests share it.
 */
import { FAMILY_INFO, type ProductFamily } from '../../src-shared/domain';
import type { ScoreFeature, ScoreModel } from '../../src-shared/scores';
import { formatInt } from '../lib/format';

export const familyLabel = (family: ProductFamily): string => FAMILY_INFO[family].label;

/** The score from which "Build an audience from the top scores" selects: about the top fifth. */
export const TOP_SCORE = 81;

/** How many of the strongest features the detail names. */
export const FEATURES_SHOWN = 8;

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The AUC's verdict, judged on the figure as shown (0.795 shows as 0.80 and reads "strong"). */
export function aucWord(auc: number): 'strong' | 'good' | 'fair' | 'weak' {
  const shown = Math.round(auc * 100) / 100;
  if (shown >= 0.8) return 'strong';
  if (shown >= 0.7) return 'good';
  if (shown >= 0.6) return 'fair';
  return 'weak';
}

/** "0.83 · strong", or why there is no figure. */
export function aucWords(auc: number | null): string {
  return auc === null ? 'not enough holdout data' : `${twoDecimals.format(auc)} · ${aucWord(auc)}`;
}

/** "412 of 20,684": who opened one in the window, of those who did not have one at its start. */
export const openedWords = (model: ScoreModel): string =>
  `${formatInt(model.openers)} of ${formatInt(model.population)}`;

export const formatLift = (lift: number): string => `${oneDecimal.format(lift)}×`;
export const formatPercent = (share: number, digits = 0): string =>
  `${(share * 100).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;

/** "3.2× · 41% of openers": the top tenth of the holdout against the average, and its catch. */
export function topTenthWords(model: ScoreModel): string {
  const top = model.deciles.find((d) => d.decile === 1);
  return top ? `${formatLift(top.lift)} · ${formatPercent(top.captured)} of openers` : '—';
}

/** The holdout's opening rate: what mailing at random would find. */
export const averageRate = (model: ScoreModel): number =>
  model.holdout > 0 ? model.holdout_openers / model.holdout : 0;

/**
 * A feature as the trait of a customer with more of it than most: "Holds mortgage", "Older than
 * most". Which way it pushes is said by the list it sits in (raises or lowers the chance).
 */
export function traitWords(feature: ScoreFeature): string {
  if (feature.key.startsWith('holds:')) return `Holds ${feature.label}`;
  if (feature.key.startsWith('kli:')) return feature.label;
  switch (feature.key) {
    case 'accounts':
      return 'More accounts than most';
    case 'tenure':
      return 'A customer longer than most';
    case 'age':
      return 'Older than most';
    case 'age_unknown':
      return 'Age not on file';
    case 'deposits':
      return 'More in deposits than most';
    case 'loans':
      return 'Owes more than most';
    default:
      return feature.label.charAt(0).toUpperCase() + feature.label.slice(1);
  }
}

/** The strongest features, split by the way they push the chance of opening. */
export function splitFeatures(
  features: readonly ScoreFeature[],
  shown = FEATURES_SHOWN,
): { raises: ScoreFeature[]; lowers: ScoreFeature[] } {
  const strongest = [...features].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, shown);
  return { raises: strongest.filter((f) => f.weight > 0), lowers: strongest.filter((f) => f.weight < 0) };
}
