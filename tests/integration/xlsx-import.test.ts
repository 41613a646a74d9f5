import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MappingProfile } from '../../src-shared/mapping-profile';
import { openDatabase } from '../../src-main/db/open';
import { importFiles } from '../../src-main/ingest/import-files';
import { sniffAnyFiles } from '../../src-main/ingest/sniff-files';
import { useTempDir } from '../helpers/temp-dir';

const profile: MappingProfile = {
  format: 'mainstreet-mapping-profile',
  version: 1,
  name: 'xlsx-core',
  title: 'A core that exports Excel',
  description: '',
  files: [
    {
      kind: 'customers',
      match: 'cif*.xlsx',
      format: {},
      fields: {
        customer_number: { column: 'CIF' },
        last_name: { column: 'Surname' },
        birth_date: { column: 'Born' },
        address_line1: { column: 'Street' },
        city: { column: 'City' },
        state: { column: 'ST' },
        zip: { column: 'ZIP' },
      },
    },
  ],
};

async function workbook(path: string, rows: unknown[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Customers');
  for (const row of rows) sheet.addRow(row);
  await book.xlsx.writeFile(path);
}

describe('Excel workbooks', () => {
  const tempDir = useTempDir();

  it('are previewed and imported like a text export: dates as dates, numbers as text, ZIPs kept', async () => {
    const dir = tempDir();
    const path = join(dir, 'cif_2026-11.xlsx');
    await workbook(path, [
      ['CIF', 'Surname', 'Born', 'Street', 'City', 'ST', 'ZIP'],
      ['00017', 'Lee', new Date(Date.UTC(1970, 3, 12)), '12 Elm St', 'Ames', 'IA', '50010'],
      [18, { richText: [{ text: 'Gar' }, { text: 'cia' }] }, null, '9 Birch Rd', 'Ames', 'IA', 50014],
    ]);
    const [preview] = await sniffAnyFiles([path], profile);
    expect(preview).toMatchObject({
      name: 'cif_2026-11.xlsx',
      columns: ['CIF', 'Surname', 'Born', 'Street', 'City', 'ST', 'ZIP'],
      profile_match: { kind: 'customers', match: 'cif*.xlsx' },
    });
    expect(preview?.rows[0]).toEqual(['00017', 'Lee', '1970-04-12', '12 Elm St', 'Ames', 'IA', '50010']);

    const db = openDatabase(join(dir, 'bank.sqlite'));
    const result = await importFiles(db, [path], profile, { actor: 'test', source: 'xlsx' });
    expect(result.files[0]).toMatchObject({ kind: 'customers', rows_read: 2, rows_loaded: 2 });
    expect(result.files[0]?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(db.prepare('SELECT customer_number, last_name, birth_date, zip FROM customers ORDER BY id').all()).toEqual([
      { customer_number: '00017', last_name: 'Lee', birth_date: '1970-04-12', zip: '50010' },
      { customer_number: '18', last_name: 'Garcia', birth_date: null, zip: '50014' },
    ]);
    db.close();
  });
});
