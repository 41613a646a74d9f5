/**
 * Payroll stopped (attrition risk): a customer whose accounts here received payroll deposits
 * (category payroll, money in) in at least 2 of the 3 periods before the latest, and none in
 * the latest. Judged per customer over every account they own or co-own in the rule's
 * families, so pay that moved from one of their accounts to another here is not a stop.
 * Reads the payroll credits staged in temp.trigger_txn (recent-transactions.ts).
 */
import type { IsoDate } from '../../src-shared/domain';
import type { TriggerRule } from '../../src-shared/kli';
import { ACCOUNT_SCOPE, endParams, type EvalContext, type Finding } from './findings';
import { nextDay } from './calendar';
import { ruleFamilies } from './rule-checks';

export function payrollSql(): string {
  return `WITH pay AS (
      SELECT o.customer_id, t.account_id, t.posted_date, t.amount_cents, t.what AS payer,
        CASE WHEN t.posted_date > @e1 THEN 0 WHEN t.posted_date > @e2 THEN 1
             WHEN t.posted_date > @e3 THEN 2 ELSE 3 END AS period
      FROM temp.trigger_txn t
      JOIN accounts a ON a.id = t.account_id
      JOIN products pr ON pr.code = a.product_code
      JOIN account_owners o ON o.account_id = t.account_id
      WHERE t.posted_date > @e4 AND t.posted_date <= @e0
        AND t.is_payroll
        AND ${ACCOUNT_SCOPE})
    SELECT customer_id, account_id, payer, amount_cents, MAX(posted_date) AS last_date,
      COUNT(DISTINCT period) AS periods, SUM(amount_cents) AS paid
    FROM pay
    GROUP BY customer_id
    HAVING SUM(period = 0) = 0 AND COUNT(DISTINCT period) >= 2`;
}

export function payrollFindings(ctx: EvalContext, rule: TriggerRule): Finding[] {
  const rows = ctx.db.prepare(payrollSql()).all({
    ...endParams(ctx.ends, 5),
    families: JSON.stringify(ruleFamilies(rule)),
  }) as {
    customer_id: number;
    account_id: number;
    payer: string;
    amount_cents: number;
    last_date: IsoDate;
    periods: number;
  }[];
  const from = nextDay(ctx.ends[1] as IsoDate);
  const to = ctx.ends[0] as IsoDate;
  return rows.map((row) => ({
    account_id: row.account_id,
    customer_id: row.customer_id,
    score: row.amount_cents,
    evidence:
      `No payroll deposit from ${from} to ${to}, after payroll in ${row.periods} of the 3 periods before ` +
      `(last: ${ctx.money(row.amount_cents)} from ${row.payer} on ${row.last_date})`,
  }));
}
