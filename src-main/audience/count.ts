/**
 * Counting an audience: the rule's eligible customers, then the waterfall of suppressions (each
 * step removes those the earlier steps left and it catches), then one letter per household.
 * One pass over the customers does it all: each customer is labelled with the first
 * suppression that catches them.
 */
import { FAMILY_INFO, isProductFamily } from '../../src-shared/domain';
import type { AudienceCount, RuleNode, WaterfallStep } from '../../src-shared/audience';
import { AppError } from '../app/errors';
import type { Db } from '../db/open';
import { listDefinitions } from '../kli/definitions';
import { compileRule, type RuleContext } from './compile';
import {
  DEFAULT_SUPPRESSION_SETTINGS,
  suppressionLibrary,
  type OfferedProduct,
  type SuppressionSettings,
} from './suppressions';

export interface CountOptions {
  /** YYYY-MM-DD; today by default. */
  asOf?: string | undefined;
  /** The product code offered (enables "already owns it" and the credit age limit). */
  product?: string | null | undefined;
  /** false: the rule alone, no suppressions and no household step. */
  suppressions?: boolean;
  /** Suppression ids turned off for this audience. */
  off?: readonly string[];
  settings?: Partial<Omit<SuppressionSettings, 'asOf' | 'product'>>;
}

/** Today as YYYY-MM-DD, in local time (the marketer's day). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The names a rule may use in this bank. */
export function ruleContext(db: Db, asOf: string): RuleContext {
  return {
    asOf,
    klis: new Set(listDefinitions(db).map((k) => k.id)),
    triggers: new Set(db.prepare('SELECT id FROM trigger_rules').pluck().all() as string[]),
    productCodes: new Set(db.prepare('SELECT code FROM products').pluck().all() as string[]),
  };
}

/** Loans, lines and cards: offers the credit age limit and the fair-lending check apply to. */
export const isCreditFamily = (family: string): boolean =>
  isProductFamily(family) && FAMILY_INFO[family].kind === 'loan';

export function offeredProduct(db: Db, code: string): OfferedProduct {
  const family = db.prepare('SELECT family FROM products WHERE code = ?').pluck().get(code) as string | undefined;
  if (family === undefined) {
    const codes = db.prepare('SELECT code FROM products ORDER BY code').pluck().all() as string[];
    throw new AppError(
      'invalid_input',
      `No product with the code "${code}" in this bank (it has ${codes.join(', ')}).`,
    );
  }
  return { code, credit: isCreditFamily(family) };
}

/** A count, details or explain query (as the API and the worker tasks take it) as the audience services' options. */
export function queryOptions(query: {
  as_of?: string | undefined;
  product_code: string | null;
  suppressions: boolean;
  suppressions_off: string[];
}): CountOptions {
  return {
    asOf: query.as_of,
    product: query.product_code,
    suppressions: query.suppressions,
    off: query.suppressions_off,
  };
}

export interface ActiveSuppression {
  id: string;
  label: string;
  sql: string;
  params: (string | number)[];
}

/**
 * The suppressions that apply, in waterfall order, each with its SQL condition (true: remove);
 * none when the options turn suppressions off.
 */
export function activeSuppressions(db: Db, asOf: string, options: CountOptions): ActiveSuppression[] {
  if (options.suppressions === false) return [];
  const settings: SuppressionSettings = {
    ...DEFAULT_SUPPRESSION_SETTINGS,
    ...options.settings,
    asOf,
    product: options.product ? offeredProduct(db, options.product) : null,
  };
  const skipped = new Set(options.off ?? []);
  return suppressionLibrary(db).flatMap((s) => {
    if (skipped.has(s.id)) return [];
    const condition = s.condition(settings);
    return condition ? [{ id: s.id, label: s.label, ...condition }] : [];
  });
}

/** The customers the rule selects and no suppression removes: a condition over customers `c`. */
export function mailableWhere(
  compiled: { sql: string; params: (string | number)[] },
  active: readonly ActiveSuppression[],
): { sql: string; params: (string | number)[] } {
  if (active.length === 0) return compiled;
  return {
    sql: `${compiled.sql} AND NOT (${active.map((s) => s.sql).join(' OR ')})`,
    params: [...compiled.params, ...active.flatMap((s) => s.params)],
  };
}

/** The last step: customers kept, one letter per household. */
export const householdStep = (customers: number, households: number): WaterfallStep => ({
  id: 'household',
  step: 'One letter per household',
  removed: customers - households,
  remaining: households,
});

export function countAudience(db: Db, rule: RuleNode, options: CountOptions = {}): AudienceCount {
  const asOf = options.asOf ?? today();
  const compiled = compileRule(rule, ruleContext(db, asOf));
  const active = activeSuppressions(db, asOf, options);
  const cases = active.map((s, i) => `WHEN ${s.sql} THEN ${i + 1}`).join(' ');
  const step = active.length ? `CASE ${cases} ELSE 0 END` : '0';
  const rows = db
    .prepare(
      `SELECT step, count(*) AS customers, count(DISTINCT household_id) AS households
       FROM (SELECT ${step} AS step, c.household_id FROM customers c WHERE ${compiled.sql})
       GROUP BY step`,
    )
    .all(...active.flatMap((s) => s.params), ...compiled.params) as {
    step: number;
    customers: number;
    households: number;
  }[];
  const removedAt = new Map(rows.map((r) => [r.step, r]));
  const eligible = rows.reduce((sum, r) => sum + r.customers, 0);
  const kept = removedAt.get(0) ?? { customers: 0, households: 0 };
  const waterfall: WaterfallStep[] = [{ id: 'eligible', step: 'Eligible (the rule)', removed: 0, remaining: eligible }];
  let remaining = eligible;
  active.forEach((s, i) => {
    const removed = removedAt.get(i + 1)?.customers ?? 0;
    remaining -= removed;
    waterfall.push({ id: s.id, step: s.label, removed, remaining });
  });
  if (options.suppressions !== false) {
    waterfall.push(householdStep(kept.customers, kept.households));
  }
  return { customers: kept.customers, households: kept.households, waterfall };
}
