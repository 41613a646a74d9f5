/**
 * The bank's trigger rules, kept in trigger_rules in list order. A new bank gets a starter set
 * the first time the list is read; after the marketer saves a list (even an empty one) it is
 * theirs and never reseeded.
 */
import { z } from 'zod';
import type { TriggerRule } from '../../src-shared/kli';
import { triggerRuleSchema } from '../../src-shared/kli-schema';
import { AppError } from '../app/errors';
import { getSetting, setSetting } from '../bank/stats';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { bankCurrency, moneyFormat, type MoneyFormat } from './money';
import { checkRules } from './rule-checks';

const SEEDED_KEY = 'triggers_seeded';

/** The starter rules, named in the bank's currency. */
export function defaultTriggers(money: MoneyFormat): TriggerRule[] {
  return [
    {
      id: 'checking-balance-high',
      name: `Checking balance above ${money(2_500_000)} for 2 months`,
      type: 'balance',
      direction: 'above',
      threshold_cents: 2_500_000,
      months: 2,
      families: ['checking'],
      action: { type: 'offer', product: 'money_market' },
      enabled: true,
    },
    {
      id: 'large-deposit',
      name: `Deposit over ${money(1_000_000)}`,
      type: 'large-deposit',
      threshold_cents: 1_000_000,
      action: { type: 'call-list' },
      enabled: true,
    },
    {
      id: 'large-withdrawal',
      name: `Withdrawal over ${money(1_000_000)} and half the balance`,
      type: 'large-withdrawal',
      threshold_cents: 1_000_000,
      percent_of_balance: 50,
      action: { type: 'call-list' },
      enabled: true,
    },
    {
      id: 'payroll-stopped',
      name: 'Payroll deposits stopped',
      type: 'payroll-stopped',
      action: { type: 'call-list' },
      enabled: true,
    },
    {
      id: 'overdrafts-rising',
      name: 'Overdraft fees rising',
      type: 'overdrafts-rising',
      families: ['checking'],
      action: { type: 'call-list' },
      enabled: true,
    },
    {
      id: 'average-balance-low',
      name: `Average balance fell below ${money(10_000)}`,
      type: 'average-balance',
      direction: 'below',
      threshold_cents: 10_000,
      months: 1,
      action: { type: 'call-list' },
      enabled: true,
    },
  ];
}

function readRules(db: Db): TriggerRule[] {
  const rows = db.prepare('SELECT definition FROM trigger_rules ORDER BY position').pluck().all() as string[];
  // Rows are only written by saveTriggers, after validation; one that no longer parses (an
  // older shape) is left out rather than stopping every other rule.
  return rows.flatMap((json) => {
    const parsed = triggerRuleSchema.safeParse(JSON.parse(json));
    return parsed.success ? [parsed.data] : [];
  });
}

function writeRules(db: Db, rules: TriggerRule[]): void {
  db.prepare('DELETE FROM trigger_rules').run();
  const insert = db.prepare('INSERT INTO trigger_rules (id, definition, position) VALUES (?, ?, ?)');
  rules.forEach((rule, i) => insert.run(rule.id, JSON.stringify(rule), i));
  setSetting(db, SEEDED_KEY, '1');
}

export function listTriggers(db: Db): TriggerRule[] {
  const rules = readRules(db);
  if (rules.length > 0 || getSetting(db, SEEDED_KEY) !== null) return rules;
  const defaults = defaultTriggers(moneyFormat(bankCurrency(db)));
  db.transaction(() => writeRules(db, defaults))();
  return defaults;
}

/** Replaces the whole list (order kept), after checking ids and each rule's fields. */
export function saveTriggers(db: Db, rules: TriggerRule[], actor: string): TriggerRule[] {
  const parsed = rules.map((rule, i) => {
    const result = triggerRuleSchema.safeParse(rule);
    if (!result.success) {
      throw new AppError('invalid_input', `Trigger ${i + 1} is not valid: ${z.prettifyError(result.error)}`);
    }
    return result.data;
  });
  checkRules(parsed);
  return db.transaction(() => {
    writeRules(db, parsed);
    audit(db, {
      actor,
      action: 'triggers.save',
      entity: 'settings',
      entity_id: 'trigger_rules',
      detail: { rules: parsed.length, enabled: parsed.filter((r) => r.enabled).length },
    });
    return readRules(db);
  })();
}
