/**
 * A campaign's results, cell by cell: who responded among the mailed and among the held out,
 * the lift (mailed rate minus control rate) with its 95% interval and p-value, the balances the
 * mail brought beyond what the controls did on their own, the cost, and the return on it.
 *
 * Responses count when matched (or confirmed), dated within the offer's response window after
 * a drop that touched the household, and for a kind of product the household did not already
 * hold at that drop. When several drops touched a household, the attribution rule decides:
 * last touch (the default), first touch, or an equal split among them.
 */
import type { ProductEconomics } from '../../src-shared/plan';
import { AppError } from '../app/errors';
import type { Db } from '../db/open';
import { listEconomics, listOffers } from '../plan/plan-store';
import { getRun } from '../plan/run-month';
import { twoProportions } from './stats';

import {
  ATTRIBUTIONS,
  ATTRIBUTION_WORDS,
  FORMULAS,
  METHOD,
  type Attribution,
  type CampaignReport,
  type CampaignSummary,
  type CellFigures,
  type CellResult,
} from '../../src-shared/measure';

export {
  ATTRIBUTIONS,
  ATTRIBUTION_WORDS,
  FORMULAS,
  METHOD,
  type Attribution,
  type CampaignReport,
  type CellFigures,
  type CellResult,
};

/**
 * How the balances households already held at the drop moved in the 90 days after, mailed
 * against control: each account's latest snapshot by day 90 less its latest by the drop.
 */
function balanceGrowth(db: Db, runId: number, drop: string, branch: string | null): CampaignReport['balance_growth'] {
  const after = addDays(drop, 90);
  const rows = db
    .prepare(
      `WITH hh AS (
         SELECT DISTINCT r.household_id, r.grp FROM run_recipients r JOIN customers c ON c.id = r.customer_id
         WHERE r.run_id = @run AND (@branch IS NULL OR c.branch_code = @branch)),
       acc AS (
         SELECT DISTINCT hh.grp, hh.household_id, a.id FROM hh JOIN customers c ON c.household_id = hh.household_id
         JOIN account_owners o ON o.customer_id = c.id JOIN accounts a ON a.id = o.account_id WHERE a.open_date < @drop),
       moved AS (
         SELECT acc.grp, acc.household_id,
           (SELECT s.balance_cents FROM balance_snapshots s WHERE s.account_id = acc.id AND s.as_of > @drop AND s.as_of <= @after ORDER BY s.as_of DESC LIMIT 1) AS later,
           (SELECT s.balance_cents FROM balance_snapshots s WHERE s.account_id = acc.id AND s.as_of <= @drop ORDER BY s.as_of DESC LIMIT 1) AS before,
           (SELECT max(s.as_of) FROM balance_snapshots s WHERE s.account_id = acc.id AND s.as_of > @drop AND s.as_of <= @after) AS as_of
         FROM acc)
       SELECT grp, (SELECT count(*) FROM hh WHERE hh.grp = moved.grp) AS households,
              sum(later - before) AS growth, max(as_of) AS as_of
       FROM moved WHERE later IS NOT NULL AND before IS NOT NULL GROUP BY grp`,
    )
    .all({ run: runId, branch, drop, after }) as { grp: string; households: number; growth: number; as_of: string }[];
  const mailed = rows.find((r) => r.grp === 'mailed');
  const control = rows.find((r) => r.grp === 'control');
  if (!mailed || !control) return null;
  const m = Math.round(mailed.growth / mailed.households);
  const c = Math.round(control.growth / control.households);
  return {
    mailed_cents: m,
    control_cents: c,
    difference_cents: m - c,
    as_of: mailed.as_of > control.as_of ? mailed.as_of : control.as_of,
  };
}

interface Piece {
  household_id: number;
  grp: 'mailed' | 'control';
  cell: number;
}

interface Touch {
  run_id: number;
  drop_date: string;
  end_date: string;
  family: string;
}

