/**
 * KLI services the API and CLI call: the library with its figures, one KLI's detail, a draft's
 * preview, saving and deleting custom KLIs, tuning a built-in's parameters, and a customer's
 * KLIs with the evidence behind each.
 */
import type { z } from 'zod';
import type {
  CustomerKli,
  KliDefinition,
  KliDetail,
  KliLibrary,
  KliPreview,
  KliRule,
  KliRunInfo,
  KliSummary,
  KliTrendPoint,
} from '../../src-shared/kli';
import type { customKliSchema, kliRuleSchema } from '../../src-shared/kli-schema';
import { AppError } from '../app/errors';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { bankCurrency, moneyFormat, type MoneyFormat } from '../triggers/money';
import { dataLastDate, ruleKey } from './compute';
import { builtinDefinition, listDefinitions, lookbackMonths } from './definitions';
import type { Window } from './evaluate';
import { factsInvalidReason, monthIndex, monthLabel, readFactsState } from './facts';
import { asEvidence, decideOnTheSpot, ruleTransactions } from './preview';
import { ruleInWords } from './words';

type CustomKli = z.output<typeof customKliSchema>;
type Rule = z.output<typeof kliRuleSchema>;

interface StatRow {
  kli_id: string;
  customers: number;
  households: number;
  coverage: number;
  trend: string;
  rule_key: string;
}

function lastRun(db: Db): KliRunInfo | null {
  const row = db
    .prepare(
      `SELECT as_of, lookback_months, computed_at, seconds, transactions_read, incremental, coverage, customers
       FROM kli_runs ORDER BY id DESC LIMIT 1`,
    )
    .get() as (Omit<KliRunInfo, 'incremental'> & { incremental: number }) | undefined;
  return row ? { ...row, incremental: row.incremental === 1 } : null;
}

/** The window the figures are (or would be) computed over. */
function currentWindow(db: Db): Window | null {
  const run = lastRun(db);
  const asOf = run?.as_of ?? dataLastDate(db);
  if (!asOf) return null;
  return { end: monthIndex(asOf), months: run?.lookback_months ?? lookbackMonths(db) };
}

function summarize(
  definition: KliDefinition,
  stat: StatRow | undefined,
  money: MoneyFormat,
  lookback: number,
): KliSummary {
  const current = stat && stat.rule_key === ruleKey(definition);
  const builtin = definition.builtin ? builtinDefinition(definition.id) : undefined;
  return {
    ...definition,
    words: ruleInWords(definition.rule, money, lookback),
    tuned: builtin !== undefined && JSON.stringify(builtin.rule) !== JSON.stringify(definition.rule),
    customers: current ? stat.customers : null,
    households: current ? stat.households : null,
    coverage: current ? stat.coverage : null,
    trend: current ? (JSON.parse(stat.trend) as KliTrendPoint[]) : [],
  };
}

function stats(db: Db): Map<string, StatRow> {
  const rows = db.prepare('SELECT * FROM kli_stats').all() as StatRow[];
  return new Map(rows.map((r) => [r.kli_id, r]));
}

export function kliLibrary(db: Db): KliLibrary {
  const run = lastRun(db);
  const money = moneyFormat(bankCurrency(db));
  const lookback = run?.lookback_months ?? lookbackMonths(db);
  const byId = stats(db);
  const klis = listDefinitions(db).map((d) => summarize(d, byId.get(d.id), money, lookback));
  return { run, stale: isStale(db, klis), klis };
}

/** Rules changed since the figures were computed, or transactions arrived, left or were re-cleaned. */
function isStale(db: Db, klis: KliSummary[]): boolean {
  if (klis.some((k) => k.customers === null)) return true;
  const state = readFactsState(db);
  if (!state) return true;
  const newest = (db.prepare('SELECT MAX(id) FROM transactions').pluck().get() as number | null) ?? 0;
  if (newest > state.through) return true;
  return factsInvalidReason(db, state, [], { countRows: false }) !== null;
}

function definitionOf(db: Db, id: string): KliDefinition {
  const definition = listDefinitions(db).find((d) => d.id === id);
  if (!definition) throw new AppError('not_found', `No KLI "${id}".`);
  return definition;
}

