/**
 * Balance and average-balance triggers: the account's balance crossed a threshold at the
 * latest snapshot and, with `months` N, has stayed across it for the last N snapshot periods,
 * after a period on the other side. The crossing is what fires, so a balance that stays high
 * is flagged once, not every month. A period with no snapshot breaks the run, and an account
 * with no snapshot before the run (new this month) is not judged. "Above" and "below" are
 * strict: a balance exactly at the threshold has not crossed it.
 *
 * One statement over the accounts in scope; each period's value is a seek on the snapshots'
 * key (account_id, as_of), and the periods after the first failing one are never read.
 */
import type { IsoDate } from '../../src-shared/domain';
import type { TriggerRule } from '../../src-shared/kli';
import { ACCOUNT_SCOPE, endParams, type EvalContext, type Finding } from './findings';
import { ruleFamilies, ruleMonths } from './rule-checks';

type Column = 'balance_cents' | 'average_balance_cents';

const range = (n: number) => Array.from({ length: n }, (_, k) => k);

/** Value of the latest snapshot in period k, a correlated subquery on account `a`. */
const periodValue = (column: Column, k: number) =>
  `(SELECT s.${column} FROM balance_snapshots s
     WHERE s.account_id = a.id AND s.as_of > @e${k + 1} AND s.as_of <= @e${k}
     ORDER BY s.as_of DESC LIMIT 1)`;

export function balanceSql(column: Column, direction: 'above' | 'below', months: number): string {
  const op = direction === 'above' ? '>' : '<';
  const values = range(months + 1).map((k) => `${periodValue(column, k)} AS v${k}`);
  const inRun = range(months).map((k) => `v${k} ${op} @threshold`);
  return `SELECT account_id, product, v0 FROM (
      SELECT a.id AS account_id, pr.name AS product, ${values.join(',\n')}
      FROM accounts a JOIN products pr ON pr.code = a.product_code
      WHERE ${ACCOUNT_SCOPE})
    WHERE ${inRun.join(' AND ')} AND v${months} IS NOT NULL AND NOT (v${months} ${op} @threshold)`;
}

interface Point {
  as_of: IsoDate;
  value: number;
}

/** The points of a flagged account, oldest first: the period before the run, then the run. */
function series(ctx: EvalContext, column: Column, accountId: number, months: number): Point[] {
  const point = ctx.db.prepare(
    `SELECT as_of, ${column} AS value FROM balance_snapshots
     WHERE account_id = ? AND as_of > ? AND as_of <= ? ORDER BY as_of DESC LIMIT 1`,
  );
  return range(months + 1)
    .reverse()
    .flatMap((k) => {
      const found = point.get(accountId, ctx.ends[k + 1], ctx.ends[k]) as Point | undefined;
      return found ? [found] : [];
    });
}

function seriesWords(points: Point[], money: EvalContext['money']): string {
  const words = points.map((p) => `${money(p.value)} on ${p.as_of}`);
  // A long run reads as where it started and where it is now.
  const shown = words.length > 4 ? [words[0], words[1], '…', words[words.length - 1]] : words;
  return shown.join(' → ');
}

export function balanceFindings(ctx: EvalContext, rule: TriggerRule): Finding[] {
  const column: Column = rule.type === 'average-balance' ? 'average_balance_cents' : 'balance_cents';
  const direction = rule.direction ?? 'above';
  const months = ruleMonths(rule);
  const threshold = rule.threshold_cents ?? 0;
  const rows = ctx.db.prepare(balanceSql(column, direction, months)).all({
    ...endParams(ctx.ends, months + 2),
    threshold,
    families: JSON.stringify(ruleFamilies(rule)),
  }) as { account_id: number; product: string; v0: number }[];
  const what = column === 'balance_cents' ? 'Balance' : 'Average balance';
  const crossed = direction === 'above' ? 'rose above' : 'fell below';
  const lasting = months > 1 ? ` for ${months} months in a row` : '';
  return rows.map((row) => ({
    account_id: row.account_id,
    customer_id: null,
    score: direction === 'above' ? row.v0 : -row.v0,
    evidence:
      `${what} ${crossed} ${ctx.money(threshold)}${lasting}: ` +
      `${seriesWords(series(ctx, column, row.account_id, months), ctx.money)} (${row.product})`,
  }));
}
