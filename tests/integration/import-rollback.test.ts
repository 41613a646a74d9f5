import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/app/errors';
import { openDatabase, type Db } from '../../src-main/db/open';
import { listImports, rollbackImport } from '../../src-main/ingest/import-history';
import { loadStandardFiles } from '../../src-main/ingest/import-files';
import { copyStandardSmall } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp-dir';

const options = { actor: 'test', source: 'fixture' };

/** Everything an import can touch, row by row, so "unchanged" means unchanged. */
const TABLES = [
  'products',
  'geography',
  'branches',
  'households',
  'customers',
  'accounts',
  'account_owners',
  'payees',
  'transactions',
  'balance_snapshots',
];
function dump(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

describe('re-importing and rolling back', () => {
  const tempDir = useTempDir();

  function setup() {
    const dir = tempDir();
    const files = copyStandardSmall(join(dir, 'files'));
    const db = openDatabase(join(dir, 'bank.sqlite'));
    const path = (name: string) => files.find((f) => f.endsWith(name)) ?? '';
    return { dir, files, db, path };
  }

  it('re-importing the same files changes nothing', async () => {
    const { files, db } = setup();
    await loadStandardFiles(db, files, { ...options, asOf: '2026-10-31' });
    const before = dump(db);
    const second = await loadStandardFiles(db, files, { ...options, asOf: '2026-10-31' });
    expect(dump(db)).toEqual(before);
    // Every transaction of the second run was already there.
    expect(second.files.find((f) => f.kind === 'transactions')?.duplicates).toBe(6);
    const [newest, oldest] = listImports(db);
    expect(newest?.files.map((f) => f.fingerprint)).toEqual(oldest?.files.map((f) => f.fingerprint));
    db.close();
  });

  it('a new month updates in place; rolling it back restores every row as it was', async () => {
    const { files, db, path } = setup();
    const first = await loadStandardFiles(db, files, { ...options, asOf: '2026-10-31' });
    const afterFirst = dump(db);

    // November: Maria moves (new household), a new customer opens an account, new postings,
    // a balance changes and is snapshotted for the new month.
    const customers = path('customers.csv');
    writeFileSync(customers, readFileSync(customers, 'utf8').replace('9 Birch Rd', '77 Walnut Street'));
    appendFileSync(customers, '0001005,Lee,Wong,1990-02-02,F,5 Pine Ct,,Ames,IA,50010,,,BR01,,2026-11-01,,N,N,N,N,N\n');
    const accounts = path('accounts.csv');
    writeFileSync(accounts, readFileSync(accounts, 'utf8').replace('OPEN,2500.50', 'OPEN,3100.00'));
    appendFileSync(accounts, '100006,CHK-FREE,0001005,,2026-11-01,,OPEN,50.00,,BR01\n');
    appendFileSync(path('transactions.csv'), 'T7,100006,2026-11-02,50.00,DEP,BRANCH DEPOSIT,,50.00\n');
    const second = await loadStandardFiles(db, files, { ...options, asOf: '2026-11-30' });
    const changed = dump(db);
    expect(changed.customers).toHaveLength(5);
    expect(changed.transactions).toHaveLength(7);
    expect(changed.balance_snapshots?.length).toBeGreaterThan(afterFirst.balance_snapshots?.length ?? 0);

    // Only the newest import can be rolled back.
    expect(() => rollbackImport(db, first.import_id, 'test')).toThrow(AppError);
    expect(() => rollbackImport(db, first.import_id, 'test')).toThrow(/later import \(#2\)/);

    const record = rollbackImport(db, second.import_id, 'test');
    expect(record.status).toBe('rolled_back');
    expect(dump(db)).toEqual(afterFirst);
    expect(() => rollbackImport(db, second.import_id, 'test')).toThrow(/already rolled back/);

    // Then the first one: the database is empty again, and the history keeps both, marked.
    rollbackImport(db, first.import_id, 'test');
    for (const rows of Object.values(dump(db))) expect(rows).toEqual([]);
    expect(listImports(db).map((i) => [i.id, i.status, i.can_roll_back])).toEqual([
      [2, 'rolled_back', false],
      [1, 'rolled_back', false],
    ]);
    // The search index followed the customers out.
    expect(db.prepare("SELECT COUNT(*) FROM customer_search WHERE customer_search MATCH 'smith'").pluck().get()).toBe(
      0,
    );
    db.close();
  });
});
