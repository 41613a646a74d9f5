/**
 * "Explain this customer": for one customer and a rule (a saved audience's version, or a rule
 * file), which conditions hold and which fail, with the customer's own values; which
 * suppressions catch them and which removes them; and whether their household's letter goes
 * to them.
 *
 * The household's letter goes to the member who has banked here longest (earliest customer
 * since), then the oldest, then the lowest customer number, among those left after the
 * suppressions.
 */
import type { AudienceExplanation, ExplainedNode, RuleNode } from '../../src-shared/audience';
import { isCondition } from '../../src-shared/audience';
import { AppError } from '../app/errors';
import type { Db } from '../db/open';
import { compileCondition, compileRule, conditionSubject, type RuleContext } from './compile';
import { activeSuppressions, mailableWhere, ruleContext, today, type CountOptions } from './count';

/** The order a household's letter goes by (SQL ORDER BY over customers `c`). */
export const LETTER_ORDER =
  'c.customer_since IS NULL, c.customer_since, c.birth_date IS NULL, c.birth_date, c.customer_number, c.id';

/** A customer by their number, or by our id when no number matches. */
export function findCustomer(db: Db, ref: string): { id: number; customer_number: string; household_id: number } {
  const byNumber = db
    .prepare('SELECT id, customer_number, household_id FROM customers WHERE customer_number = ?')
    .get(ref) as { id: number; customer_number: string; household_id: number } | undefined;
  if (byNumber) return byNumber;
  const byId = /^\d+$/.test(ref)
    ? (db.prepare('SELECT id, customer_number, household_id FROM customers WHERE id = ?').get(Number(ref)) as
        { id: number; customer_number: string; household_id: number } | undefined)
    : undefined;
  if (!byId) throw new AppError('not_found', `No customer with the number or id "${ref}".`);
  return byId;
}

function explainNode(db: Db, node: RuleNode, ctx: RuleContext, path: string, customerId: number): ExplainedNode {
  if (isCondition(node)) {
    const test = compileCondition(node, ctx, path);
    const holds = db
      .prepare(`SELECT ${test.sql} FROM customers c WHERE c.id = ?`)
      .pluck()
      .get(...test.params, customerId);
    const subject = conditionSubject(node, ctx, path);
    const raw = db
      .prepare(`SELECT ${subject.sql} FROM customers c WHERE c.id = ?`)
      .pluck()
      .get(...subject.params, customerId) as string | number | null;
    const actual = raw === null ? null : subject.yesNo ? raw === 1 : subject.money ? Number(raw) / 100 : raw;
    return { path, kind: node.field, holds: holds === 1, op: node.op, value: node.value, actual };
  }
  if ('not' in node) {
    const child = explainNode(db, node.not, ctx, `${path}.not`, customerId);
    return { path, kind: 'not', holds: !child.holds, children: [child] };
  }
  const [kind, list] = 'all' in node ? (['all', node.all] as const) : (['any', node.any] as const);
  const children = list.map((child, i) => explainNode(db, child, ctx, `${path}.${kind}[${i}]`, customerId));
  const holds = kind === 'all' ? children.every((c) => c.holds) : children.some((c) => c.holds);
  return { path, kind, holds, children };
}

export interface ExplainOptions extends CountOptions {
  audienceId?: number | null;
  version?: number | null;
}

export function explainCustomer(
  db: Db,
  rule: RuleNode,
  customerRef: string,
  options: ExplainOptions = {},
): AudienceExplanation {
  const customer = findCustomer(db, customerRef);
  const asOf = options.asOf ?? today();
  const ctx = ruleContext(db, asOf);
  const explained = explainNode(db, rule, ctx, 'rule', customer.id);
  const active = activeSuppressions(db, asOf, options);
  const suppressions = active.map((s) => ({
    id: s.id,
    label: s.label,
    hits:
      db
        .prepare(`SELECT ${s.sql} FROM customers c WHERE c.id = ?`)
        .pluck()
        .get(...s.params, customer.id) === 1,
  }));
  const removedBy = explained.holds ? (suppressions.find((s) => s.hits)?.id ?? null) : null;
  // The household's letter: its first member, in letter order, whom the rule selects and no suppression removes.
  const mailable = mailableWhere(compileRule(rule, ctx), active);
  const letterTo = (db
    .prepare(
      `SELECT c.id FROM customers c WHERE c.household_id = ? AND ${mailable.sql} ORDER BY ${LETTER_ORDER} LIMIT 1`,
    )
    .pluck()
    .get(customer.household_id, ...mailable.params) ?? null) as number | null;
  return {
    audience_id: options.audienceId ?? null,
    version: options.version ?? null,
    customer_id: customer.id,
    customer_number: customer.customer_number,
    eligible: explained.holds,
    rule: explained,
    suppressions,
    removed_by: removedBy,
    household: { id: customer.household_id, letter_to: letterTo },
    mailed: explained.holds && removedBy === null && letterTo === customer.id,
  };
}
