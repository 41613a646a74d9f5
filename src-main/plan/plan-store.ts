/**
 * The plan's records: what each product is worth, offers with the notices their product needs,
 * letter templates, and the matrix (approved audiences in priority order × the plan's months).
 */
import { FAMILY_INFO, type ProductFamily } from '../../src-shared/domain';
import {
  DEFAULT_CONTROL_SHARE,
  type Channel,
  type LetterTemplate,
  type Offer,
  type PlanCell,
  type PlanRow,
  type PlanSettings,
  type ProductEconomics,
} from '../../src-shared/plan';
import { AppError } from '../app/errors';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../bank/stats';

/** Sensible starting figures per family, for a community bank (dollars, percent, months). */
const ECONOMICS_BY_FAMILY: Record<ProductFamily, Omit<ProductEconomics, 'code' | 'name' | 'family'>> = {
  checking: { average_balance: 3_000, spread_percent: 3, annual_fee: 60, life_months: 84, acquisition_cost: 150 },
  savings: { average_balance: 8_000, spread_percent: 2, annual_fee: 0, life_months: 72, acquisition_cost: 100 },
  money_market: { average_balance: 25_000, spread_percent: 1.5, annual_fee: 0, life_months: 60, acquisition_cost: 150 },
  cd: { average_balance: 20_000, spread_percent: 1.25, annual_fee: 0, life_months: 24, acquisition_cost: 100 },
  heloc: { average_balance: 40_000, spread_percent: 3.5, annual_fee: 50, life_months: 60, acquisition_cost: 400 },
  mortgage: { average_balance: 220_000, spread_percent: 1.75, annual_fee: 0, life_months: 84, acquisition_cost: 2_000 },
  auto: { average_balance: 25_000, spread_percent: 2.5, annual_fee: 0, life_months: 48, acquisition_cost: 300 },
  credit_card: { average_balance: 3_000, spread_percent: 9, annual_fee: 95, life_months: 48, acquisition_cost: 200 },
  personal_loan: { average_balance: 10_000, spread_percent: 5, annual_fee: 0, life_months: 36, acquisition_cost: 200 },
  online_banking: { average_balance: 0, spread_percent: 0, annual_fee: 24, life_months: 60, acquisition_cost: 10 },
  e_statements: { average_balance: 0, spread_percent: 0, annual_fee: 12, life_months: 60, acquisition_cost: 5 },
};

const cents = (dollars: number) => Math.round(dollars * 100);

/** Every product with its economics: the bank's own figures, else the family's defaults. */
export function listEconomics(db: Db): ProductEconomics[] {
  const rows = db
    .prepare(
      `SELECT p.code, p.name, p.family, e.average_balance_cents, e.spread_bps, e.annual_fee_cents, e.life_months,
              e.acquisition_cost_cents
       FROM products p LEFT JOIN product_economics e ON e.code = p.code ORDER BY p.family, p.code`,
    )
    .all() as {
    code: string;
    name: string;
    family: ProductFamily;
    average_balance_cents: number | null;
    spread_bps: number | null;
    annual_fee_cents: number | null;
    life_months: number | null;
    acquisition_cost_cents: number | null;
  }[];
  return rows.map((r) => {
    const defaults = ECONOMICS_BY_FAMILY[r.family] ?? ECONOMICS_BY_FAMILY.checking;
    return r.average_balance_cents === null
      ? { code: r.code, name: r.name, family: r.family, ...defaults }
      : {
          code: r.code,
          name: r.name,
          family: r.family,
          average_balance: r.average_balance_cents / 100,
          spread_percent: r.spread_bps! / 100,
          annual_fee: r.annual_fee_cents! / 100,
          life_months: r.life_months!,
          acquisition_cost: r.acquisition_cost_cents! / 100,
        };
  });
}

