import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappingProfile } from '../../src-shared/mapping-profile';
import { openDatabase } from '../../src-main/db/open';
import { quarantinePage } from '../../src-main/ingest/import-history';
import { importFiles } from '../../src-main/ingest/import-files';
import { hashTaxId } from '../../src-main/ingest/standard-writers';
import { useTempDir } from '../helpers/temp-dir';

const SSN_1 = '123-45-6789';
const SSN_2 = '987-65-4321';

const profile: MappingProfile = {
  format: 'mainstreet-mapping-profile',
  version: 1,
  name: 'core-with-ssn',
  title: 'A core that sends SSNs',
  description: '',
  files: [
    {
      kind: 'customers',
      match: 'cust.csv',
      format: {},
      fields: {
        customer_number: { column: 'CIF' },
        last_name: { column: 'LAST' },
        address_line1: { column: 'ADDR' },
        city: { column: 'CITY' },
        state: { column: 'ST' },
        zip: { column: 'ZIP' },
        tax_id: { column: 'SSN' },
      },
    },
  ],
};

describe('tax ids are never stored in clear', () => {
  const tempDir = useTempDir();

  it('keeps only a salted hash, and masks the column in quarantine and in problems', async () => {
    const dir = tempDir();
    const file = join(dir, 'cust.csv');
    writeFileSync(
      file,
      [
        'CIF,LAST,ADDR,CITY,ST,ZIP,SSN',
        `1,Smith,12 Elm St,Ames,IA,50010,${SSN_1}`,
        // a bad ZIP: the row goes to quarantine, SSN and all
        `2,Jones,4 Oak Ave,Ames,IA,ABCDE,${SSN_2}`,
      ].join('\n'),
    );
    const dbPath = join(dir, 'bank.sqlite');
    const db = openDatabase(dbPath);
    const result = await importFiles(db, [file], profile, { actor: 'test', source: 'test', quarantine: true });
    expect(result.files[0]).toMatchObject({ rows_loaded: 1, rows_quarantined: 1 });

    const salt = db.prepare("SELECT value FROM settings WHERE key = 'tax_id_salt'").pluck().get() as string;
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    const stored = db.prepare("SELECT tax_id_hash FROM customers WHERE customer_number = '1'").pluck().get();
    expect(stored).toBe(hashTaxId('123456789', salt));
    // Formatting does not change the hash, so the same person matches across files.
    expect(hashTaxId(SSN_1, salt)).toBe(hashTaxId('123456789', salt));

    const page = quarantinePage(db, result.import_id, 0, 10);
    expect(page.rows[0]?.record).toEqual(['2', 'Jones', '4 Oak Ave', 'Ames', 'IA', 'ABCDE', '(hidden)']);
    db.close();

    // Not anywhere in the database file or its log, in any form.
    for (const suffix of ['', '-wal']) {
      if (!existsSync(dbPath + suffix)) continue;
      const bytes = readFileSync(dbPath + suffix).toString('latin1');
      for (const ssn of [SSN_1, SSN_2, '123456789', '987654321']) expect(bytes.includes(ssn)).toBe(false);
    }
  });
});