interface Response {
  id: number;
  household_id: number;
  response_date: string;
  family: string | null;
  account_number: string | null;
  balance_cents: number;
  active: number;
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** What one new account brings over its life, less the cost of opening it, in cents. */
function accountValueCents(e: ProductEconomics): number {
  const years = e.life_months / 12;
  return Math.round(
    (e.average_balance * (e.spread_percent / 100) * years + e.annual_fee * years - e.acquisition_cost) * 100,
  );
}

/** The money side of a cell, for a given lift (the estimate, or an end of its interval). */
function money(
  e: ProductEconomics | undefined,
  mailed: number,
  costCents: number,
  lift: number,
  incrementalBalance: number,
): { margin: number; monthly: number; upfront: number; romi: number | null; payback: number | null } | null {
  if (!e) return null;
  const years = e.life_months / 12;
  const spread = e.spread_percent / 100;
  const accounts = lift * mailed;
  const margin = incrementalBalance * spread * years + accounts * (e.annual_fee * years - e.acquisition_cost) * 100;
  const monthly = (incrementalBalance * spread) / 12 + (accounts * e.annual_fee * 100) / 12;
  const upfront = costCents + Math.max(0, accounts) * e.acquisition_cost * 100;
  return {
    margin: Math.round(margin),
    monthly: Math.round(monthly),
    upfront: Math.round(upfront),
    romi: costCents > 0 ? (margin - costCents) / costCents : null,
    payback: paybackMonths(upfront, monthly),
  };
}

const paybackMonths = (upfront: number, monthly: number) =>
  monthly > 0 ? Math.round((upfront / monthly) * 10) / 10 : null;

function figures(
  counts: {
    mailed: number;
    control: number;
    responders_mailed: number;
    responders_control: number;
    direct_mailed: number;
    indirect_mailed: number;
    direct_control: number;
    indirect_control: number;
    balance_mailed_cents: number;
    balance_control_cents: number;
    cost_cents: number;
  },
  economics: ProductEconomics | undefined,
): CellFigures {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const test = twoProportions(counts.responders_mailed, counts.mailed, counts.responders_control, counts.control);
  const perMailed = counts.mailed > 0 ? counts.balance_mailed_cents / counts.mailed : 0;
  const perControl = counts.control > 0 ? counts.balance_control_cents / counts.control : 0;
  const incremental = counts.control > 0 ? Math.round((perMailed - perControl) * counts.mailed) : null;
  const at = (lift: number | null) =>
    lift === null || incremental === null || !test
      ? null
      : money(
          economics,
          counts.mailed,
          counts.cost_cents,
          lift,
          // The balance scales with the lift taken (a scenario's responders bring the same balance each).
          test.difference === 0 ? incremental : (incremental * lift) / test.difference,
        );
  const expected = at(test?.difference ?? null);
  const value = economics ? accountValueCents(economics) : 0;
  return {
    ...counts,
    responders_mailed: round(counts.responders_mailed),
    responders_control: round(counts.responders_control),
    direct_mailed: round(counts.direct_mailed),
    indirect_mailed: round(counts.indirect_mailed),
    direct_control: round(counts.direct_control),
    indirect_control: round(counts.indirect_control),
    rate_mailed: counts.mailed > 0 ? counts.responders_mailed / counts.mailed : null,
    rate_control: counts.control > 0 ? counts.responders_control / counts.control : null,
    lift: test?.difference ?? null,
    lift_ci_low: test?.ci_low ?? null,
    lift_ci_high: test?.ci_high ?? null,
    p_value: test?.p_value ?? null,
    incremental_responses: test ? round(test.difference * counts.mailed) : null,
    incremental_balance_cents: incremental,
    margin_cents: expected?.margin ?? null,
    monthly_margin_cents: expected?.monthly ?? null,
    upfront_cents: expected?.upfront ?? null,
    romi: expected?.romi ?? null,
    payback_months: expected?.payback ?? null,
    break_even_rate: value > 0 && counts.mailed > 0 ? counts.cost_cents / (counts.mailed * value) : null,
    scenarios: {
      conservative: at(test?.ci_low ?? null)?.romi ?? null,
      expected: expected?.romi ?? null,
      aggressive: at(test?.ci_high ?? null)?.romi ?? null,
    },
  };
}

export interface ReportOptions {
  attribution?: Attribution;
  /** Only the households whose letter went to a customer of this branch. */
  branch?: string | null;
}

export function campaignReport(db: Db, runId: number, options: ReportOptions | Attribution = {}): CampaignReport {
  const { attribution = 'last', branch = null } = typeof options === 'string' ? { attribution: options } : options;
  if (!ATTRIBUTIONS.includes(attribution))
    throw new AppError('invalid_input', `Attribution is one of ${ATTRIBUTIONS.join(', ')}, not "${attribution}".`);
  const run = getRun(db, runId);
  const offers = new Map(listOffers(db).map((o) => [o.id, o]));
  const economics = new Map(listEconomics(db).map((e) => [e.code, e]));
  const cellRows = db
    .prepare(
      `SELECT DISTINCT r.audience_id, r.offer_id, a.name AS audience FROM run_recipients r
       JOIN audiences a ON a.id = r.audience_id WHERE r.run_id = ?`,
    )
    .all(runId) as { audience_id: number; offer_id: number; audience: string }[];
  // Cells in the order the run lists them.
  const order = run.summary.cells.map((c) => `${c.audience}|${c.offer}`);
  cellRows.sort(
    (a, b) =>
      order.indexOf(`${a.audience}|${offers.get(a.offer_id)?.code}`) -
      order.indexOf(`${b.audience}|${offers.get(b.offer_id)?.code}`),
  );
  const cellIndex = new Map(cellRows.map((c, i) => [`${c.audience_id}|${c.offer_id}`, i]));
  const pieces = (
    db
      .prepare(
        `SELECT r.household_id, r.grp, r.audience_id, r.offer_id FROM run_recipients r
         JOIN customers c ON c.id = r.customer_id WHERE r.run_id = @run AND (@branch IS NULL OR c.branch_code = @branch)`,
      )
      .all({ run: runId, branch }) as {
      household_id: number;
      grp: 'mailed' | 'control';
      audience_id: number;
      offer_id: number;
    }[]
  ).map((p): Piece => ({
    household_id: p.household_id,
    grp: p.grp,
    cell: cellIndex.get(`${p.audience_id}|${p.offer_id}`)!,
  }));

  // Every drop that touched these households: this run's, and every final run's.
  const touches = new Map<number, Touch[]>();
  for (const t of db
    .prepare(
      `SELECT r.run_id, r.household_id, runs.drop_date, o.response_days, p.family
       FROM run_recipients r JOIN runs ON runs.id = r.run_id JOIN offers o ON o.id = r.offer_id
       JOIN products p ON p.code = o.product_code
       WHERE (runs.status = 'final' OR runs.id = @run)
         AND r.household_id IN (SELECT household_id FROM run_recipients WHERE run_id = @run)`,
    )
    .all({ run: runId }) as {
    run_id: number;
    household_id: number;
    drop_date: string;
    response_days: number;
    family: string;
  }[]) {
    const list = touches.get(t.household_id) ?? [];
    list.push({
      run_id: t.run_id,
      drop_date: t.drop_date,
      end_date: addDays(t.drop_date, t.response_days),
      family: t.family,
    });
    touches.set(t.household_id, list);
  }

  // Responses matched to these households, each account once (a file imported twice counts once).
  const seen = new Set<string>();
  const responses: Response[] = [];
  for (const r of db
    .prepare(
      `SELECT r.id, r.household_id, r.response_date, r.family, r.kind, r.account_number, r.keycode, r.product_code,
              coalesce(r.balance_90_cents, r.balance_60_cents, r.balance_30_cents,
                       (SELECT s.balance_cents FROM accounts a JOIN balance_snapshots s ON s.account_id = a.id
                        WHERE a.account_number = r.account_number AND s.as_of <= date(r.response_date, '+90 days')
                        ORDER BY s.as_of DESC LIMIT 1),
                       r.opening_balance_cents,
                       (SELECT a.balance_cents FROM accounts a WHERE a.account_number = r.account_number), 0) AS balance_cents,
              EXISTS (SELECT 1 FROM accounts a JOIN transactions t ON t.account_id = a.id
                      WHERE a.account_number = r.account_number
                        AND t.posted_date BETWEEN r.response_date AND date(r.response_date, '+60 days')) AS active
       FROM responses r
       WHERE r.match_status IN ('matched', 'confirmed') AND r.kind IN ('account', 'keycode')
         AND r.household_id IN (SELECT household_id FROM run_recipients WHERE run_id = ?)
       ORDER BY r.import_id DESC, r.row`,
    )
    .all(runId) as (Response & { kind: string; keycode: string | null; product_code: string | null })[]) {
    const key = r.account_number
      ? `a|${r.account_number}`
      : r.keycode
        ? `k|${r.keycode}|${r.product_code}`
        : `r|${r.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    responses.push(r);
  }

  const held = db.prepare(
    `SELECT 1 FROM customers c JOIN account_owners o ON o.customer_id = c.id JOIN accounts a ON a.id = o.account_id
     JOIN products p ON p.code = a.product_code
     WHERE c.household_id = ? AND p.family = ? AND a.open_date < ? AND (a.close_date IS NULL OR a.close_date >= ?)
       AND a.account_number IS NOT ? LIMIT 1`,
  );

  type Credit = {
    responder: number;
    direct: number;
    indirect: number;
    balance: number;
    funded: boolean;
    active: boolean;
  };
  const credits = new Map<number, Credit>();
  const days: { day: number; grp: 'mailed' | 'control'; weight: number }[] = [];
  const group = new Map(pieces.map((p) => [p.household_id, p.grp]));
  const quality = { responses: responses.length, outside_window: 0, already_held: 0, other_campaigns: 0 };
  for (const r of responses) {
    const open = (touches.get(r.household_id) ?? [])
      .filter((t) => t.drop_date <= r.response_date && r.response_date <= t.end_date)
      .sort((a, b) => a.drop_date.localeCompare(b.drop_date) || a.run_id - b.run_id);
    if (open.length === 0) {
      quality.outside_window++;
      continue;
    }
    const chosen = attribution === 'last' ? [open.at(-1)!] : attribution === 'first' ? [open[0]!] : open;
    const weight = 1 / chosen.length;
    const mine = chosen.filter((t) => t.run_id === runId);
    if (mine.length === 0) {
      quality.other_campaigns++;
      continue;
    }
    // Several cells of this run may have touched the household (offers a household > 1): the
    // response is the household's, counted once; its direct or indirect kind is by any offer.
    const touch = mine[0]!;
    if (r.family && held.get(r.household_id, r.family, touch.drop_date, touch.drop_date, r.account_number)) {
      quality.already_held++;
      continue;
    }
    const share = weight * mine.length;
    const direct = mine.some((t) => t.family === r.family);
    const c = credits.get(r.household_id) ?? {
      responder: 0,
      direct: 0,
      indirect: 0,
      balance: 0,
      funded: false,
      active: false,
    };
    c.funded ||= r.balance_cents > 0;
    c.active ||= r.active === 1;
    c.responder = Math.max(c.responder, share);
    if (direct) c.direct = Math.max(c.direct, share);
    else c.indirect = Math.max(c.indirect, share);
    c.balance += r.balance_cents * share;
    credits.set(r.household_id, c);
    days.push({ day: daysBetween(touch.drop_date, r.response_date), grp: group.get(r.household_id)!, weight: share });
  }

  // Pieces per cell (a household in two cells of the run counts in each).
  const blank = () => ({
    mailed: 0,
    control: 0,
    responders_mailed: 0,
    responders_control: 0,
    direct_mailed: 0,
    indirect_mailed: 0,
    direct_control: 0,
    indirect_control: 0,
    balance_mailed_cents: 0,
    balance_control_cents: 0,
    cost_cents: 0,
  });
  const counts = cellRows.map(blank);
  for (const p of pieces) {
    const c = counts[p.cell]!;
    const credit = credits.get(p.household_id);
    if (p.grp === 'mailed') {
      c.mailed++;
      if (credit) {
        c.responders_mailed += credit.responder;
        c.direct_mailed += credit.direct;
        c.indirect_mailed += credit.indirect;
        c.balance_mailed_cents += Math.round(credit.balance);
      }
    } else {
      c.control++;
      if (credit) {
        c.responders_control += credit.responder;
        c.direct_control += credit.direct;
        c.indirect_control += credit.indirect;
        c.balance_control_cents += Math.round(credit.balance);
      }
    }
  }
  const cells = cellRows.map((cell, i): CellResult => {
    const offer = offers.get(cell.offer_id);
    const c = counts[i]!;
    c.cost_cents = Math.round(c.mailed * (offer?.channels.mail ?? 0) * 100);
    return {
      audience: cell.audience,
      offer: offer?.code ?? String(cell.offer_id),
      ...figures(c, offer ? economics.get(offer.product_code) : undefined),
    };
  });
  const sum = blank();
  for (const c of counts) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
  // The whole run's money side uses each cell's economics: its margin is the cells' sum.
  const totals = figures(sum, undefined);
  const total = (key: 'margin_cents' | 'monthly_margin_cents' | 'upfront_cents') =>
    cells.reduce<number | null>((s, c) => (c[key] === null || s === null ? null : s + c[key]), 0);
  const [margin, monthly, upfront] = [total('margin_cents'), total('monthly_margin_cents'), total('upfront_cents')];
  if (margin !== null && monthly !== null && upfront !== null && cells.length > 0) {
    totals.margin_cents = margin;
    totals.monthly_margin_cents = monthly;
    totals.upfront_cents = upfront;
    totals.romi = sum.cost_cents > 0 ? (margin - sum.cost_cents) / sum.cost_cents : null;
    totals.payback_months = paybackMonths(upfront, monthly);
    totals.scenarios.expected = totals.romi;
    // Each cell's margin is linear in its lift, so the run's margin at another lift scales the same way.
    const at = (lift: number | null) =>
      lift === null || !totals.lift || sum.cost_cents <= 0
        ? null
        : ((margin * lift) / totals.lift - sum.cost_cents) / sum.cost_cents;
    totals.scenarios.conservative = at(totals.lift_ci_low);
    totals.scenarios.aggressive = at(totals.lift_ci_high);
  }

  const imports = db
    .prepare(
      `SELECT count(*) FILTER (WHERE match_status IN ('matched', 'confirmed')) AS matched,
              count(*) FILTER (WHERE match_status = 'doubtful') AS doubtful,
              count(*) FILTER (WHERE match_status IN ('unmatched', 'rejected')) AS unmatched
       FROM responses WHERE import_id IN (SELECT id FROM response_imports WHERE run_id IS NULL OR run_id = ?)`,
    )
    .get(runId) as { matched: number; doubtful: number; unmatched: number };
  const all = imports.matched + imports.doubtful + imports.unmatched;

  const byDay: CampaignReport['by_day'] = [];
  let mailedSum = 0;
  let controlSum = 0;
  const last = Math.max(90, ...days.map((d) => d.day));
  days.sort((a, b) => a.day - b.day);
  let k = 0;
  for (let day = 0; day <= last; day++) {
    while (k < days.length && days[k]!.day <= day) {
      if (days[k]!.grp === 'mailed') mailedSum += days[k]!.weight;
      else controlSum += days[k]!.weight;
      k++;
    }
    byDay.push({
      day,
      mailed: sum.mailed > 0 ? mailedSum / sum.mailed : 0,
      control: sum.control > 0 ? controlSum / sum.control : 0,
    });
  }

  const funnel: CampaignReport['funnel'] = {
    mailed: { pieces: 0, responded: 0, funded: 0, active: 0 },
    control: { pieces: 0, responded: 0, funded: 0, active: 0 },
  };
  for (const [household, grp] of group) {
    const f = funnel[grp];
    f.pieces++;
    const credit = credits.get(household);
    if (!credit) continue;
    f.responded++;
    if (credit.funded) f.funded++;
    if (credit.active) f.active++;
  }

  return {
    run_id: runId,
    month: run.month,
    branch,
    funnel,
    balance_growth: balanceGrowth(db, runId, run.drop_date, branch),
    drop_date: run.drop_date,
    status: run.status,
    attribution,
    attribution_words: ATTRIBUTION_WORDS[attribution],
    method: METHOD,
    cells,
    totals,
    quality: {
      ...quality,
      doubtful: imports.doubtful,
      unmatched: imports.unmatched,
      match_rate: all === 0 ? null : imports.matched / all,
    },
    by_day: byDay,
  };
}

/** Every run with its totals, newest first: ROMI by campaign. */
export function campaignOverview(db: Db, attribution: Attribution = 'last'): CampaignSummary[] {
  const runs = db.prepare('SELECT id FROM runs ORDER BY month DESC, id DESC').pluck().all() as number[];
  return runs.map((id) => {
    const r = campaignReport(db, id, { attribution });
    return { run_id: id, month: r.month, status: r.status, responses: r.quality.responses, totals: r.totals };
  });
}
