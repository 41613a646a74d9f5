/**
 * What each cell of the matrix is expected to do: pieces (the audience's letters today with the
 * offer's product and suppressions, less the control group), their cost, the responses at the
 * expected rate (the offer's past response rate once results exist, else the family's usual
 * rate for a cross-sell letter), and the return those new accounts bring over their life.
 */
import type { ProductFamily } from '../../src-shared/domain';
import {
  type CellProjection,
  type Offer,
  type PlanOverlap,
  type PlanProjection,
  type ProductEconomics,
} from '../../src-shared/plan';
import { compileRule } from '../audience/compile';
import { activeSuppressions, countAudience, mailableWhere, ruleContext } from '../audience/count';
import type { Db } from '../db/open';
import { listEconomics, listOffers, planCells, planRows, planSettings } from './plan-store';
import { approvedVersion } from './run-month';
import { historyRates } from '../measure/history';
import { pastRates, type PastRate } from '../measure/past-rates';
import { controlSizeNeeded } from '../measure/stats';

/** Usual response to a cross-sell letter to existing customers, by family (a planning default). */
const USUAL_RESPONSE: Record<ProductFamily, number> = {
  checking: 0.015,
  savings: 0.02,
  money_market: 0.012,
  cd: 0.02,
  heloc: 0.008,
  mortgage: 0.004,
  auto: 0.006,
  credit_card: 0.01,
  personal_loan: 0.006,
  online_banking: 0.04,
  e_statements: 0.05,
};

/** What one new account brings over its life, less the cost of opening it (dollars). */
export function accountValue(e: ProductEconomics): number {
  const years = e.life_months / 12;
  return e.average_balance * (e.spread_percent / 100) * years + e.annual_fee * years - e.acquisition_cost;
}

const monthWords = (months: string[]) =>
  months
    .map((m) =>
      new Date(`${m}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    )
    .join(', ');
const measured = (r: PastRate, what: string) =>
  `${(r.rate * 100).toFixed(2)}%: ${what}, ${r.responders.toLocaleString('en-US')} of ${r.pieces.toLocaleString('en-US')} pieces mailed (${monthWords(r.months)})`;

/** The rate a cell is projected at, and where it comes from, best source first. */
export type RateChoice = Pick<CellProjection, 'response_rate' | 'rate_from_results' | 'rate_source' | 'rate_basis'>;
export function chooseRate(
  offerCode: string,
  family: ProductFamily,
  past: ReturnType<typeof pastRates>,
  history: ReturnType<typeof historyRates>,
): RateChoice {
  const offer = past.byOffer.get(offerCode);
  if (offer)
    return {
      response_rate: offer.rate,
      rate_from_results: true,
      rate_source: 'offer',
      rate_basis: measured(offer, `this offer's past results`),
    };
  const kind = past.byFamily.get(family);
  if (kind)
    return {
      response_rate: kind.rate,
      rate_from_results: true,
      rate_source: 'family',
      rate_basis: measured(kind, `past results of ${family.replace('_', ' ')} offers`),
    };
  const baseline = history.get(family);
  if (baseline)
    return {
      response_rate: baseline.rate,
      rate_from_results: false,
      rate_source: 'history',
      rate_basis: `${(baseline.rate * 100).toFixed(2)}%: the imported history "${baseline.name}", ${baseline.contacts.toLocaleString('en-US')} contacts`,
    };
  const usual = USUAL_RESPONSE[family] ?? 0.01;
  return {
    response_rate: usual,
    rate_from_results: false,
    rate_source: 'usual',
    rate_basis: `${(usual * 100).toFixed(2)}%: the usual response to a ${family.replace('_', ' ')} cross-sell letter (no results of the bank's own yet)`,
  };
}

/** Controls needed to prove the letter doubles the response (controls at half the rate). */
export function controlNeeded(rate: number, controlShare: number): number | null {
  if (!(controlShare > 0) || !(rate > 0)) return null;
  const needed = controlSizeNeeded(rate / 2, rate / 2, (1 - controlShare) / controlShare);
  return Number.isFinite(needed) ? needed : null;
}

