/**
 * The plan: products' economics, offers, the cross-sell matrix (audiences × months) and month
 * runs with their control groups and keycodes (see src-main/plan/).
 */
import type { ProductFamily } from './domain';

/** What one new account of a product is worth (for projections and ROMI). */
export interface ProductEconomics {
  code: string;
  name: string;
  family: ProductFamily;
  /** Dollars. */
  average_balance: number;
  /** Annual spread or net interest margin, in percent. */
  spread_percent: number;
  /** Dollars a year. */
  annual_fee: number;
  life_months: number;
  /** Dollars to open one. */
  acquisition_cost: number;
}

export const CHANNELS = ['mail', 'email', 'banner', 'branch'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Offer {
  id: number;
  code: string;
  product_code: string;
  name: string;
  headline: string;
  /** The letter's offer paragraph (Handlebars merge fields allowed). */
  body: string;
  incentive: string;
  response_days: number;
  /** The channels used, each with its cost per piece in dollars. */
  channels: Partial<Record<Channel, number>>;
  template_id: number | null;
  /** Deposit offers: the APY quoted (percent), which brings its required wording. */
  apy: number | null;
  /** A prescreened credit offer: the FCRA opt-out notice is printed. */
  prescreened: boolean;
  /** The notices the product needs, in print order (worked out from the product and the offer). */
  disclosures: string[];
}

export interface LetterTemplate {
  id: number;
  name: string;
  body: string;
}

export interface PlanCell {
  month: string;
  audience_id: number;
  offer_id: number;
}

export interface PlanRow {
  audience_id: number;
  audience: string;
  priority: number;
  /** The approved version a run would use (null: none approved, the row cannot run). */
  approved_version: number | null;
}

/** One cell of a month run: who the audience selected, who gets the piece, who is held out. */
export interface RunCell {
  audience: string;
  offer: string;
  eligible: number;
  mailed: number;
  control: number;
}

export interface RunStep {
  step: string;
  removed: number;
  remaining: number;
}

export interface RunSummary {
  run_id: number;
  month: string;
  status: 'review' | 'final';
  cells: RunCell[];
  waterfall: RunStep[];
  files: string[];
}

export interface RunRecipient {
  customer_id: number;
  household_id: number;
  audience: string;
  offer: string;
  group: 'mailed' | 'control';
  keycode: string;
}

/** A recipient as the screens list them: with the customer's number and name. */
export interface RecipientRow extends RunRecipient {
  customer_number: string;
  name: string;
}

/** The merge fields a template may use; `kli.<id>` takes any KLI id. */
export const MERGE_FIELDS = [
  'salutation',
  'date',
  'keycode',
  'customer.first_name',
  'customer.last_name',
  'customer.full_name',
  'customer.customer_number',
  'customer.city',
  'customer.state',
  'household.names',
  'household.size',
  'offer.code',
  'offer.name',
  'offer.headline',
  'offer.body',
  'offer.incentive',
  'offer.apy',
  'offer.respond_by',
  'offer.response_days',
  'product.code',
  'product.name',
  'bank.name',
  'bank.short_name',
] as const;

export const DEFAULT_CONTROL_SHARE = 0.1;

export interface PlanSettings {
  start_month: string | null;
  months: number;
  /** Share of each cell held out as the control group (0–0.5). */
  control_share: number;
  /** Offers a household may get in a month (1–3). */
  offers_per_household: number;
  /** The year's budget in dollars (null: none set). */
  budget: number | null;
}

export interface PlanView {
  months: string[];
  rows: PlanRow[];
  cells: PlanCell[];
  offers: Offer[];
  templates: LetterTemplate[];
  economics: ProductEconomics[];
  settings: PlanSettings;
  /** Audiences with an approved version: the ones a row can be added for. */
  audiences: { id: number; name: string }[];
}

export interface CellProjection {
  month: string;
  audience_id: number;
  offer_id: number;
  pieces: number;
  /** Dollars. */
  cost: number;
  response_rate: number;
  /** Whether the rate comes from the bank's own past results (this offer's, or its family's). */
  rate_from_results: boolean;
  /**
   * Where the rate comes from, best first: this offer's past results, its product family's,
   * an imported history of a past campaign (the baseline), or the usual rate for the family.
   */
  rate_source: 'offer' | 'family' | 'history' | 'usual';
  /** The rate's basis in words, e.g. "measured on 1,240 pieces mailed in Nov 2026 and Feb 2027". */
  rate_basis: string;
  /** Households held out as the control group. */
  control: number;
  /**
   * The control group needed to prove, at 95% confidence with 80% power, that the letter
   * doubles the response (controls responding at half the expected rate); null if it cannot.
   */
  control_needed: number | null;
  /** The holdout is smaller than control_needed: the cell's result will not prove anything. */
  holdout_too_small: boolean;
  responses: number;
  /** Dollars: value of the accounts opened over their life, less what opening them costs. */
  return: number;
}

export interface PlanProjection {
  cells: CellProjection[];
  months: { month: string; pieces: number; cost: number; responses: number; return: number }[];
  year: { pieces: number; cost: number; responses: number; return: number; budget: number | null };
}

export interface PlanOverlap {
  /** The planned audiences in priority order, with the households each would mail today. */
  audiences: { audience_id: number; name: string; households: number }[];
  /** Households two audiences share (each pair once, earlier priority first). */
  pairs: { a: number; b: number; households: number }[];
}
