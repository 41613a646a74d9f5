/**
 * The validation report as a file the user can open: CSV (csv-stringify) or an Excel workbook
 * (exceljs), one problem a row with file, row, column, value and reason.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { DownloadFile, ImportIssue } from '../../src-shared/imports';

const COLUMNS: { key: keyof ImportIssue; header: string; width: number }[] = [
  { key: 'file', header: 'File', width: 28 },
  { key: 'row', header: 'Row', width: 8 },
  { key: 'column', header: 'Column', width: 22 },
  { key: 'value', header: 'Value', width: 28 },
  { key: 'reason', header: 'Reason', width: 60 },
];

/** Spreadsheets run a cell starting with = + - @ as a formula: such values get a leading quote. */
function safeCell(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function issuesCsv(issues: ImportIssue[]): Buffer {
  const rows = issues.map((i) => COLUMNS.map((c) => safeCell(i[c.key])));
  return Buffer.from(`\ufeff${stringify([COLUMNS.map((c) => c.header), ...rows])}`, 'utf8');
}

export async function issuesXlsx(issues: ImportIssue[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mainstreet';
  const sheet = workbook.addWorksheet('Problems', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const issue of issues) sheet.addRow({ ...issue, value: safeCell(issue.value) });
  sheet.autoFilter = { from: 'A1', to: 'E1' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function issueReport(
  issues: ImportIssue[],
  format: 'csv' | 'xlsx',
  baseName: string,
): Promise<DownloadFile> {
  if (format === 'csv') {
    return { file_name: `${baseName}.csv`, mime: 'text/csv', base64: issuesCsv(issues).toString('base64') };
  }
  return {
    file_name: `${baseName}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await issuesXlsx(issues)).toString('base64'),
  };
}
