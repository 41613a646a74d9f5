import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mappingProfileSchema } from '../../src-shared/mapping-profile';
import { openDatabase } from '../../src-main/db/open';
import { cutLine } from '../../src-main/ingest/fixed-width-stream';
import { importFiles } from '../../src-main/ingest/import-files';
import { sniffAnyFiles } from '../../src-main/ingest/sniff-files';
import { useTempDir } from '../helpers/temp-dir';

// CIF (8) · surname (12) · birth MMDDYYYY as MM/DD/YYYY (10) · street (16) · city (10) · state (2) · ZIP (5)
const WIDTHS = [8, 12, 10, 16, 10, 2, 5];
const line = (...fields: string[]) => fields.map((f, i) => f.padEnd(WIDTHS[i] ?? 0)).join('');

const profile = mappingProfileSchema.parse({
  format: 'mainstreet-mapping-profile',
  version: 1,
  name: 'old-core',
  title: 'An older core that writes fixed-width files',
  files: [
    {
      kind: 'customers',
      match: 'CUST*.DAT',
      format: { encoding: 'windows-1252', header: false, widths: WIDTHS },
      fields: {
        customer_number: { column: '1' },
        last_name: { column: '2' },
        birth_date: { column: '3', transform: { type: 'date', format: 'MM/DD/YYYY' } },
        address_line1: { column: '4' },
        city: { column: '5' },
        state: { column: '6' },
        zip: { column: '7' },
      },
    },
  ],
});

describe('fixed-width files', () => {
  const tempDir = useTempDir();

  it('cut a line by the widths, trimming each field; a short line ends in empty fields', () => {
    expect(cutLine('C1      Müller      ', [8, 12, 4])).toEqual(['C1', 'Müller', '']);
  });

  it('import through a profile that gives the widths, in the file’s encoding, without a header', async () => {
    const dir = tempDir();
    const path = join(dir, 'CUST1130.DAT');
    const text = [
      line('C1', 'Müller', '04/12/1970', '12 Elm Street', 'Ames', 'IA', '50010'),
      line('C2', 'Ng', '09/30/1972', '40 Oak Ave', 'Boone', 'IA', '50036'),
      '',
    ].join('\r\n');
    writeFileSync(path, iconv.encode(text, 'windows-1252'));
    const [preview] = await sniffAnyFiles([path], profile);
    expect(preview?.columns).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(preview?.rows[0]).toEqual(['C1', 'Müller', '04/12/1970', '12 Elm Street', 'Ames', 'IA', '50010']);
    const db = openDatabase(join(dir, 'bank.sqlite'));
    const result = await importFiles(db, [path], profile, { actor: 'test', source: 'fixed width' });
    expect(result.files[0]).toMatchObject({ rows_read: 2, rows_loaded: 2 });
    expect(
      db.prepare('SELECT customer_number, last_name, birth_date, city, zip FROM customers ORDER BY id').all(),
    ).toEqual([
      { customer_number: 'C1', last_name: 'Müller', birth_date: '1970-04-12', city: 'Ames', zip: '50010' },
      { customer_number: 'C2', last_name: 'Ng', birth_date: '1972-09-30', city: 'Boone', zip: '50036' },
    ]);
    db.close();
  });
});
