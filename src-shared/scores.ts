/**
 * Next-product scores: for each product family, how likely a customer who does not hold it is
 * to open it next, learned from the bank's own openings (see src-main/scores/).
 */
import type { ProductFamily } from './domain';

/** One tenth of the holdout, highest scores first: who opened, against everyone. */
export interface ScoreDecile {
  /** 1 = the tenth with the highest scores. */
  decile: number;
  customers: number;
  openers: number;
  /** Openers / customers. */
  rate: number;
  /** The decile's rate over the whole holdout's rate (1 = no better than mailing at random). */
  lift: number;
  /** Share of all the holdout's openers found in this decile and the ones above it. */
  captured: number;
}

/** What the model reads of a customer, and how much it weighs (per standard deviation). */
export interface ScoreFeature {
  key: string;
  label: string;
  weight: number;
}

export interface ScoreModel {
  family: ProductFamily;
  trained_at: string;
  actor: string;
  /** The data's last date; the openings counted are those after window_start up to it. */
  as_of: string;
  window_start: string;
  /** Customers at window_start without the product, and those of them who opened it since. */
  population: number;
  openers: number;
  /** Set aside (one in four), never used to learn: the quality figures come from them. */
  holdout: number;
  holdout_openers: number;
  /** Area under the ROC curve on the holdout: 0.5 is a coin toss, 1 is perfect. Null when it cannot be told. */
  auc: number | null;
  deciles: ScoreDecile[];
  /** The strongest features first. */
  features: ScoreFeature[];
  /** Customers scored (those without the product today). */
  scored: number;
}

export interface ScoreSkipped {
  family: ProductFamily;
  reason: string;
}

export interface ScoreTrainResult {
  as_of: string;
  window_start: string;
  models: ScoreModel[];
  skipped: ScoreSkipped[];
  /** What the user should know about this run (KLIs left out, …). */
  notes: string[];
}

/** Why a customer scores high: a feature and which way it pushes. */
export interface ScoreReason {
  key: string;
  /** In words: "Holds a mortgage", "More deposits than most". */
  label: string;
}

export interface CustomerScore {
  family: ProductFamily;
  /** 1–100: the customer's rank among everyone scored for this family (100 = most likely). */
  score: number;
  /** The model's chance that they open it within a window's length. */
  probability: number;
  reasons: ScoreReason[];
}

/**
 * Openings counted over the last 6 months: the features are read at the window's start, and the
 * KLIs there need months of history before it.
 */
export const DEFAULT_SCORE_WINDOW_MONTHS = 6;
