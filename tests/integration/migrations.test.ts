import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, NewerDatabaseError, openDatabase, schemaVersion } from '../../src-main/db/open';
import { LATEST_VERSION, MIGRATIONS } from '../../src-main/db/migrations';
import { audit } from '../../src-main/db/audit';
import { useTempDir } from '../helpers/temp-dir';

describe('migrations', () => {
  const tempDir = useTempDir();

  it('bring a new file to the latest version with foreign keys and WAL on', () => {
    const db = openDatabase(join(tempDir(), 'bank.sqlite'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['customers', 'accounts', 'transactions', 'balance_snapshots', 'audit_log']),
    );
    db.close();
  });

  it('are numbered 1..n without gaps, and every table is STRICT', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) {
      for (const create of m.sql.matchAll(/CREATE TABLE[^;]+;/g)) {
        expect(create[0], create[0].slice(0, 60)).toMatch(/\)\s*STRICT/);
      }
    }
  });

  it('keep the customer search index in step with the customers table', () => {
    const db = openDatabase(join(tempDir(), 'bank.sqlite'));
    db.exec(`
      INSERT INTO households (id, household_key, source) VALUES (1, 'k', 'address');
      INSERT INTO customers (id, customer_number, first_name, last_name, address_line1, city, state, zip,
        household_id, search_text, sort_name)
      VALUES (1, 'C1', 'Ann', 'Lee', '1 Main St', 'Ames', 'IA', '50010', 1, 'c1 ann lee ames', 'lee, ann');
    `);
    const find = (text: string) =>
      db.prepare('SELECT rowid FROM customer_search WHERE customer_search MATCH ?').pluck().all(`"${text}"`);
    expect(find('lee')).toEqual([1]);
    db.exec("UPDATE customers SET search_text = 'c1 ann park ames' WHERE id = 1");
    expect(find('lee')).toEqual([]);
    expect(find('park')).toEqual([1]);
    db.exec('DELETE FROM customers WHERE id = 1');
    expect(find('park')).toEqual([]);
    db.close();
  });

  it('reopening an up-to-date file changes nothing', () => {
    const path = join(tempDir(), 'bank.sqlite');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuse a database written by a newer version, and leave it untouched', () => {
    const path = join(tempDir(), 'future.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(NewerDatabaseError);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    check.close();
  });

  it('apply all pending steps in one transaction: a failing step leaves the earlier ones undone', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: 'two', sql: 'CREATE TABLE b (y INTEGER) STRICT; THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, ':memory:', steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('the audit log', () => {
  const tempDir = useTempDir();

  it('is append-only: an entry can be added, never changed or removed', () => {
    const db = openDatabase(join(tempDir(), 'bank.sqlite'));
    try {
      audit(db, { actor: 'carol', action: 'settings.bank-names', entity: 'settings' });
      expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(
        /append-only: an entry cannot be changed/,
      );
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only: an entry cannot be removed/);
      expect(db.prepare('SELECT actor FROM audit_log').pluck().all()).toEqual(['carol']);
    } finally {
      db.close();
    }
  });
});