export function setEconomics(db: Db, e: Omit<ProductEconomics, 'name' | 'family'>, actor: string): ProductEconomics {
  const before = listEconomics(db).find((x) => x.code === e.code);
  if (!before) throw new AppError('not_found', `No product with the code "${e.code}".`);
  db.prepare(
    `INSERT INTO product_economics (code, average_balance_cents, spread_bps, annual_fee_cents, life_months,
       acquisition_cost_cents, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET average_balance_cents = excluded.average_balance_cents,
       spread_bps = excluded.spread_bps, annual_fee_cents = excluded.annual_fee_cents,
       life_months = excluded.life_months, acquisition_cost_cents = excluded.acquisition_cost_cents,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(
    e.code,
    cents(e.average_balance),
    Math.round(e.spread_percent * 100),
    cents(e.annual_fee),
    e.life_months,
    cents(e.acquisition_cost),
    new Date().toISOString(),
    actor,
  );
  const after = listEconomics(db).find((x) => x.code === e.code)!;
  audit(db, { actor, action: 'economics.set', entity: 'product', entity_id: e.code, detail: { before, after } });
  return after;
}

/** The notices printed on a letter for an offer, in order. */
export const DISCLOSURES = {
  fdic: 'Member FDIC.',
  equalHousing: 'Equal Housing Lender.',
  apy: (apy: number) =>
    `APY = Annual Percentage Yield. The ${apy.toFixed(2)}% APY is accurate as of the date of this letter and may ` +
    'change. A minimum balance may be required to obtain the APY. Fees could reduce earnings.',
  prescreen:
    'PRESCREEN & OPT-OUT NOTICE: This "prescreened" offer of credit is based on information in your credit report ' +
    'indicating that you meet certain criteria. This offer is not guaranteed if you do not meet our criteria. If you ' +
    'do not want to receive prescreened offers of credit from this and other companies, call the consumer reporting ' +
    'agencies toll-free, 1-888-5-OPT-OUT (1-888-567-8688), or visit www.optoutprescreen.com.',
};

export function disclosuresFor(family: ProductFamily, offer: { apy: number | null; prescreened: boolean }): string[] {
  const kind = FAMILY_INFO[family].kind;
  const notices: string[] = [];
  if (kind === 'deposit' && offer.apy !== null) notices.push(DISCLOSURES.apy(offer.apy));
  if (kind === 'loan' && offer.prescreened) notices.push(DISCLOSURES.prescreen);
  if (kind === 'deposit') notices.push(DISCLOSURES.fdic);
  if (family === 'heloc' || family === 'mortgage') notices.push(DISCLOSURES.equalHousing);
  return notices;
}

interface OfferRow {
  id: number;
  code: string;
  product_code: string;
  name: string;
  headline: string;
  body: string;
  incentive: string;
  response_days: number;
  channels: string;
  template_id: number | null;
  apy: number | null;
  prescreened: number;
  family: ProductFamily;
}

function toOffer(r: OfferRow): Offer {
  const channels = JSON.parse(r.channels) as Partial<Record<Channel, number>>;
  const offer = { apy: r.apy, prescreened: r.prescreened === 1 };
  return {
    id: r.id,
    code: r.code,
    product_code: r.product_code,
    name: r.name,
    headline: r.headline,
    body: r.body,
    incentive: r.incentive,
    response_days: r.response_days,
    channels,
    template_id: r.template_id,
    ...offer,
    disclosures: disclosuresFor(r.family, offer),
  };
}

export function listOffers(db: Db): Offer[] {
  return (
    db
      .prepare('SELECT o.*, p.family FROM offers o JOIN products p ON p.code = o.product_code ORDER BY o.code')
      .all() as OfferRow[]
  ).map(toOffer);
}

export type OfferInput = Omit<Offer, 'id' | 'disclosures'>;

/** Creates an offer, or replaces the one with the same code. */
export function saveOffer(db: Db, input: OfferInput, actor: string): Offer {
  if (!db.prepare('SELECT 1 FROM products WHERE code = ?').get(input.product_code))
    throw new AppError('invalid_input', `No product with the code "${input.product_code}".`);
  if (input.template_id !== null && !db.prepare('SELECT 1 FROM letter_templates WHERE id = ?').get(input.template_id))
    throw new AppError('invalid_input', `No letter template ${input.template_id}.`);
  const before = listOffers(db).find((o) => o.code === input.code) ?? null;
  db.prepare(
    `INSERT INTO offers (code, product_code, name, headline, body, incentive, response_days, channels, template_id,
       apy, prescreened, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET product_code = excluded.product_code, name = excluded.name,
       headline = excluded.headline, body = excluded.body, incentive = excluded.incentive,
       response_days = excluded.response_days, channels = excluded.channels, template_id = excluded.template_id,
       apy = excluded.apy, prescreened = excluded.prescreened, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run(
    input.code,
    input.product_code,
    input.name,
    input.headline,
    input.body,
    input.incentive,
    input.response_days,
    JSON.stringify(input.channels),
    input.template_id,
    input.apy,
    input.prescreened ? 1 : 0,
    new Date().toISOString(),
    actor,
  );
  const after = listOffers(db).find((o) => o.code === input.code)!;
  audit(db, {
    actor,
    action: before ? 'offer.update' : 'offer.create',
    entity: 'offer',
    entity_id: input.code,
    detail: { before, after },
  });
  return after;
}

export function listTemplates(db: Db): LetterTemplate[] {
  return db.prepare('SELECT id, name, body FROM letter_templates ORDER BY name').all() as LetterTemplate[];
}

export function saveTemplate(db: Db, name: string, body: string, actor: string): LetterTemplate {
  db.prepare(
    `INSERT INTO letter_templates (name, body, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(name, body, new Date().toISOString(), actor);
  const saved = db.prepare('SELECT id, name, body FROM letter_templates WHERE name = ?').get(name) as LetterTemplate;
  audit(db, { actor, action: 'template.save', entity: 'template', entity_id: String(saved.id), detail: { name } });
  return saved;
}

export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The plan's months: 12 (or the plan's length) from its first month. */
export function planMonths(db: Db): string[] {
  const start = getSetting(db, 'plan_start_month');
  if (!start || !isMonth(start)) return [];
  const length = Number(getSetting(db, 'plan_months') ?? 12) || 12;
  const [y, m] = start.split('-').map(Number) as [number, number];
  return Array.from({ length }, (_, i) => {
    const index = y * 12 + (m - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** The plan's settings as stored, with their defaults (10% control group, one offer a household). */
export function planSettings(db: Db): PlanSettings {
  const months = planMonths(db);
  const number = (key: string, fallback: number) => {
    const v = Number(getSetting(db, key));
    return getSetting(db, key) === null || !Number.isFinite(v) ? fallback : v;
  };
  const budget = getSetting(db, 'plan_budget');
  return {
    start_month: months[0] ?? null,
    months: months.length,
    control_share: number('plan_control_share', DEFAULT_CONTROL_SHARE),
    offers_per_household: number('plan_offers_per_household', 1),
    budget: budget === null ? null : Number(budget),
  };
}

export function setPlanMonths(db: Db, start: string, months: number, actor: string): string[] {
  if (!isMonth(start)) throw new AppError('invalid_input', `"${start}" is not a month: write YYYY-MM.`);
  if (!Number.isInteger(months) || months < 1 || months > 36)
    throw new AppError('invalid_input', `A plan runs 1 to 36 months, not ${months}.`);
  setSetting(db, 'plan_start_month', start);
  setSetting(db, 'plan_months', String(months));
  audit(db, { actor, action: 'plan.months', entity: 'plan', detail: { start, months } });
  return planMonths(db);
}

export function planRows(db: Db): PlanRow[] {
  return db
    .prepare(
      `SELECT r.audience_id, a.name AS audience, r.priority,
              (SELECT max(v.version) FROM audience_versions v WHERE v.audience_id = r.audience_id AND v.status = 'approved') AS approved_version
       FROM plan_rows r JOIN audiences a ON a.id = r.audience_id ORDER BY r.priority`,
    )
    .all() as PlanRow[];
}

export function planCells(db: Db): PlanCell[] {
  return db
    .prepare('SELECT month, audience_id, offer_id FROM plan_cells ORDER BY month, audience_id')
    .all() as PlanCell[];
}

/** Adds an audience as the last row; only audiences with an approved version can be planned. */
export function addPlanRow(db: Db, audienceId: number, actor: string): PlanRow[] {
  const approved = db
    .prepare("SELECT 1 FROM audience_versions WHERE audience_id = ? AND status = 'approved'")
    .get(audienceId);
  if (!approved)
    throw new AppError('invalid_input', `Audience ${audienceId} has no approved version: approve it first.`);
  db.prepare(
    'INSERT OR IGNORE INTO plan_rows (audience_id, priority) VALUES (?, (SELECT coalesce(max(priority), 0) + 1 FROM plan_rows))',
  ).run(audienceId);
  audit(db, { actor, action: 'plan.add-row', entity: 'plan', entity_id: String(audienceId) });
  return planRows(db);
}

/** The rows in this order (every planned audience, each once). */
export function reorderPlanRows(db: Db, audienceIds: readonly number[], actor: string): PlanRow[] {
  const before = planRows(db).map((r) => r.audience_id);
  if (before.length !== audienceIds.length || [...before].sort().join() !== [...audienceIds].sort().join())
    throw new AppError('invalid_input', 'Give every planned audience once, in the new order.');
  db.transaction(() => {
    db.prepare('UPDATE plan_rows SET priority = -priority').run();
    const set = db.prepare('UPDATE plan_rows SET priority = ? WHERE audience_id = ?');
    audienceIds.forEach((id, i) => set.run(i + 1, id));
    audit(db, { actor, action: 'plan.reorder', entity: 'plan', detail: { before, after: audienceIds } });
  })();
  return planRows(db);
}

/** Takes an audience off the plan: its row and its cells go, the rows below move up a place. */
export function removePlanRow(db: Db, audienceId: number, actor: string): PlanRow[] {
  const row = db.prepare('SELECT priority FROM plan_rows WHERE audience_id = ?').get(audienceId) as
    { priority: number } | undefined;
  if (!row) throw new AppError('invalid_input', `Audience ${audienceId} is not a row of the plan.`);
  db.transaction(() => {
    const cells = db.prepare('DELETE FROM plan_cells WHERE audience_id = ?').run(audienceId).changes;
    db.prepare('DELETE FROM plan_rows WHERE audience_id = ?').run(audienceId);
    // Two steps, as in reorderPlanRows: priority is unique, so the rows below go negative first.
    db.prepare('UPDATE plan_rows SET priority = -(priority - 1) WHERE priority > ?').run(row.priority);
    db.prepare('UPDATE plan_rows SET priority = -priority WHERE priority < 0').run();
    audit(db, {
      actor,
      action: 'plan.remove-row',
      entity: 'plan',
      entity_id: String(audienceId),
      detail: { priority: row.priority, cells_emptied: cells },
    });
  })();
  return planRows(db);
}

/** Puts an offer in a cell, or empties it (null). */
export function setPlanCell(
  db: Db,
  month: string,
  audienceId: number,
  offerId: number | null,
  actor: string,
): PlanCell[] {
  if (!isMonth(month)) throw new AppError('invalid_input', `"${month}" is not a month: write YYYY-MM.`);
  if (!db.prepare('SELECT 1 FROM plan_rows WHERE audience_id = ?').get(audienceId))
    throw new AppError('invalid_input', `Audience ${audienceId} is not a row of the plan.`);
  if (offerId === null) db.prepare('DELETE FROM plan_cells WHERE month = ? AND audience_id = ?').run(month, audienceId);
  else {
    if (!db.prepare('SELECT 1 FROM offers WHERE id = ?').get(offerId))
      throw new AppError('invalid_input', `No offer ${offerId}.`);
    db.prepare(
      `INSERT INTO plan_cells (month, audience_id, offer_id) VALUES (?, ?, ?)
       ON CONFLICT (month, audience_id) DO UPDATE SET offer_id = excluded.offer_id`,
    ).run(month, audienceId, offerId);
  }
  audit(db, {
    actor,
    action: 'plan.cell',
    entity: 'plan',
    detail: { month, audience_id: audienceId, offer_id: offerId },
  });
  return planCells(db);
}

/** The plan as `plan list` prints it: its months and each filled cell by name. */
export function planListing(db: Db): { months: string[]; cells: { month: string; audience: string; offer: string }[] } {
  const cells = db
    .prepare(
      `SELECT c.month, a.name AS audience, o.code AS offer FROM plan_cells c JOIN plan_rows r ON r.audience_id = c.audience_id
       JOIN audiences a ON a.id = c.audience_id JOIN offers o ON o.id = c.offer_id ORDER BY c.month, r.priority`,
    )
    .all() as { month: string; audience: string; offer: string }[];
  const months = planMonths(db);
  for (const c of cells) if (!months.includes(c.month)) months.push(c.month);
  return { months: months.sort(), cells };
}