export function projectPlan(db: Db, asOf: string): PlanProjection {
  const past = pastRates(db);
  const history = historyRates(db);
  const offers = new Map<number, Offer>(listOffers(db).map((o) => [o.id, o]));
  const economics = new Map(listEconomics(db).map((e) => [e.code, e]));
  const { control_share: controlShare, budget } = planSettings(db);
  const versions = new Map<number, ReturnType<typeof approvedVersion>>();
  const letters = new Map<string, number>();
  const cells: CellProjection[] = [];
  for (const cell of planCells(db)) {
    const offer = offers.get(cell.offer_id);
    if (!offer) continue;
    if (!versions.has(cell.audience_id)) versions.set(cell.audience_id, approvedVersion(db, cell.audience_id));
    const version = versions.get(cell.audience_id);
    const key = `${cell.audience_id}/${offer.product_code}`;
    if (!letters.has(key)) {
      letters.set(
        key,
        version
          ? countAudience(db, version.rule, { asOf, product: offer.product_code, off: version.suppressions_off })
              .households
          : 0,
      );
    }
    const households = letters.get(key)!;
    const control = Math.round(households * controlShare);
    const pieces = households - control;
    const e = economics.get(offer.product_code);
    const family = (e?.family ?? 'checking') as ProductFamily;
    const choice = chooseRate(offer.code, family, past, history);
    const responses = pieces * choice.response_rate;
    const needed = controlNeeded(choice.response_rate, controlShare);
    cells.push({
      ...cell,
      pieces,
      cost: pieces * (offer.channels.mail ?? 0),
      ...choice,
      responses,
      return: e ? responses * accountValue(e) : 0,
      control,
      control_needed: needed,
      holdout_too_small: households > 0 && (needed === null || control < needed),
    });
  }
  const byMonth = new Map<string, PlanProjection['months'][number]>();
  for (const c of cells) {
    const m = byMonth.get(c.month) ?? { month: c.month, pieces: 0, cost: 0, responses: 0, return: 0 };
    m.pieces += c.pieces;
    m.cost += c.cost;
    m.responses += c.responses;
    m.return += c.return;
    byMonth.set(c.month, m);
  }
  const months = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  const sum = (k: 'pieces' | 'cost' | 'responses' | 'return') => months.reduce((s, m) => s + m[k], 0);
  return {
    cells,
    months,
    year: {
      pieces: sum('pieces'),
      cost: sum('cost'),
      responses: sum('responses'),
      return: sum('return'),
      budget,
    },
  };
}

/**
 * How much the planned audiences overlap: the households each selects today (its approved
 * version, suppressions on, no product), and how many each pair shares. Shared households go to
 * the higher-priority row in a month both are planned.
 */
export function planOverlap(db: Db, asOf: string): PlanOverlap {
  // Rows whose audience has no approved version (retired since) are left out.
  const rows = planRows(db).flatMap((row) => {
    const version = approvedVersion(db, row.audience_id);
    return version ? [{ ...row, version }] : [];
  });
  const ctx = ruleContext(db, asOf);
  const sets = rows.map(({ version }) => {
    const options = { asOf, off: version.suppressions_off };
    const mailable = mailableWhere(compileRule(version.rule, ctx), activeSuppressions(db, asOf, options));
    return new Set(
      db
        .prepare(`SELECT DISTINCT c.household_id FROM customers c WHERE ${mailable.sql}`)
        .pluck()
        .all(...mailable.params) as number[],
    );
  });
  const pairs: PlanOverlap['pairs'] = [];
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      let shared = 0;
      for (const h of sets[i]!) if (sets[j]!.has(h)) shared++;
      pairs.push({ a: rows[i]!.audience_id, b: rows[j]!.audience_id, households: shared });
    }
  }
  return {
    audiences: rows.map((r, i) => ({ audience_id: r.audience_id, name: r.audience, households: sets[i]!.size })),
    pairs,
  };
}
