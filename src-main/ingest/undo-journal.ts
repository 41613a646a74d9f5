/**
 * What an import changed, written as it goes, so the newest import can be rolled back: for
 * each row it added, the row's key; for each row it changed or removed, the row as it was.
 * Transactions, by far the most rows, are not journalled: an import's new transactions are one
 * range of ids (imports never run at the same time, and ids only grow).
 */
import type { Db } from '../db/open';

/** Tables whose new rows are one range of ids: ids only grow, and imports never overlap. */
const RANGED = ['households', 'customers', 'accounts', 'payees'] as const;
export type RangedTable = (typeof RANGED)[number];

/** Tables whose rows are journalled by primary key, and that key's columns. */
const KEYS = {
  settings: ['key'],
  products: ['code'],
  branches: ['code'],
  geography: ['code'],
  households: ['id'],
  customers: ['id'],
  accounts: ['id'],
  payees: ['id'],
  balance_snapshots: ['account_id', 'as_of'],
} as const;
export type JournalTable = keyof typeof KEYS | 'account_owners';

export interface UndoJournal {
  readonly importId: number;
  /** A row this import added: rollback deletes it. (Not needed for the ranged tables.) */
  added(table: keyof typeof KEYS, key: unknown[]): void;
  /** A row about to be changed or removed: rollback puts it back as it is now. Once per row. */
  before(table: keyof typeof KEYS, key: unknown[]): void;
  /** Whether a row of a ranged table was added by this import (rollback deletes it whole). */
  isNew(table: RangedTable, id: number): boolean;
  /** The owners of an account about to change: rollback puts the whole set back. Once per account. */
  ownersBefore(accountId: number): void;
}

export function createUndoJournal(db: Db, importId: number): UndoJournal {
  const insert = db.prepare('INSERT INTO import_undo (import_id, table_name, row_key, before) VALUES (?, ?, ?, ?)');
  const selects = new Map<string, ReturnType<Db['prepare']>>();
  const selectRow = (table: keyof typeof KEYS) => {
    let stmt = selects.get(table);
    if (!stmt) {
      const where = KEYS[table].map((c) => `${c} = ?`).join(' AND ');
      stmt = db.prepare(`SELECT * FROM ${table} WHERE ${where}`);
      selects.set(table, stmt);
    }
    return stmt;
  };
  const seen = new Set<string>();
  const owners = db.prepare('SELECT customer_id, role, owner_key FROM account_owners WHERE account_id = ?');
  // First, where each ranged table ends: rollback deletes every row after it.
  const lastBefore = new Map<RangedTable, number>();
  for (const table of RANGED) {
    const last = (db.prepare(`SELECT MAX(id) FROM ${table}`).pluck().get() as number | null) ?? 0;
    lastBefore.set(table, last);
    insert.run(importId, table, JSON.stringify(['after', last]), null);
  }
  return {
    importId,
    isNew: (table, id) => id > (lastBefore.get(table) ?? 0),
    added(table, key) {
      const rowKey = JSON.stringify(key);
      seen.add(`${table}:${rowKey}`);
      insert.run(importId, table, rowKey, null);
    },
    before(table, key) {
      const rowKey = JSON.stringify(key);
      const id = `${table}:${rowKey}`;
      if (seen.has(id)) return;
      seen.add(id);
      const row = selectRow(table).get(key);
      if (row) insert.run(importId, table, rowKey, JSON.stringify(row));
    },
    ownersBefore(accountId) {
      const id = `account_owners:${accountId}`;
      // A new account's owners go with it.
      if (accountId > (lastBefore.get('accounts') ?? 0) || seen.has(id)) return;
      seen.add(id);
      insert.run(importId, 'account_owners', JSON.stringify([accountId]), JSON.stringify(owners.all(accountId)));
    },
  };
}

/** Undoes one import's changes, newest first. Runs inside the caller's transaction. */
export function undoImport(db: Db, importId: number): void {
  // Rows come back in journal order, not reference order: references are checked at commit.
  db.pragma('defer_foreign_keys = ON');
  const range = db
    .prepare('SELECT first_transaction_id AS first, last_transaction_id AS last FROM imports WHERE id = ?')
    .get(importId) as { first: number | null; last: number | null };
  if (range.first !== null && range.last !== null) {
    db.prepare('DELETE FROM transactions WHERE id BETWEEN ? AND ?').run(range.first, range.last);
  }
  // Snapshots this import wrote (added or changed); the changed ones come back from the journal.
  db.prepare('DELETE FROM balance_snapshots WHERE import_id = ?').run(importId);
  const entries = db
    .prepare('SELECT table_name, row_key, before FROM import_undo WHERE import_id = ? ORDER BY seq DESC')
    .all(importId) as { table_name: JournalTable; row_key: string; before: string | null }[];
  for (const entry of entries) {
    const key = JSON.parse(entry.row_key) as unknown[];
    if (key[0] === 'after') {
      db.prepare(`DELETE FROM ${entry.table_name as RangedTable} WHERE id > ?`).run(key[1]);
      continue;
    }
    if (entry.table_name === 'account_owners') {
      restoreOwners(db, key[0] as number, JSON.parse(entry.before ?? '[]') as OwnerRow[]);
      continue;
    }
    const table = entry.table_name;
    const keyColumns = KEYS[table];
    const where = keyColumns.map((c) => `${c} = ?`).join(' AND ');
    if (entry.before === null) {
      db.prepare(`DELETE FROM ${table} WHERE ${where}`).run(key);
      continue;
    }
    const row = JSON.parse(entry.before) as Record<string, unknown>;
    const columns = Object.keys(row);
    const keyParams = Object.fromEntries(key.map((value, i) => [`key_${i}`, value]));
    const whereNamed = keyColumns.map((c, i) => `${c} = @key_${i}`).join(' AND ');
    const updated = db
      .prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE ${whereNamed}`)
      .run({ ...row, ...keyParams }).changes;
    if (updated === 0) {
      db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(
        row,
      );
    }
  }
}

interface OwnerRow {
  customer_id: number;
  role: string;
  owner_key: string | null;
}

function restoreOwners(db: Db, accountId: number, rows: OwnerRow[]): void {
  db.prepare('DELETE FROM account_owners WHERE account_id = ?').run(accountId);
  const insert = db.prepare(
    'INSERT INTO account_owners (account_id, customer_id, role, owner_key) VALUES (?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(accountId, r.customer_id, r.role, r.owner_key);
}
