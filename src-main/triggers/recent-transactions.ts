/**
 * One pass over the periods the transaction rules read, keeping only the transactions some
 * rule could count (payroll credits, overdraft fees, large amounts in the latest period) in a
 * connection-private table, temp.trigger_txn, that every transaction rule then reads.
 * Fetching rows from the transactions table is what an evaluation spends most on, so each row
 * is read once, not once per rule (on a 25,000-customer demo bank the whole run went from 2.2 s
 * to 0.7 s with this and the account-by-account order below).
 */
import type { TriggerRule } from '../../src-shared/kli';
import { ACCOUNT_SCOPE, endParams, type EvalContext } from './findings';
import { assertNever, ruleFamilies } from './rule-checks';

/**
 * Transactions that move no money in or out of the bank: interest it pays, and transfers
 * between accounts here (XFER_IN/XFER_OUT naming no other bank; a core like Berka's codes
 * transfers from other banks that way too, with the bank as counterparty, and those count).
 */
const STAYS_IN_BANK = `(t.code = 'INT' OR (t.code IN ('XFER_IN', 'XFER_OUT') AND COALESCE(t.counterparty, '') = ''))`;

const OVERDRAFT_WORDS = [
  'OVERDRAFT',
  'OVERDRAWN',
  'NSF',
  'NON-SUFFICIENT',
  'INSUFFICIENT FUNDS',
  'OD FEE',
  'OD CHARGE',
  'RETURNED ITEM',
  // Interest charged on a negative balance (Berka's SANKC. UROK).
  'PENALTY INTEREST',
];

/** SQL: `expr` names one of the overdraft words as whole words (GLOB is case-sensitive, hence upper). */
export function overdraftTest(expr: string): string {
  const padded = `(' ' || upper(${expr}) || ' ')`;
  return `(${OVERDRAFT_WORDS.map((w) => `${padded} GLOB '*[^A-Z]${w}[^A-Z]*'`).join(' OR ')})`;
}

/** Periods of transactions each rule type reads (0: none, it reads snapshots). */
function transactionPeriods(type: TriggerRule['type']): number {
  switch (type) {
    case 'balance':
    case 'average-balance':
      return 0;
    case 'large-deposit':
    case 'large-withdrawal':
      return 1;
    case 'overdrafts-rising':
      return 2;
    case 'payroll-stopped':
      return 4;
    default:
      return assertNever(type);
  }
}

/** The smallest amount any enabled rule of `type` could count, or null when none is enabled. */
function smallestAmount(rules: TriggerRule[], type: 'large-deposit' | 'large-withdrawal'): number | null {
  const amounts = rules.filter((r) => r.type === type).map((r) => r.threshold_cents ?? 0);
  return amounts.length > 0 ? Math.max(0, Math.min(...amounts)) : null;
}

// Account by account through transactions_account_date (CROSS JOIN keeps that order): a core's
// history is usually loaded account by account, and then the rows of an account sit together,
// where walking the date index jumps across the whole table (5 times slower on the demo bank).
// CASE WHEN, not a bare AND: SQLite evaluates both sides of AND in a column expression, and
// the word tests should only run on the few fee rows.
export const STAGE_SQL = `INSERT INTO temp.trigger_txn
  SELECT account_id, posted_date, amount_cents, what, is_payroll, is_overdraft, is_large FROM (
    SELECT t.account_id, t.posted_date, t.amount_cents,
      COALESCE(NULLIF(t.merchant, ''), t.description) AS what,
      CASE WHEN t.amount_cents > 0 AND t.category = 'payroll' THEN 1 ELSE 0 END AS is_payroll,
      CASE WHEN t.amount_cents < 0 AND (t.category = 'fees' OR t.code = 'FEE')
        THEN ${overdraftTest('t.description')} OR ${overdraftTest("COALESCE(t.merchant, '')")}
        ELSE 0 END AS is_overdraft,
      CASE WHEN t.posted_date > @e1 AND NOT ${STAYS_IN_BANK}
        AND ((@min_deposit IS NOT NULL AND t.amount_cents > @min_deposit)
          OR (@min_withdrawal IS NOT NULL AND t.amount_cents < -@min_withdrawal)) THEN 1 ELSE 0 END AS is_large
    FROM accounts a
    JOIN products pr ON pr.code = a.product_code
    CROSS JOIN transactions t ON t.account_id = a.id AND t.posted_date > @from AND t.posted_date <= @e0
    WHERE ${ACCOUNT_SCOPE})
  WHERE is_payroll OR is_overdraft OR is_large`;

/** Fills temp.trigger_txn for the enabled transaction rules (empties it when there are none). */
export function stageTransactions(ctx: EvalContext, rules: TriggerRule[]): void {
  const { db } = ctx;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS trigger_txn (
    account_id INTEGER NOT NULL, posted_date TEXT NOT NULL, amount_cents INTEGER NOT NULL, what TEXT,
    is_payroll INTEGER NOT NULL, is_overdraft INTEGER NOT NULL, is_large INTEGER NOT NULL)`);
  db.exec('DELETE FROM temp.trigger_txn');
  const used = rules.filter((r) => transactionPeriods(r.type) > 0);
  if (used.length === 0) return;
  const periods = Math.max(...used.map((r) => transactionPeriods(r.type)));
  db.prepare(STAGE_SQL).run({
    ...endParams(ctx.ends, 2),
    from: ctx.ends[periods],
    min_deposit: smallestAmount(used, 'large-deposit'),
    min_withdrawal: smallestAmount(used, 'large-withdrawal'),
    families: JSON.stringify([...new Set(used.flatMap(ruleFamilies))]),
  });
}

/** Frees the staged rows once the rules have read them. */
export function clearStagedTransactions(ctx: EvalContext): void {
  ctx.db.exec('DELETE FROM temp.trigger_txn');
}
