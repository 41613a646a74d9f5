/**
 * What the measure side returns: a campaign's report (cells, totals, data quality, the response
 * curve, the funnel), the responses matched back, and the imports that brought them.
 */

export const ATTRIBUTIONS = ['last', 'first', 'equal'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const ATTRIBUTION_WORDS: Record<Attribution, string> = {
  last: 'last touch: the most recent drop before the response gets it',
  first: 'first touch: the earliest drop whose window holds the response gets it',
  equal: 'equal split: every drop whose window holds the response gets an equal share',
};

export const METHOD =
  'Lift = mailed response rate − control response rate; 95% Wald interval (unpooled standard error); p-value from the two-sided two-proportion z-test (pooled standard error).';

/** How each figure is worked out, for the screens' hover and the exported report. */
export const FORMULAS: Record<string, string> = {
  rate_mailed: 'responders among the mailed ÷ pieces mailed',
  rate_control: 'responders among the held out ÷ households held out',
  lift: 'rate mailed − rate control (the incremental response rate)',
  lift_ci: 'lift ± 1.96 × √(rm(1−rm)/mailed + rc(1−rc)/control)',
  p_value: 'two-sided z-test: z = lift ÷ √(p(1−p)(1/mailed + 1/control)), p the pooled rate',
  incremental_responses: 'lift × pieces mailed',
  incremental_balance: '(balances of mailed responders ÷ mailed − balances of control responders ÷ control) × mailed',
  cost: 'pieces mailed × the offer’s mail cost a piece',
  margin:
    'incremental balance × spread × life in years + incremental accounts × (annual fee × life in years − acquisition cost)',
  romi: '(margin − cost) ÷ cost',
  payback_months:
    '(cost + incremental accounts × acquisition cost) ÷ monthly margin (incremental balance × spread ÷ 12 + incremental accounts × annual fee ÷ 12)',
  break_even_rate: 'the lift at which the margin equals the cost: cost ÷ (mailed × an account’s value over its life)',
  scenarios:
    'conservative, expected and aggressive ROMI take the lift at the interval’s low end, its estimate, and its high end',
};

export interface CellFigures {
  mailed: number;
  control: number;
  responders_mailed: number;
  responders_control: number;
  direct_mailed: number;
  indirect_mailed: number;
  direct_control: number;
  indirect_control: number;
  rate_mailed: number | null;
  rate_control: number | null;
  lift: number | null;
  lift_ci_low: number | null;
  lift_ci_high: number | null;
  p_value: number | null;
  incremental_responses: number | null;
  balance_mailed_cents: number;
  balance_control_cents: number;
  incremental_balance_cents: number | null;
  cost_cents: number;
  margin_cents: number | null;
  /** The margin a month once the accounts are open (for the payback). */
  monthly_margin_cents: number | null;
  /** The cost plus opening the incremental accounts: what the payback pays back. */
  upfront_cents: number | null;
  romi: number | null;
  payback_months: number | null;
  break_even_rate: number | null;
  scenarios: { conservative: number | null; expected: number | null; aggressive: number | null };
}

export interface CellResult extends CellFigures {
  audience: string;
  offer: string;
}

export interface CampaignReport {
  run_id: number;
  month: string;
  drop_date: string;
  status: 'review' | 'final';
  attribution: Attribution;
  attribution_words: string;
  method: string;
  cells: CellResult[];
  totals: CellFigures;
  quality: {
    /** Responses matched (or confirmed) to this run's households. */
    responses: number;
    /** Of those, dated outside every window of a drop that touched the household. */
    outside_window: number;
    /** Of those, for a kind of product the household held at the drop. */
    already_held: number;
    /** Of those, given to another campaign by the attribution rule. */
    other_campaigns: number;
    /** Matches by name and address waiting for the user, and responses not matched (all imports). */
    doubtful: number;
    unmatched: number;
    match_rate: number | null;
  };
  /** Mailed → responded → funded (a balance above zero) → active (a transaction in its first 60 days). */
  funnel: Record<'mailed' | 'control', { pieces: number; responded: number; funded: number; active: number }>;
  /**
   * Balance growth of the relationships households already had at the drop, from the balance
   * snapshots: average per household from the drop to 90 days after; null without later snapshots.
   */
  balance_growth: { mailed_cents: number; control_cents: number; difference_cents: number; as_of: string } | null;
  /** The branch the report is limited to, if any. */
  branch: string | null;
  /** Response rate by day since the drop, cumulative, per group (for the dashboard's curve). */
  by_day: { day: number; mailed: number; control: number }[];
}

export type MatchStatus = 'matched' | 'doubtful' | 'confirmed' | 'rejected' | 'unmatched';
export type MatchRule = 'customer_number' | 'account_number' | 'keycode' | 'household' | 'name_address';

export interface ResponseRow {
  id: number;
  import_id: number;
  row: number;
  kind: string;
  response_date: string;
  customer_number: string | null;
  name: string | null;
  product_code: string | null;
  family: string | null;
  keycode: string | null;
  customer_id: number | null;
  household_id: number | null;
  match_rule: MatchRule | null;
  match_score: number | null;
  match_status: MatchStatus;
  note: string | null;
  /** The response's own street address and ZIP code, when the file gave them. */
  address: string | null;
  zip: string | null;
  /** The customer matched: name and address as the bank has them (to compare with the response's). */
  matched_name: string | null;
  matched_address: string | null;
}

export interface ResponseImportResult {
  import_id: number;
  /** Data rows read from the file. */
  rows: number;
  /** Rows dated before the drop: accounts already open, not responses. */
  not_responses: number;
  /** Responses matched to a household mailed or held out (rule and score kept). */
  matched: number;
  /** Responses whose fuzzy match waits for the user's confirmation. */
  doubtful: number;
  /** Responses not matched (doubtful ones included until confirmed). */
  unmatched: number;
  /** matched ÷ responses (rows less not_responses); 0 with no responses. */
  match_rate: number;
}

export interface ResponseImport {
  id: number;
  file: string;
  profile: string;
  run_id: number | null;
  rows: number;
  not_responses: number;
  matched: number;
  unmatched: number;
  imported_at: string;
  imported_by: string;
}

/** A run's headline for the overview: its totals, for ROMI by campaign. */
export interface CampaignSummary {
  run_id: number;
  month: string;
  status: 'review' | 'final';
  responses: number;
  totals: CellFigures;
}
