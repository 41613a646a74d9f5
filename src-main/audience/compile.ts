/**
 * Compiles an audience rule (src-shared/audience.ts) to a parameterized SQL condition over the
 * customers table (alias `c`). Nothing the user wrote is ever put in the SQL text: fields are
 * looked up in a fixed table of expressions, values travel as parameters.
 *
 * Every condition compiles to 0 or 1 (`coalesce(…, 0)`): a condition about an unknown value is
 * false, and `not` of it true.
 */
import {
  OPS_BY_TYPE,
  fieldSpec,
  isCondition,
  type FieldSpec,
  type RuleCondition,
  type RuleNode,
  type RuleOp,
  type RuleScalar,
} from '../../src-shared/audience';
import { ruleLimitsError } from '../../src-shared/audience-schema';
import { isIsoDate } from '../../src-shared/domain';
import { AppError } from '../app/errors';

/** What the compiler checks names against, and the date ages and recency count from. */
export interface RuleContext {
  /** YYYY-MM-DD. */
  asOf: string;
  klis: ReadonlySet<string>;
  triggers: ReadonlySet<string>;
  productCodes: ReadonlySet<string>;
}

export interface CompiledRule {
  sql: string;
  params: (string | number)[];
}

/** A rule that cannot be compiled, with the path of the node at fault ("rule.all[2]"). */
export class RuleError extends AppError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super('invalid_input', `${path}: ${message}`);
    this.name = 'RuleError';
  }
}

const OPEN = `a.status IN ('OPEN', 'DORMANT')`;
/** The open (and dormant) accounts customer `c` holds as owner or joint owner, with their products (aliases o, a, p). */
export const OWNED = `FROM account_owners o JOIN accounts a ON a.id = o.account_id JOIN products p ON p.code = a.product_code
  WHERE o.customer_id = c.id AND ${OPEN}`;

/** Whole years from a date column to the as-of date (parameter). */
const yearsSince = (column: string) =>
  `(CAST(substr(?, 1, 4) AS INTEGER) - CAST(substr(${column}, 1, 4) AS INTEGER) - (substr(?, 6, 5) < substr(${column}, 6, 5)))`;
/** A customer's age in whole years at the as-of date (parameters: as-of twice); NULL when unknown. */
export const AGE_SQL = yearsSince("nullif(c.birth_date, '')");

/** Whole months from a date column to the as-of date. */
const monthsSince = (column: string) =>
  `((CAST(substr(?, 1, 4) AS INTEGER) - CAST(substr(${column}, 1, 4) AS INTEGER)) * 12 +
    CAST(substr(?, 6, 2) AS INTEGER) - CAST(substr(${column}, 6, 2) AS INTEGER) - (substr(?, 9, 2) < substr(${column}, 9, 2)))`;

export interface Expression {
  sql: string;
  params: (string | number)[];
}

/** The SQL value of a plain or parametric field (flags compile elsewhere). */
function valueOf(spec: FieldSpec, ctx: RuleContext, path: string): Expression {
  const [prefix, param = ''] = spec.field.includes(':') ? splitField(spec.field) : [spec.field];
  switch (prefix) {
    case 'age':
      return { sql: AGE_SQL, params: [ctx.asOf, ctx.asOf] };
    case 'birth_date':
      return { sql: "nullif(c.birth_date, '')", params: [] };
    case 'gender':
      return { sql: "nullif(c.gender, '')", params: [] };
    case 'state':
      return { sql: 'c.state', params: [] };
    case 'zip':
      return { sql: "nullif(substr(c.zip, 1, 5), '')", params: [] };
    case 'city':
      return { sql: 'c.city', params: [] };
    case 'branch':
      return { sql: "nullif(c.branch_code, '')", params: [] };
    case 'tenure_months':
      return { sql: monthsSince("nullif(c.customer_since, '')"), params: [ctx.asOf, ctx.asOf, ctx.asOf] };
    case 'products_count':
      return { sql: 'c.open_accounts', params: [] };
    case 'household_size':
      return { sql: 'c.household_size', params: [] };
    case 'mailed_within_days':
      return {
        sql: `CAST(julianday(?) - julianday((SELECT max(h.contacted_on) FROM contact_history h
                WHERE h.customer_id = c.id AND h.channel = 'mail')) AS INTEGER)`,
        params: [ctx.asOf],
      };
    case 'balance':
      if (param === 'deposits') return { sql: 'c.deposits_cents', params: [] };
      if (param === 'loans') return { sql: 'c.loans_cents', params: [] };
      return { sql: `(SELECT coalesce(sum(a.balance_cents), 0) ${OWNED} AND p.family = ?)`, params: [param] };
    case 'kli':
      knownKli(param, ctx, path);
      return {
        sql: '(SELECT r.value FROM kli_results r WHERE r.customer_id = c.id AND r.kli_id = ?)',
        params: [param],
      };
    case 'score':
      // 1–100 among those scored; holders of the family are not scored (unknown: never selected).
      return {
        sql: '(SELECT s.score FROM product_scores s WHERE s.customer_id = c.id AND s.family = ?)',
        params: [param],
      };
    default:
      throw new RuleError(path, `"${spec.field}" cannot be compared with a value`);
  }
}

