import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, NewerDatabaseError, openDatabase, schemaVersion } from '../../src-main/db/open';
import { LATEST_VERSION, MIGRATIONS } from '../../src-main/db/migrations';
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
