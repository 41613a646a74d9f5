/**
 * The library in force: built-ins with the marketer's tuned parameters, then custom KLIs.
 * Stored JSON is validated on the way out too, so a hand-edited database cannot feed the
 * engine a malformed rule.
 */
import type { KliDefinition, KliRule, TransactionMatch } from '../../src-shared/kli';
import { customKliSchema, kliRuleSchema } from '../../src-shared/kli-schema';
import { getSetting } from '../bank/stats';
import type { Db } from '../db/open';
import { BUILTIN_KLIS } from './library';
import { getBankNames } from './bank-names';

export const DEFAULT_LOOKBACK_MONTHS = 12;

export function builtinDefinition(id: string): KliDefinition | undefined {
  return BUILTIN_KLIS.find((k) => k.id === id);
}

export function listDefinitions(db: Db): KliDefinition[] {
  const tuned = new Map<string, KliRule>();
  for (const row of db.prepare('SELECT id, rule FROM kli_tuning').all() as { id: string; rule: string }[]) {
    const parsed = kliRuleSchema.safeParse(JSON.parse(row.rule));
    if (parsed.success) tuned.set(row.id, parsed.data as KliRule);
  }
  const builtins = BUILTIN_KLIS.map((k) => ({ ...k, rule: tuned.get(k.id) ?? k.rule }));
  const custom: KliDefinition[] = [];
  for (const row of db.prepare('SELECT definition FROM kli_custom ORDER BY id').all() as { definition: string }[]) {
    const parsed = customKliSchema.safeParse(JSON.parse(row.definition));
    if (parsed.success) custom.push({ ...parsed.data, builtin: false } as KliDefinition);
  }
  return [...builtins, ...custom];
}

/** The transaction filters a rule reads (balance and pay rules read none of their own). */
export function ruleMatches(rule: KliRule, library: readonly KliDefinition[]): TransactionMatch[] {
  if (rule.type === 'activity') return rule.also ? [rule.match, rule.also] : [rule.match];
  if (rule.type === 'savings-vs-pay') {
    const pay = library.find((k) => k.id === 'payroll-dd')?.rule;
    return pay && pay.type === 'activity' ? ruleMatches(pay, library) : [];
  }
  return [];
}

export function lookbackMonths(db: Db): number {
  const value = Number(getSetting(db, 'kli_lookback_months'));
  return Number.isInteger(value) && value >= 1 && value <= 36 ? value : DEFAULT_LOOKBACK_MONTHS;
}

/** What "{bank}" stands for (Settings › This bank). */
export function bankNames(db: Db): string[] {
  return getBankNames(db).recognised;
}
