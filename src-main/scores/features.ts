/**
 * What the next-product models read of each customer at a date: the families they held then,
 * how many accounts, tenure, age, deposit and loan balances (from the month-end snapshot on or
 * before the date), and the KLIs that flagged them at that date. One row per customer, in id order.
 *
 * The same reading at two dates gives the training (features at the window's start, openings
 * after it) and the scoring (features today).
 */
import { FAMILY_INFO, PRODUCT_FAMILIES, type ProductFamily } from '../../src-shared/domain';
import type { Db } from '../db/open';
import { parseDay } from '../demo/dates';
import { listDefinitions } from '../kli/definitions';

export type FeatureKind = 'flag' | 'count' | 'years' | 'amount';

export interface FeatureSpec {
  key: string;
  label: string;
  kind: FeatureKind;
}

/** The customers, once: ids in order and what does not depend on the date. */
export interface Customers {
  ids: Int32Array;
  rowOf: Map<number, number>;
  birth: (number | null)[];
  since: (number | null)[];
}

export interface FeatureTable {
  at: string;
  specs: FeatureSpec[];
  /** n × specs.length, row-major. */
  x: Float64Array;
  /** Bit i set: held a PRODUCT_FAMILIES[i] account at the date. */
  held: Uint16Array;
  /** Accounts held at the date (0: not yet, or no longer, a customer). */
  accounts: Int32Array;
  /** The balance snapshot read (null: none on or before the date, balances left out). */
  snapshot: string | null;
}

export const familyBit = (family: ProductFamily): number => 1 << PRODUCT_FAMILIES.indexOf(family);

export function loadCustomers(db: Db): Customers {
  const rows = db.prepare('SELECT id, birth_date, customer_since FROM customers ORDER BY id').raw().all() as [
    number,
    string | null,
    string | null,
  ][];
  const day = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? parseDay(iso) : null);
  return {
    ids: Int32Array.from(rows.map((r) => r[0])),
    rowOf: new Map(rows.map((r, i) => [r[0], i])),
    birth: rows.map((r) => day(r[1])),
    since: rows.map((r) => day(r[2])),
  };
}

/** KLIs flagging enough customers to learn from, and not nearly everyone. */
export interface KliFeature {
  id: string;
  name: string;
}

/** Customer ids each KLI flags (at some date). */
export type KliFlags = ReadonlyMap<string, readonly number[]>;

/** The KLIs flagged at the last compute, as stored. */
export function storedKliFlags(db: Db): KliFlags {
  const flags = new Map<string, number[]>();
  for (const [kli, customer] of db.prepare('SELECT kli_id, customer_id FROM kli_results').raw().all() as [
    string,
    number,
  ][]) {
    let list = flags.get(kli);
    if (!list) flags.set(kli, (list = []));
    list.push(customer);
  }
  return flags;
}

/** KLIs flagging enough customers (at the date learned from) to learn from, and not nearly everyone. */
export function usableKlis(db: Db, flags: KliFlags, customers: number): KliFeature[] {
  return listDefinitions(db)
    .filter((k) => {
      const n = flags.get(k.id)?.length ?? 0;
      return n >= Math.max(20, customers * 0.002) && n <= customers * 0.98;
    })
    .map((k) => ({ id: k.id, name: k.name }));
}

export function featureSpecs(klis: readonly KliFeature[]): FeatureSpec[] {
  return [
    ...PRODUCT_FAMILIES.map((f): FeatureSpec => ({
      key: `holds:${f}`,
      label: FAMILY_INFO[f].label.toLowerCase(),
      kind: 'flag',
    })),
    { key: 'accounts', label: 'accounts', kind: 'count' },
    { key: 'tenure', label: 'years as a customer', kind: 'years' },
    { key: 'age', label: 'age', kind: 'years' },
    { key: 'age_unknown', label: 'age not on file', kind: 'flag' },
    { key: 'deposits', label: 'deposits', kind: 'amount' },
    { key: 'loans', label: 'loan balances', kind: 'amount' },
    ...klis.map((k): FeatureSpec => ({ key: `kli:${k.id}`, label: k.name, kind: 'flag' })),
  ];
}

const OWNED_AT = `FROM account_owners o JOIN accounts a ON a.id = o.account_id JOIN products p ON p.code = a.product_code
  WHERE a.open_date <= @at AND (a.close_date > @at OR (coalesce(a.close_date, '') = '' AND a.status IN ('OPEN', 'DORMANT')))`;

