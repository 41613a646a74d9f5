/**
 * Evaluates the enabled rules on the bank's latest periods and hands each rule's findings to
 * the customers concerned: every owner and joint owner of a flagged account, one hit per
 * customer per rule (their strongest account speaks, and the others are counted).
 */
import type { IsoDate } from '../../src-shared/domain';
import type { TriggerRule } from '../../src-shared/kli';
import type { Db } from '../db/open';
import { balanceFindings } from './balance-rules';
import { bankCalendar } from './calendar';
import type { EvalContext, Finding } from './findings';
import { bankCurrency, moneyFormat } from './money';
import { payrollFindings } from './payroll-rule';
import { clearStagedTransactions, stageTransactions } from './recent-transactions';
import { actionWords, assertNever, periodsNeeded } from './rule-checks';
import { largeTransactionFindings, overdraftFindings } from './transaction-rules';

export interface HitRow {
  trigger_id: string;
  customer_id: number;
  account_id: number | null;
  evidence: string;
  action: string;
}

export interface Evaluation {
  /** The latest period's end (snapshot date), null when the bank holds no data to judge. */
  as_of: IsoDate | null;
  /** In list order: rule by rule, strongest first. */
  hits: HitRow[];
}

function findingsFor(ctx: EvalContext, rule: TriggerRule, fromSnapshots: boolean): Finding[] {
  switch (rule.type) {
    case 'balance':
    case 'average-balance':
      return fromSnapshots ? balanceFindings(ctx, rule) : [];
    case 'large-deposit':
    case 'large-withdrawal':
      return largeTransactionFindings(ctx, rule, rule.type);
    case 'overdrafts-rising':
      return overdraftFindings(ctx, rule);
    case 'payroll-stopped':
      return payrollFindings(ctx, rule);
    default:
      return assertNever(rule.type);
  }
}

/** Owners and joint owners of each account. */
function ownersOf(db: Db, accountIds: number[]): Map<number, number[]> {
  const owners = new Map<number, number[]>();
  if (accountIds.length === 0) return owners;
  const rows = db
    .prepare(
      `SELECT account_id, customer_id FROM account_owners
       WHERE account_id IN (SELECT value FROM json_each(?)) ORDER BY account_id, customer_id`,
    )
    .all(JSON.stringify(accountIds)) as { account_id: number; customer_id: number }[];
  for (const { account_id, customer_id } of rows) {
    const list = owners.get(account_id);
    if (list) list.push(customer_id);
    else owners.set(account_id, [customer_id]);
  }
  return owners;
}

function hitsOf(db: Db, rule: TriggerRule, findings: Finding[]): HitRow[] {
  const owners = ownersOf(
    db,
    findings.flatMap((f) => (f.customer_id === null && f.account_id !== null ? [f.account_id] : [])),
  );
  const best = new Map<number, { finding: Finding; count: number }>();
  for (const finding of findings) {
    const customers =
      finding.customer_id !== null ? [finding.customer_id] : (owners.get(finding.account_id ?? -1) ?? []);
    for (const customer of customers) {
      const seen = best.get(customer);
      if (!seen) best.set(customer, { finding, count: 1 });
      else {
        seen.count++;
        if (finding.score > seen.finding.score) seen.finding = finding;
      }
    }
  }
  const action = actionWords(rule.action);
  return [...best.entries()]
    .sort(([a, x], [b, y]) => y.finding.score - x.finding.score || a - b)
    .map(([customer_id, { finding, count }]) => ({
      trigger_id: rule.id,
      customer_id,
      account_id: finding.account_id,
      evidence:
        count > 1 ? `${finding.evidence}; and ${count - 1} more account${count > 2 ? 's' : ''}` : finding.evidence,
      action,
    }));
}

export function evaluateRules(db: Db, rules: TriggerRule[]): Evaluation {
  const enabled = rules.filter((r) => r.enabled);
  const calendar = bankCalendar(db, Math.max(3, ...enabled.map(periodsNeeded)));
  if (!calendar) return { as_of: null, hits: [] };
  const ctx: EvalContext = { db, ends: calendar.ends, money: moneyFormat(bankCurrency(db)) };
  stageTransactions(ctx, enabled);
  try {
    const hits = enabled.flatMap((rule) => hitsOf(db, rule, findingsFor(ctx, rule, calendar.fromSnapshots)));
    return { as_of: calendar.ends[0] ?? null, hits };
  } finally {
    clearStagedTransactions(ctx);
  }
}
