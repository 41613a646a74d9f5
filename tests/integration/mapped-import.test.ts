import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getStats } from '../../src-main/bank/stats';
import { openDatabase } from '../../src-main/db/open';
import { parseProfile } from '../../src-main/ingest/profiles';
import { importFiles, LoadError } from '../../src-main/ingest/import-files';
import { FIXTURES } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp-dir';

const DIR = join(FIXTURES, 'other-core');
const profile = parseProfile(readFileSync(join(DIR, 'profile.json'), 'utf8'), 'profile.json');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.TXT'))
  .map((f) => join(DIR, f));
const options = { actor: 'test', source: 'other core' };

const EXPECTED_ISSUES = [
  { file: 'CIF.TXT', row: 4, column: 'DOB', value: '02/30/1980', reason: 'not a real calendar date' },
  { file: 'ACCTS.TXT', row: 4, column: 'OWNER', value: 'C-3', reason: 'no customer with this number' },
  {
    file: 'HIST.TXT',
    row: 5,
    column: 'TC',
    value: 'ZZ',
    reason: 'no lookup for this value; the profile maps PR, BP, IN',
  },
];

describe('importing another core through a mapping profile', () => {
  const tempDir = useTempDir();

  it('without quarantine: lists every problem by its source column and writes nothing', async () => {
    const db = openDatabase(join(tempDir(), 'bank.sqlite'));
    const error = (await importFiles(db, files, profile, options).catch((e: unknown) => e)) as LoadError;
    expect(error).toBeInstanceOf(LoadError);
    expect(error.issues).toEqual(EXPECTED_ISSUES);
    expect(getStats(db).customers).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM imports').pluck().get()).toBe(0);
    db.close();
  });

  it('with quarantine: loads the good rows, keeps the bad ones with their reasons', async () => {
    const db = openDatabase(join(tempDir(), 'bank.sqlite'));
    const result = await importFiles(db, files, profile, { ...options, quarantine: true });
    expect(result.files.map((f) => [f.kind, f.rows_read, f.rows_loaded, f.rows_quarantined])).toEqual([
      ['products', 2, 2, 0],
      ['customers', 3, 2, 1],
      ['accounts', 3, 2, 1],
      ['transactions', 4, 3, 1],
    ]);
    expect(result.issues).toEqual(EXPECTED_ISSUES);
    // Windows-1252 decoded, US dates and trailing-minus amounts converted, codes looked up.
    expect(
      db
        .prepare(
          "SELECT first_name, last_name, birth_date, do_not_solicit FROM customers WHERE customer_number = 'C-1'",
        )
        .get(),
    ).toEqual({
      first_name: 'José',
      last_name: 'Müller',
      birth_date: '1970-04-12',
      do_not_solicit: 0,
    });
    expect(db.prepare("SELECT balance_cents FROM accounts WHERE account_number = 'A1'").pluck().get()).toBe(250050);
    expect(db.prepare("SELECT amount_cents, code FROM transactions WHERE transaction_key = '2'").get()).toEqual({
      amount_cents: -145012,
      code: 'ACH_DR',
    });
    const kept = db.prepare('SELECT file, row, record, issues FROM quarantine ORDER BY id').all() as {
      file: string;
      row: number;
      record: string;
      issues: string;
    }[];
    expect(kept.map((q) => [q.file, q.row])).toEqual([
      ['CIF.TXT', 4],
      ['ACCTS.TXT', 4],
      ['HIST.TXT', 5],
    ]);
    expect(JSON.parse(kept[0]?.record ?? '[]')).toEqual([
      'C-3',
      'Brown',
      'Sam',
      '02/30/1980',
      '9 Birch Rd',
      'Ames',
      'IA',
      '50014',
      'N',
    ]);
    expect(db.prepare('SELECT profile FROM imports').pluck().get()).toBe('other-core');
    db.close();
  });

  it('a file the profile does not know is refused by name', async () => {
    const db = openDatabase(join(tempDir(), 'bank.sqlite'));
    const error = (await importFiles(db, [join(DIR, 'profile.json')], profile, options).catch(
      (e: unknown) => e,
    )) as LoadError;
    expect(error.issues[0]?.reason).toMatch(
      /no file of profile "other-core" matches this name; expected PRODUCTS.TXT, CIF\*.TXT/,
    );
    db.close();
  });
});
