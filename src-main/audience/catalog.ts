/** The rule builder's choices in this bank: fields with their parameters expanded, products, suppressions. */
import {
  PLAIN_FIELDS,
  fieldSpec,
  type AudienceCatalog,
  type AudienceDetails,
  type FieldSpec,
  type RuleNode,
} from '../../src-shared/audience';
import { PRODUCT_FAMILIES } from '../../src-shared/domain';
import type { Db } from '../db/open';
import { listDefinitions } from '../kli/definitions';
import { scoredFamilies } from '../scores/store';
import { listTriggers } from '../triggers/rules-store';
import { compileRule } from './compile';
import { activeSuppressions, isCreditFamily, mailableWhere, ruleContext, today, type CountOptions } from './count';
import { LETTER_ORDER } from './explain';
import { suppressionLibrary } from './suppressions';

export function audienceCatalog(db: Db): AudienceCatalog {
  const products = (
    db.prepare('SELECT code, name, family FROM products ORDER BY family, code').all() as {
      code: string;
      name: string;
      family: string;
    }[]
  ).map((p) => ({ ...p, credit: isCreditFamily(p.family) }));
  const named = (field: string, label: string): FieldSpec => ({ ...fieldSpec(field)!, label });
  const fields: FieldSpec[] = [
    ...PLAIN_FIELDS,
    ...PRODUCT_FAMILIES.map((f) => fieldSpec(`has:${f}`)!),
    ...products.map((p) => named(`has_code:${p.code}`, `Has ${p.name} (${p.code})`)),
    ...PRODUCT_FAMILIES.map((f) => fieldSpec(`balance:${f}`)!),
    ...listDefinitions(db).map((k) => named(`kli:${k.id}`, k.name)),
    ...scoredFamilies(db).map((f) => fieldSpec(`score:${f}`)!),
    ...listTriggers(db).map((t) => named(`trigger:${t.id}`, t.name)),
    ...(db.prepare('SELECT DISTINCT campaign FROM contact_history ORDER BY campaign').pluck().all() as string[]).map(
      (c) => fieldSpec(`responded:${c}`)!,
    ),
  ];
  const suppressions = suppressionLibrary(db).map(({ id, label, description, default_on }) => ({
    id,
    label,
    description,
    default_on,
  }));
  return { fields, products, suppressions };
}

/** A sample of who is left after the suppressions (in household-letter order), and counts by branch and family. */
export function audienceDetails(db: Db, rule: RuleNode, options: CountOptions = {}, sampleSize = 25): AudienceDetails {
  const asOf = options.asOf ?? today();
  const compiled = compileRule(rule, ruleContext(db, asOf));
  const { sql: where, params } = mailableWhere(compiled, activeSuppressions(db, asOf, options));
  const sample = db
    .prepare(
      `SELECT c.id, c.customer_number, trim(c.first_name || ' ' || c.last_name) AS name, c.city, c.state,
              c.branch_code AS branch
       FROM customers c WHERE ${where} ORDER BY ${LETTER_ORDER} LIMIT ?`,
    )
    .all(...params, sampleSize) as AudienceDetails['sample'];
  const byBranch = db
    .prepare(
      `SELECT c.branch_code AS branch, count(*) AS customers FROM customers c WHERE ${where}
       GROUP BY c.branch_code ORDER BY customers DESC, branch`,
    )
    .all(...params) as AudienceDetails['by_branch'];
  const byFamily = db
    .prepare(
      `SELECT p.family, count(DISTINCT c.id) AS customers
       FROM customers c JOIN account_owners o ON o.customer_id = c.id JOIN accounts a ON a.id = o.account_id
         JOIN products p ON p.code = a.product_code
       WHERE a.status IN ('OPEN', 'DORMANT') AND ${where}
       GROUP BY p.family ORDER BY customers DESC, p.family`,
    )
    .all(...params) as AudienceDetails['by_family'];
  return { sample, by_branch: byBranch, by_family: byFamily };
}
