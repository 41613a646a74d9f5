/**
 * The householding rule, shown in Settings and adjustable there: which customers count as one
 * household. Changing it regroups the whole bank at once, in one transaction; imports group
 * new customers by the same rule.
 */
import type { HouseholdRule, HouseholdSettings } from '../../src-shared/domain';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { DEFAULT_HOUSEHOLD_RULE, householdKey, type HouseholdSource } from '../ingest/household-key';
import { refreshCustomerSummaries } from '../ingest/standard-writers';
import type { UndoJournal } from '../ingest/undo-journal';
import { getSetting, setSetting } from './stats';

export function getHouseholdRule(db: Db): HouseholdRule {
  const saved = getSetting(db, 'household_rule');
  return saved
    ? { ...DEFAULT_HOUSEHOLD_RULE, ...(JSON.parse(saved) as Partial<HouseholdRule>) }
    : DEFAULT_HOUSEHOLD_RULE;
}

export function describeRule(rule: HouseholdRule): string {
  const parts: string[] = [];
  if (rule.use_core_id) parts.push('customers with the same household id from the core are one household');
  if (rule.by_address) {
    parts.push(
      `${rule.use_core_id ? 'otherwise, ' : ''}customers at the same mailing address are one household ` +
        '(the address in USPS standard form: case, punctuation, street suffixes and directionals ' +
        `normalised, "#" read as a unit, ZIP cut to five digits${rule.ignore_unit ? '; apartments and suites of one building count as one address' : ''})`,
    );
  }
  if (rule.shared_accounts) parts.push('customers who own an account together are one household too');
  if (parts.length === 0) return 'Every customer is a household alone.';
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}. Customers with none of these are a household alone.`;
}

export function householdSettings(db: Db): HouseholdSettings {
  const rule = getHouseholdRule(db);
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    rule,
    description: describeRule(rule),
    households: count('SELECT COUNT(*) FROM households'),
    customers: count('SELECT COUNT(*) FROM customers'),
  };
}

interface CustomerAddress {
  id: number;
  customer_number: string;
  core_household_id: string | null;
  address_line1: string;
  address_line2: string | null;
  zip: string;
  household_id: number;
}

/**
 * Groups every customer by the rule: each one's key, then (if the rule says) customers who
 * share an account are joined, a group taking the smallest key among its members. Customers
 * whose household changes are journalled when an import is running.
 */
export function regroupHouseholds(db: Db, rule: HouseholdRule, journal?: UndoJournal): { changed: number } {
  const customers = db
    .prepare(
      'SELECT id, customer_number, core_household_id, address_line1, address_line2, zip, household_id FROM customers',
    )
    .all() as CustomerAddress[];
  const keyOf = new Map<number, { key: string; source: HouseholdSource }>();
  for (const c of customers) {
    keyOf.set(c.id, householdKey({ ...c, household_id: c.core_household_id }, rule));
  }
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  if (rule.shared_accounts) {
    const pairs = db
      .prepare(
        `SELECT a.customer_id AS a, b.customer_id AS b FROM account_owners a
         JOIN account_owners b ON b.account_id = a.account_id AND b.customer_id > a.customer_id`,
      )
      .all() as { a: number; b: number }[];
    // Customers of one key are one group to begin with.
    const firstOfKey = new Map<string, number>();
    for (const c of customers) {
      const key = keyOf.get(c.id)?.key ?? '';
      const first = firstOfKey.get(key);
      if (first === undefined) firstOfKey.set(key, c.id);
      else parent.set(find(c.id), find(first));
    }
    for (const { a, b } of pairs) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra, rb);
    }
    const groupKey = new Map<number, { key: string; source: HouseholdSource }>();
    for (const c of customers) {
      const root = find(c.id);
      const mine = keyOf.get(c.id);
      const best = groupKey.get(root);
      if (mine && (!best || mine.key < best.key)) groupKey.set(root, mine);
    }
    for (const c of customers) {
      const group = groupKey.get(find(c.id));
      if (group) keyOf.set(c.id, group);
    }
  }

  const households = new Map(
    (db.prepare('SELECT household_key, id FROM households').all() as { household_key: string; id: number }[]).map(
      (h) => [h.household_key, h.id],
    ),
  );
  const insert = db.prepare('INSERT INTO households (household_key, source) VALUES (?, ?)');
  const move = db.prepare('UPDATE customers SET household_id = ? WHERE id = ?');
  let changed = 0;
  for (const c of customers) {
    const wanted = keyOf.get(c.id);
    if (!wanted) continue;
    let id = households.get(wanted.key);
    if (id === undefined) {
      id = Number(insert.run(wanted.key, wanted.source).lastInsertRowid);
      households.set(wanted.key, id);
    }
    if (id !== c.household_id) {
      journal?.before('customers', [c.id]);
      move.run(id, c.id);
      changed += 1;
    }
  }
  refreshCustomerSummaries(db, journal);
  return { changed };
}

/** Saves a new rule and regroups the bank by it, all or nothing. */
export function setHouseholdRule(db: Db, rule: HouseholdRule, actor: string): HouseholdSettings {
  db.transaction(() => {
    setSetting(db, 'household_rule', JSON.stringify(rule));
    const { changed } = regroupHouseholds(db, rule);
    audit(db, {
      actor,
      action: 'households.rule',
      entity: 'settings',
      entity_id: 'household_rule',
      detail: { rule, changed },
    });
  })();
  return householdSettings(db);
}