export function readFeatures(
  db: Db,
  customers: Customers,
  klis: readonly KliFeature[],
  kliFlags: KliFlags,
  at: string,
): FeatureTable {
  const specs = featureSpecs(klis);
  const d = specs.length;
  const n = customers.ids.length;
  const x = new Float64Array(n * d);
  const held = new Uint16Array(n);
  const accounts = new Int32Array(n);
  const col = new Map(specs.map((s, j) => [s.key, j]));
  const familyIndex = new Map(PRODUCT_FAMILIES.map((f, i) => [f as string, i]));

  for (const [customer, family, count] of db
    .prepare(`SELECT o.customer_id, p.family, count(*) ${OWNED_AT} GROUP BY o.customer_id, p.family`)
    .raw()
    .all({ at }) as [number, string, number][]) {
    const row = customers.rowOf.get(customer);
    const f = familyIndex.get(family);
    if (row === undefined || f === undefined) continue;
    held[row]! |= 1 << f;
    accounts[row]! += count;
    x[row * d + f] = 1;
  }

  const snapshot = db.prepare('SELECT max(as_of) FROM balance_snapshots WHERE as_of <= ?').pluck().get(at) as
    string | null;
  const deposits = new Float64Array(n);
  const loans = new Float64Array(n);
  if (snapshot) {
    for (const [customer, family, cents] of db
      .prepare(
        `SELECT o.customer_id, p.family, sum(b.balance_cents) FROM balance_snapshots b
         JOIN account_owners o ON o.account_id = b.account_id
         JOIN accounts a ON a.id = b.account_id JOIN products p ON p.code = a.product_code
         WHERE b.as_of = ? GROUP BY o.customer_id, p.family`,
      )
      .raw()
      .all(snapshot) as [number, string, number][]) {
      const row = customers.rowOf.get(customer);
      const kind = (FAMILY_INFO as Record<string, { kind: string }>)[family]?.kind;
      if (row === undefined) continue;
      if (kind === 'deposit') deposits[row]! += Math.abs(cents);
      if (kind === 'loan') loans[row]! += Math.abs(cents);
    }
  }

  const atDay = parseDay(at);
  const knownAges: number[] = [];
  customers.birth.forEach((b) => {
    if (b !== null) knownAges.push((atDay - b) / 365.25);
  });
  const meanAge = knownAges.length ? knownAges.reduce((a, b) => a + b, 0) / knownAges.length : 0;
  const [cAccounts, cTenure, cAge, cAgeUnknown, cDeposits, cLoans] = [
    'accounts',
    'tenure',
    'age',
    'age_unknown',
    'deposits',
    'loans',
  ].map((k) => col.get(k)!) as [number, number, number, number, number, number];
  for (let i = 0; i < n; i++) {
    const base = i * d;
    const birth = customers.birth[i]!;
    const since = customers.since[i]!;
    x[base + cAccounts] = Math.log1p(accounts[i]!);
    x[base + cTenure] = since === null ? 0 : Math.max(0, (atDay - since) / 365.25);
    x[base + cAge] = birth === null ? meanAge : (atDay - birth) / 365.25;
    x[base + cAgeUnknown] = birth === null ? 1 : 0;
    x[base + cDeposits] = Math.log1p(deposits[i]! / 100);
    x[base + cLoans] = Math.log1p(loans[i]! / 100);
  }

  for (const k of klis) {
    const j = col.get(`kli:${k.id}`)!;
    for (const customer of kliFlags.get(k.id) ?? []) {
      const row = customers.rowOf.get(customer);
      if (row !== undefined) x[row * d + j] = 1;
    }
  }
  return { at, specs, x, held, accounts, snapshot };
}

/** Per customer, bit i set for each PRODUCT_FAMILIES[i] in the (customer id, family) rows a query gives. */
function familyBits(db: Db, customers: Customers, where: string, params: string[]): Uint16Array {
  const bits = new Uint16Array(customers.ids.length);
  const familyIndex = new Map(PRODUCT_FAMILIES.map((f, i) => [f as string, i]));
  for (const [customer, family] of db
    .prepare(
      `SELECT DISTINCT o.customer_id, p.family FROM account_owners o JOIN accounts a ON a.id = o.account_id
       JOIN products p ON p.code = a.product_code WHERE ${where}`,
    )
    .raw()
    .all(...params) as [number, string][]) {
    const row = customers.rowOf.get(customer);
    const f = familyIndex.get(family);
    if (row !== undefined && f !== undefined) bits[row]! |= 1 << f;
  }
  return bits;
}

/** Holds an open (or dormant) account of the family today, as the rule field has: reads it. */
export const heldToday = (db: Db, customers: Customers): Uint16Array =>
  familyBits(db, customers, `a.status IN ('OPEN', 'DORMANT')`, []);

/** Opened an account of the family after `from`, up to `to`. */
export const openedBetween = (db: Db, customers: Customers, from: string, to: string): Uint16Array =>
  familyBits(db, customers, 'a.open_date > ? AND a.open_date <= ?', [from, to]);
