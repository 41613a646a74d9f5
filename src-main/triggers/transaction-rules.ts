/**
 * Triggers read from the latest period's transactions (since the previous snapshot), staged in
 * temp.trigger_txn by recent-transactions.ts:
 *
 * - large-deposit / large-withdrawal: one transaction over the rule's amount, or over a
 *   percentage of the account's balance at the previous snapshot, or both when both are set.
 *   Transfers between accounts here and interest move no money in or out of the bank and do
 *   not count (recent-transactions.ts); neither does a new account's opening deposit (accounts
 *   opened after the previous snapshot are left out). Over is strict: exactly the amount is not.
 * - overdrafts-rising: more overdraft or NSF fees charged in the latest period than in the one
 *   before (recent-transactions.ts says what a fee is).
 */
import type { IsoDate } from '../../src-shared/domain';
import type { TriggerRule } from '../../src-shared/kli';
import { nextDay } from './calendar';
import { ACCOUNT_SCOPE, endParams, type EvalContext, type Finding } from './findings';
import { ruleFamilies } from './rule-checks';

interface LargeRow {
  account_id: number;
  product: string;
  posted_date: IsoDate;
  amount_cents: number;
  what: string;
  prev_as_of: IsoDate | null;
  prev_balance: number | null;
}

export function largeTransactionSql(kind: 'large-deposit' | 'large-withdrawal'): string {
  const side = kind === 'large-deposit' ? 't.amount_cents > @amount' : 't.amount_cents < -@amount';
  return `SELECT t.account_id, pr.name AS product, t.posted_date, t.amount_cents, t.what,
      prev.as_of AS prev_as_of, prev.balance_cents AS prev_balance
    FROM temp.trigger_txn t
    JOIN accounts a ON a.id = t.account_id
    JOIN products pr ON pr.code = a.product_code
    LEFT JOIN balance_snapshots prev ON prev.account_id = t.account_id AND prev.as_of = (
      SELECT MAX(x.as_of) FROM balance_snapshots x
      WHERE x.account_id = t.account_id AND x.as_of > @e2 AND x.as_of <= @e1)
    WHERE t.is_large AND ${side}
      AND a.open_date <= @e1
      AND ${ACCOUNT_SCOPE}
      AND (@percent IS NULL
        OR (prev.balance_cents > 0 AND abs(t.amount_cents) * 100.0 > @percent * prev.balance_cents))`;
}

const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function largeTransactionFindings(
  ctx: EvalContext,
  rule: TriggerRule,
  kind: 'large-deposit' | 'large-withdrawal',
): Finding[] {
  const amount = rule.threshold_cents ?? 0;
  const percent = rule.percent_of_balance ? rule.percent_of_balance : null;
  const rows = ctx.db.prepare(largeTransactionSql(kind)).all({
    ...endParams(ctx.ends, 3),
    amount,
    percent,
    families: JSON.stringify(ruleFamilies(rule)),
  }) as LargeRow[];
  // The largest of an account's transactions speaks for it.
  const byAccount = new Map<number, { row: LargeRow; count: number }>();
  for (const row of rows) {
    const seen = byAccount.get(row.account_id);
    if (!seen) byAccount.set(row.account_id, { row, count: 1 });
    else {
      seen.count++;
      if (Math.abs(row.amount_cents) > Math.abs(seen.row.amount_cents)) seen.row = row;
    }
  }
  const noun = kind === 'large-deposit' ? 'Deposit' : 'Withdrawal';
  return [...byAccount.values()].map(({ row, count }) => {
    const size = Math.abs(row.amount_cents);
    const parts = [`${noun} of ${ctx.money(size)} on ${row.posted_date} (${row.what})`];
    if (amount > 0) parts.push(`over ${ctx.money(amount)}`);
    if (row.prev_balance !== null && row.prev_balance > 0 && row.prev_as_of) {
      const share = percentFormat.format((size * 100) / row.prev_balance);
      parts.push(`${share}% of the ${ctx.money(row.prev_balance)} balance on ${row.prev_as_of}`);
    }
    const more = count > 1 ? `; ${count - 1} more like it this period` : '';
    return {
      account_id: row.account_id,
      customer_id: null,
      score: size,
      evidence: `${parts.join(', ')}${more} (${row.product})`,
    };
  });
}

export function overdraftSql(): string {
  return `SELECT t.account_id, pr.name AS product,
      SUM(t.posted_date > @e1) AS latest,
      SUM(t.posted_date <= @e1) AS before,
      SUM(CASE WHEN t.posted_date > @e1 THEN -t.amount_cents ELSE 0 END) AS latest_cents
    FROM temp.trigger_txn t
    JOIN accounts a ON a.id = t.account_id
    JOIN products pr ON pr.code = a.product_code
    WHERE t.is_overdraft AND t.posted_date > @e2 AND t.posted_date <= @e0
      AND ${ACCOUNT_SCOPE}
    GROUP BY t.account_id
    HAVING latest > before`;
}

export function overdraftFindings(ctx: EvalContext, rule: TriggerRule): Finding[] {
  const rows = ctx.db.prepare(overdraftSql()).all({
    ...endParams(ctx.ends, 3),
    families: JSON.stringify(ruleFamilies(rule)),
  }) as { account_id: number; product: string; latest: number; before: number; latest_cents: number }[];
  const from = nextDay(ctx.ends[1] as IsoDate);
  const to = ctx.ends[0] as IsoDate;
  return rows.map((row) => ({
    account_id: row.account_id,
    customer_id: null,
    score: row.latest * 1000 + (row.latest - row.before),
    evidence:
      `${row.latest} overdraft/NSF fee${row.latest === 1 ? '' : 's'} from ${from} to ${to} ` +
      `(${ctx.money(row.latest_cents)}), up from ${row.before} the period before (${row.product})`,
  }));
}