/** The SQL test of a flag field (has a product, has a KLI, a trigger hit, responded). */
function flagOf(spec: FieldSpec, ctx: RuleContext, path: string): Expression {
  const [prefix, param] = splitField(spec.field);
  switch (prefix) {
    case 'has':
      return { sql: `EXISTS (SELECT 1 ${OWNED} AND p.family = ?)`, params: [param] };
    case 'has_code':
      if (!ctx.productCodes.has(param)) throw new RuleError(path, `no product with the code "${param}" in this bank`);
      return { sql: `EXISTS (SELECT 1 ${OWNED} AND a.product_code = ?)`, params: [param] };
    case 'kli':
      knownKli(param, ctx, path);
      return {
        sql: 'EXISTS (SELECT 1 FROM kli_results r WHERE r.customer_id = c.id AND r.kli_id = ?)',
        params: [param],
      };
    case 'trigger':
      if (!ctx.triggers.has(param)) throw new RuleError(path, `no trigger "${param}" in this bank`);
      return {
        sql: 'EXISTS (SELECT 1 FROM trigger_hits t WHERE t.customer_id = c.id AND t.trigger_id = ?)',
        params: [param],
      };
    case 'responded':
      return {
        sql: `EXISTS (SELECT 1 FROM contact_history h WHERE h.customer_id = c.id AND h.campaign = ?
                AND h.responded_on IS NOT NULL)`,
        params: [param],
      };
    default:
      throw new RuleError(path, `"${spec.field}" is not a yes/no field`);
  }
}

function knownKli(id: string, ctx: RuleContext, path: string): void {
  if (!ctx.klis.has(id)) throw new RuleError(path, `no KLI "${id}" in this bank's library`);
}

function splitField(field: string): [string, string] {
  const colon = field.indexOf(':');
  return [field.slice(0, colon), field.slice(colon + 1)];
}

/** A condition's value as SQL parameters for its field's type, or a RuleError saying what is wrong. */
function parameter(spec: FieldSpec, value: RuleScalar, path: string): string | number {
  const wrong = (wanted: string) => new RuleError(path, `${spec.field} takes ${wanted}, not ${JSON.stringify(value)}`);
  switch (spec.type) {
    case 'number':
    case 'kli':
      if (typeof value !== 'number') throw wrong('a number');
      return value;
    case 'money':
      if (typeof value !== 'number') throw wrong('an amount in dollars');
      return Math.round(value * 100);
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) throw wrong('a date written YYYY-MM-DD');
      return value;
    case 'text':
      if (typeof value === 'boolean') throw wrong('text');
      return String(value).trim();
    case 'flag':
      throw wrong('true or false');
  }
}

/**
 * A condition checked and taken apart: what it reads of a customer (`subject`, SQL) and how that
 * is compared. A yes/no condition holds when the subject (0 or 1) is `positive`; any other holds
 * when `subject op values` does, never when the subject is unknown (NULL). Text compares without
 * regard to ASCII case.
 */
export type ConditionParts =
  | { yesNo: true; subject: Expression; positive: boolean }
  | {
      yesNo: false;
      subject: Expression;
      op: RuleOp;
      values: (string | number)[];
      nocase: boolean;
    };

