/**
 * The hits as a file the marketer saves: CSV (with a BOM, so Excel reads it as UTF-8) or an
 * Excel workbook, one hit a row. Text a spreadsheet would run as a formula gets a leading quote.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { DownloadFile } from '../../src-shared/imports';
import type { TriggerHit } from '../../src-shared/kli';

const COLUMNS: { key: keyof TriggerHit; header: string; width: number }[] = [
  { key: 'trigger_name', header: 'Trigger', width: 34 },
  { key: 'action', header: 'Action', width: 22 },
  { key: 'customer_number', header: 'Customer number', width: 16 },
  { key: 'name', header: 'Name', width: 26 },
  { key: 'account_number', header: 'Account', width: 16 },
  { key: 'as_of', header: 'As of', width: 12 },
  { key: 'evidence', header: 'Evidence', width: 90 },
];

/** Spreadsheets run a cell starting with = + - @ (or a tab or return) as a formula. */
export function safeCell(value: string | number | null): string | number {
  if (value === null) return '';
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const rowOf = (hit: TriggerHit) => COLUMNS.map((c) => safeCell(hit[c.key]));

export function hitsCsv(hits: TriggerHit[]): Buffer {
  return Buffer.from(`\ufeff${stringify([COLUMNS.map((c) => c.header), ...hits.map(rowOf)])}`, 'utf8');
}

export async function hitsXlsx(hits: TriggerHit[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mainstreet';
  const sheet = workbook.addWorksheet('Trigger hits', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const hit of hits) sheet.addRow(rowOf(hit));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function hitsFile(hits: TriggerHit[], format: 'csv' | 'xlsx', asOf: string | null): Promise<DownloadFile> {
  const baseName = `trigger-hits${asOf ? `-${asOf}` : ''}`;
  if (format === 'csv') {
    return { file_name: `${baseName}.csv`, mime: 'text/csv', base64: hitsCsv(hits).toString('base64') };
  }
  return {
    file_name: `${baseName}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await hitsXlsx(hits)).toString('base64'),
  };
}
