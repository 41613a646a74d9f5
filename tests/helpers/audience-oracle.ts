/**
 * A plain in-memory evaluator of audience rules, written apart from the SQL compiler: it reads
 * the bank's rows into objects once and decides each condition in JavaScript. The rule
 * compiler's property tests compare the two on random rules.
 */
import type { RuleCondition, RuleNode, RuleScalar } from '../../src-shared/audience';
import type { Db } from '../../src-main/db/open';

interface Holding {
  family: string;
  code: string;
  balance: number;
}

export interface OracleCustomer {
  id: number;
  household: number;
  birth: string | null;
  gender: string | null;
  state: string;
  zip: string;
  city: string;
  branch: string | null;
  since: string | null;
  openAccounts: number;
  deposits: number;
  loans: number;
  householdSize: number;
  holdings: Holding[];
  klis: Map<string, number>;
  scores: Map<string, number>;
  triggers: Set<string>;
  contacts: { campaign: string; channel: string; on: string; responded: string | null }[];
}

export function loadOracle(db: Db): OracleCustomer[] {
  const customers = new Map<number, OracleCustomer>();
  for (const r of db
    .prepare(
      `SELECT id, household_id, birth_date, gender, state, zip, city, branch_code, customer_since, open_accounts,
              deposits_cents, loans_cents, household_size FROM customers`,
    )
    .raw()
    .all() as [
    number,
    number,
    string | null,
    string | null,
    string,
    string,
    string,
    string | null,
    string | null,
    number,
    number,
    number,
    number,
  ][]) {
    customers.set(r[0], {
      id: r[0],
      household: r[1],
      birth: r[2],
      gender: r[3],
      state: r[4],
      zip: r[5],
      city: r[6],
      branch: r[7],
      since: r[8],
      openAccounts: r[9],
      deposits: r[10],
      loans: r[11],
      householdSize: r[12],
      holdings: [],
      klis: new Map(),
      scores: new Map(),
      triggers: new Set(),
      contacts: [],
    });
  }
  for (const [customer, family, code, balance, status] of db
    .prepare(
      `SELECT o.customer_id, p.family, a.product_code, a.balance_cents, a.status
       FROM account_owners o JOIN accounts a ON a.id = o.account_id JOIN products p ON p.code = a.product_code`,
    )
    .raw()
    .all() as [number, string, string, number, string][]) {
    if (status === 'OPEN' || status === 'DORMANT') customers.get(customer)?.holdings.push({ family, code, balance });
  }
  for (const [customer, kli, value] of db.prepare('SELECT customer_id, kli_id, value FROM kli_results').raw().all() as [
    number,
    string,
    number,
  ][])
    customers.get(customer)?.klis.set(kli, value);
  for (const [customer, family, score] of db
    .prepare('SELECT customer_id, family, score FROM product_scores')
    .raw()
    .all() as [number, string, number][])
    customers.get(customer)?.scores.set(family, score);
  for (const [customer, trigger] of db.prepare('SELECT customer_id, trigger_id FROM trigger_hits').raw().all() as [
    number,
    string,
  ][])
    customers.get(customer)?.triggers.add(trigger);
  for (const [customer, campaign, channel, on, responded] of db
    .prepare('SELECT customer_id, campaign, channel, contacted_on, responded_on FROM contact_history')
    .raw()
    .all() as [number, string, string, string, string | null][])
    customers.get(customer)?.contacts.push({ campaign, channel, on, responded });
  return [...customers.values()];
}

const wholeYears = (from: string, to: string) =>
  Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5, 10) < from.slice(5, 10) ? 1 : 0);
const wholeMonths = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7)) -
  (to.slice(8, 10) < from.slice(8, 10) ? 1 : 0);
const days = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);

type Known = number | string | null;

/** The customer's value of a field (null: unknown), or a yes/no for flags. */
function valueOf(c: OracleCustomer, field: string, asOf: string): Known | boolean {
  const [prefix, param = ''] = field.split(/:(.*)/s) as [string, string?];
  switch (prefix) {
    case 'age':
      return c.birth ? wholeYears(c.birth, asOf) : null;
    case 'birth_date':
      return c.birth || null;
    case 'gender':
      return c.gender || null;
    case 'state':
      return c.state;
    case 'zip':
      return c.zip.slice(0, 5) || null;
    case 'city':
      return c.city;
    case 'branch':
      return c.branch || null;
    case 'tenure_months':
      return c.since ? wholeMonths(c.since, asOf) : null;
    case 'products_count':
      return c.openAccounts;
    case 'household_size':
      return c.householdSize;
    case 'mailed_within_days': {
      const mailed = c.contacts.filter((h) => h.channel === 'mail').map((h) => h.on);
      return mailed.length ? days(mailed.sort().at(-1)!, asOf) : null;
    }
    case 'balance':
      if (param === 'deposits') return c.deposits;
      if (param === 'loans') return c.loans;
      return c.holdings.filter((h) => h.family === param).reduce((sum, h) => sum + h.balance, 0);
    case 'has':
      return c.holdings.some((h) => h.family === param);
    case 'has_code':
      return c.holdings.some((h) => h.code === param);
    case 'kli':
      return c.klis.get(param) ?? null;
    case 'score':
      return c.scores.get(param) ?? null;
    case 'trigger':
      return c.triggers.has(param);
    case 'responded':
      return c.contacts.some((h) => h.campaign === param && h.responded !== null);
    default:
      throw new Error(`oracle: unknown field ${field}`);
  }
}

const TEXT_FIELDS = new Set(['gender', 'state', 'zip', 'city', 'branch']);

function condition(c: OracleCustomer, cond: RuleCondition, asOf: string): boolean {
  const { field, op, value } = cond;
  if (field.startsWith('kli:') && typeof value === 'boolean') {
    const has = c.klis.has(field.slice(4));
    return op === '=' ? has === value : has !== value;
  }
  const actual = valueOf(c, field, asOf);
  if (typeof actual === 'boolean') return op === '=' ? actual === value : actual !== value;
  if (actual === null) return false;
  const text = TEXT_FIELDS.has(field);
  const norm = (v: RuleScalar | Known): Known => {
    if (v === null || typeof v === 'boolean') return null;
    if (text) return String(v).trim().toLowerCase();
    if (field.startsWith('balance:') && typeof v === 'number') return Math.round(v * 100);
    return v;
  };
  const a = text ? String(actual).toLowerCase() : actual;
  if (op === 'in') return (value as RuleScalar[]).some((v) => norm(v) === a);
  if (op === 'between') {
    const [low, high] = (value as RuleScalar[]).map(norm) as [number | string, number | string];
    return a >= low && a <= high;
  }
  const b = norm(value as RuleScalar)!;
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

export function evaluateRule(c: OracleCustomer, node: RuleNode, asOf: string): boolean {
  if ('field' in node) return condition(c, node, asOf);
  if ('not' in node) return !evaluateRule(c, node.not, asOf);
  if ('all' in node) return node.all.every((n) => evaluateRule(c, n, asOf));
  return node.any.some((n) => evaluateRule(c, n, asOf));
}
