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

export const DEFAULT_CONTROL_SHARE = 0.1;