export function conditionParts(condition: RuleCondition, ctx: RuleContext, path: string): ConditionParts {
  const spec = fieldSpec(condition.field);
  if (!spec) throw new RuleError(path, `unknown field "${condition.field}"`);
  const { op, value } = condition;
  if (!OPS_BY_TYPE[spec.type].includes(op)) {
    throw new RuleError(path, `${spec.field} cannot use "${op}" (it takes ${OPS_BY_TYPE[spec.type].join(' ')})`);
  }
  const yesNo = spec.type === 'flag' || (spec.type === 'kli' && typeof value === 'boolean');
  if (yesNo) {
    if (typeof value !== 'boolean' || (op !== '=' && op !== '!='))
      throw new RuleError(path, `${spec.field} is yes/no: write "=" or "!=" with true or false`);
    return { yesNo, subject: flagOf(spec, ctx, path), positive: (op === '=') === value };
  }
  const subject = valueOf(spec, ctx, path);
  const nocase = spec.type === 'text';
  if (op === 'in') {
    if (!Array.isArray(value)) throw new RuleError(path, `"in" takes a list of values`);
    return { yesNo, subject, op, values: value.map((v) => parameter(spec, v, path)), nocase };
  }
  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2) throw new RuleError(path, `"between" takes [low, high]`);
    const [low, high] = value.map((v) => parameter(spec, v, path)) as [string | number, string | number];
    if (low > high) throw new RuleError(path, `"between" takes the low value first: [${high}, ${low}]`);
    return { yesNo, subject, op, values: [low, high], nocase };
  }
  if (Array.isArray(value)) throw new RuleError(path, `"${op}" takes one value (use "in" for a list)`);
  return { yesNo, subject, op, values: [parameter(spec, value, path)], nocase };
}

/** One condition as SQL over customers `c`: 0 or 1. */
export function compileCondition(condition: RuleCondition, ctx: RuleContext, path: string): Expression {
  const parts = conditionParts(condition, ctx, path);
  const { subject } = parts;
  if (parts.yesNo) return { sql: parts.positive ? subject.sql : `NOT ${subject.sql}`, params: subject.params };
  const left = `${subject.sql}${parts.nocase ? ' COLLATE NOCASE' : ''}`;
  const test =
    parts.op === 'in'
      ? `IN (${parts.values.map(() => '?').join(', ')})`
      : parts.op === 'between'
        ? 'BETWEEN ? AND ?'
        : `${parts.op} ?`;
  return { sql: `coalesce(${left} ${test}, 0)`, params: [...subject.params, ...parts.values] };
}

/** The rule as one SQL condition over customers `c`, true (1) for the customers it selects. */
export function compileRule(rule: RuleNode, ctx: RuleContext): CompiledRule {
  const limits = ruleLimitsError(rule);
  if (limits) throw new RuleError(limits.slice(0, limits.indexOf(':')), limits.slice(limits.indexOf(':') + 2));
  const params: (string | number)[] = [];
  const walk = (node: RuleNode, path: string): string => {
    if (isCondition(node)) {
      const compiled = compileCondition(node, ctx, path);
      params.push(...compiled.params);
      return compiled.sql;
    }
    if ('not' in node) return `NOT (${walk(node.not, `${path}.not`)})`;
    const [key, children, joiner, empty] =
      'all' in node ? (['all', node.all, ' AND ', '1'] as const) : (['any', node.any, ' OR ', '0'] as const);
    if (children.length === 0) return empty;
    return `(${children.map((child, i) => walk(child, `${path}.${key}[${i}]`)).join(joiner)})`;
  };
  const sql = walk(rule, 'rule');
  return { sql, params };
}

/**
 * What a condition reads of a customer, as SQL (for "explain"): the field's value, or for a
 * yes/no field whether it holds. Money comes in cents.
 */
export function conditionSubject(
  condition: RuleCondition,
  ctx: RuleContext,
  path: string,
): Expression & { money: boolean; yesNo: boolean } {
  const spec = fieldSpec(condition.field);
  if (!spec) throw new RuleError(path, `unknown field "${condition.field}"`);
  const yesNo = spec.type === 'flag' || (spec.type === 'kli' && typeof condition.value === 'boolean');
  const subject = yesNo ? flagOf(spec, ctx, path) : valueOf(spec, ctx, path);
  return { ...subject, money: spec.type === 'money', yesNo };
}