export function kliDetail(db: Db, id: string): KliDetail {
  const definition = definitionOf(db, id);
  const money = moneyFormat(bankCurrency(db));
  const window = currentWindow(db);
  const kli = summarize(definition, stats(db).get(id), money, window?.months ?? lookbackMonths(db));
  const sample_transactions =
    window && definition.rule.type === 'activity'
      ? recentMatching(db, definition.rule, window).slice(0, 20).map(asEvidence)
      : [];
  const sample_customers = db
    .prepare(
      `SELECT r.customer_id, c.customer_number, trim(c.first_name || ' ' || c.last_name) AS name, r.value, r.detail
       FROM kli_results r JOIN customers c ON c.id = r.customer_id
       WHERE r.kli_id = ? ORDER BY r.value DESC, r.customer_id LIMIT 20`,
    )
    .all(id) as KliDetail['sample_customers'];
  return { kli, sample_transactions, sample_customers };
}

/** Matching transactions of the window's last month first (enough for a sample), else the whole window. */
function recentMatching(db: Db, rule: Parameters<typeof ruleTransactions>[1], window: Window) {
  return ruleTransactions(db, rule, window, undefined, 20);
}

function requireActivity(definition: CustomKli): void {
  if (definition.rule.type !== 'activity') {
    throw new AppError(
      'invalid_input',
      'A custom KLI counts transactions: give it transactions to match, a measure and a threshold.',
    );
  }
  if (builtinDefinition(definition.id)) {
    throw new AppError('invalid_input', `"${definition.id}" is a built-in KLI's id: choose another id.`);
  }
}

const asDefinition = (definition: CustomKli): KliDefinition => ({ ...definition, builtin: false }) as KliDefinition;

export function previewKli(db: Db, definition: CustomKli): KliPreview {
  requireActivity(definition);
  const window = currentWindow(db);
  if (!window) return { customers: 0, households: 0, matching_transactions: 0, sample_transactions: [] };
  const spot = decideOnTheSpot(db, asDefinition(definition), window);
  return {
    customers: spot.verdicts.size,
    households: spot.households.size,
    matching_transactions: spot.matching,
    sample_transactions: spot.sample,
  };
}

/** Writes one KLI's verdicts and counts, so a saved custom KLI shows at once. */
function storeOnTheSpot(db: Db, definition: KliDefinition, window: Window): void {
  const spot = decideOnTheSpot(db, definition, window);
  db.prepare('DELETE FROM kli_results WHERE kli_id = ?').run(definition.id);
  const insert = db.prepare('INSERT INTO kli_results (kli_id, customer_id, value, detail) VALUES (?, ?, ?, ?)');
  const first = window.end - window.months + 1;
  for (const [customer, verdict] of spot.verdicts) {
    insert.run(definition.id, customer, verdict.value, verdict.detail);
  }
  const coverage = lastRun(db)?.coverage ?? 0;
  const points = spot.trend.map((customers, i) => ({ month: monthLabel(first + i), customers }));
  db.prepare(
    `INSERT OR REPLACE INTO kli_stats (kli_id, customers, households, coverage, trend, rule_key) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(definition.id, spot.verdicts.size, spot.households.size, coverage, JSON.stringify(points), ruleKey(definition));
}

export function saveCustomKli(db: Db, definition: CustomKli, overwrite: boolean, actor: string): KliSummary {
  requireActivity(definition);
  const exists = db.prepare('SELECT 1 FROM kli_custom WHERE id = ?').get(definition.id) !== undefined;
  if (exists && !overwrite) {
    throw new AppError(
      'invalid_input',
      `A KLI with the id "${definition.id}" exists: choose another id or replace it.`,
    );
  }
  const saved = asDefinition(definition);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO kli_custom (id, definition, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(definition.id, JSON.stringify(definition), new Date().toISOString(), actor);
    const window = currentWindow(db);
    if (window) storeOnTheSpot(db, saved, window);
    audit(db, {
      actor,
      action: exists ? 'kli.update' : 'kli.create',
      entity: 'kli',
      entity_id: definition.id,
      detail: definition,
    });
  })();
  return summarize(
    saved,
    stats(db).get(saved.id),
    moneyFormat(bankCurrency(db)),
    currentWindow(db)?.months ?? lookbackMonths(db),
  );
}

export function deleteCustomKli(db: Db, id: string, actor: string): boolean {
  if (builtinDefinition(id)) throw new AppError('invalid_input', `"${id}" is built in: it can be tuned, not deleted.`);
  return db.transaction(() => {
    const deleted = db.prepare('DELETE FROM kli_custom WHERE id = ?').run(id).changes > 0;
    if (!deleted) return false;
    db.prepare('DELETE FROM kli_results WHERE kli_id = ?').run(id);
    db.prepare('DELETE FROM kli_stats WHERE kli_id = ?').run(id);
    audit(db, { actor, action: 'kli.delete', entity: 'kli', entity_id: id });
    return true;
  })();
}

export function tuneKli(db: Db, id: string, rule: Rule | null, actor: string): KliSummary {
  const builtin = builtinDefinition(id);
  if (!builtin) throw new AppError('not_found', `No built-in KLI "${id}" (custom KLIs are edited and saved).`);
  if (rule && rule.type !== builtin.rule.type) {
    throw new AppError(
      'invalid_input',
      `"${builtin.name}" is decided by a ${builtin.rule.type} rule; keep that type and change its numbers.`,
    );
  }
  db.transaction(() => {
    if (rule) {
      db.prepare(
        `INSERT INTO kli_tuning (id, rule, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET rule = excluded.rule, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).run(id, JSON.stringify(rule), new Date().toISOString(), actor);
    } else db.prepare('DELETE FROM kli_tuning WHERE id = ?').run(id);
    audit(db, {
      actor,
      action: rule ? 'kli.tune' : 'kli.restore',
      entity: 'kli',
      entity_id: id,
      detail: rule ?? builtin.rule,
    });
  })();
  const definition = definitionOf(db, id);
  return summarize(
    definition,
    stats(db).get(id),
    moneyFormat(bankCurrency(db)),
    currentWindow(db)?.months ?? lookbackMonths(db),
  );
}

