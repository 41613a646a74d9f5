import {
  PRODUCT_FAMILIES,
  type BankStats,
  type Dashboard,
  type FamilyPenetration,
  type FamilyTotal,
  type ImportSummary,
  type ProductFamily,
} from '../../src-shared/domain';
import type { Db } from '../db/open';

/** Open accounts count toward holdings and balances; closed ones are history. */
const OPEN = `a.status IN ('OPEN', 'DORMANT')`;

export function getStats(db: Db): BankStats {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const dates = db.prepare('SELECT MIN(posted_date) AS first, MAX(posted_date) AS last FROM transactions').get() as {
    first: string | null;
    last: string | null;
  };
  const byFamily = db
    .prepare(
      `SELECT p.family AS family, COUNT(*) AS accounts, SUM(a.balance_cents) AS balance_cents
       FROM accounts a JOIN products p ON p.code = a.product_code
       WHERE ${OPEN} GROUP BY p.family`,
    )
    .all() as FamilyTotal[];
  const order = (family: string) => {
    const i = PRODUCT_FAMILIES.indexOf(family as ProductFamily);
    return i < 0 ? PRODUCT_FAMILIES.length : i;
  };
  return {
    customers: count('SELECT COUNT(*) FROM customers'),
    households: count('SELECT COUNT(*) FROM households'),
    accounts: count('SELECT COUNT(*) FROM accounts'),
    transactions: count('SELECT COUNT(*) FROM transactions'),
    products: byFamily.sort((a, b) => order(a.family) - order(b.family)),
    first_txn_date: dates.first,
    last_txn_date: dates.last,
  };
}

export function getPenetration(db: Db): FamilyPenetration[] {
  const households = db.prepare('SELECT COUNT(*) FROM households').pluck().get() as number;
  const rows = db
    .prepare(
      `SELECT p.family AS family, COUNT(DISTINCT c.household_id) AS households
       FROM accounts a
       JOIN products p ON p.code = a.product_code
       JOIN account_owners o ON o.account_id = a.id
       JOIN customers c ON c.id = o.customer_id
       WHERE ${OPEN}
       GROUP BY p.family`,
    )
    .all() as { family: ProductFamily; households: number }[];
  const held = new Map(rows.map((r) => [r.family, r.households]));
  return PRODUCT_FAMILIES.map((family) => {
    const count = held.get(family) ?? 0;
    return { family, households: count, share: households > 0 ? count / households : 0 };
  });
}

export function lastImport(db: Db): ImportSummary | null {
  const row = db
    .prepare(
      `SELECT i.id, i.started_at, i.finished_at, i.source,
         COUNT(f.id) AS files, COALESCE(SUM(f.rows_loaded), 0) AS rows_loaded
       FROM imports i LEFT JOIN import_files f ON f.import_id = i.id
       WHERE i.status = 'done'
       GROUP BY i.id ORDER BY i.id DESC LIMIT 1`,
    )
    .get() as ImportSummary | undefined;
  return row ?? null;
}

export function getSetting(db: Db, key: string): string | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
  return typeof value === 'string' ? value : null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function getDashboard(db: Db): Dashboard {
  const multi = db.prepare('SELECT COUNT(*) FROM customers WHERE household_size >= 2').pluck().get() as number;
  return {
    bank_name: getSetting(db, 'bank_name') ?? 'Your bank',
    stats: getStats(db),
    penetration: getPenetration(db),
    last_import: lastImport(db),
    multi_customer_households: multi,
  };
}