function valueText(rule: KliRule, value: number, detail: string | null, money: MoneyFormat, lookback: number): string {
  switch (rule.type) {
    case 'activity': {
      const figure =
        rule.measure === 'monthly_amount'
          ? `${money(value)} a month`
          : rule.measure === 'amount'
            ? money(value)
            : rule.measure === 'months'
              ? `${value} of ${lookback} months`
              : rule.measure === 'count'
                ? `${value} transaction${value === 1 ? '' : 's'}`
                : `${value} merchant${value === 1 ? '' : 's'}`;
      return detail ? `${figure} · ${detail}` : figure;
    }
    case 'cash-flow':
      return `${value} of ${lookback} months`;
    case 'savings-vs-pay':
      return `${value} months of pay`;
    case 'balance':
      return `${money(value)} average balance`;
  }
}

export function customerKlis(db: Db, customerId: number): CustomerKli[] {
  const customer = db.prepare('SELECT id, household_id FROM customers WHERE id = ?').get(customerId) as
    { id: number; household_id: number } | undefined;
  if (!customer) throw new AppError('not_found', `No customer ${customerId}.`);
  const library = listDefinitions(db);
  const byId = new Map(library.map((d) => [d.id, d]));
  const money = moneyFormat(bankCurrency(db));
  const window = currentWindow(db);
  const lookback = window?.months ?? lookbackMonths(db);
  const rows = db
    .prepare(
      `SELECT r.kli_id, r.customer_id, r.value, r.detail, trim(c.first_name || ' ' || c.last_name) AS name
       FROM kli_results r JOIN customers c ON c.id = r.customer_id
       WHERE c.household_id = ? ORDER BY r.customer_id = ? DESC, r.kli_id`,
    )
    .all(customer.household_id, customerId) as {
    kli_id: string;
    customer_id: number;
    value: number;
    detail: string | null;
    name: string;
  }[];
  const accountsOf = db.prepare('SELECT account_id FROM account_owners WHERE customer_id = ?').pluck();
  const result: CustomerKli[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const definition = byId.get(row.kli_id);
    // Own KLIs first; a household member's only when the customer lacks it.
    if (!definition || seen.has(row.kli_id)) continue;
    seen.add(row.kli_id);
    const own = row.customer_id === customerId;
    const evidence =
      window && definition.rule.type === 'activity'
        ? ruleTransactions(db, definition.rule, window, accountsOf.all(row.customer_id) as number[], 12).map(asEvidence)
        : [];
    result.push({
      id: definition.id,
      name: definition.name,
      product: definition.product,
      value: row.value,
      value_text: valueText(definition.rule, row.value, row.detail, money, lookback),
      via_customer: own ? null : row.name,
      evidence,
    });
  }
  return result;
}
