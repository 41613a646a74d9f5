/**
 * A table the user saves and opens in a spreadsheet: CSV (csv-stringify, with a BOM so Excel
 * reads UTF-8) or an Excel workbook (exceljs: bold frozen header, a filter on it). Text a
 * spreadsheet would run as a formula (= + - @, a tab or a return first) gets a leading quote.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { DownloadFile } from '../../src-shared/imports';

export interface TableColumn<T> {
  key: keyof T;
  header: string;
  /** Excel column width, in characters. */
  width: number;
}

type Cell = string | number | null | undefined;

export function safeCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const rowOf = <T>(columns: readonly TableColumn<T>[], item: T) => columns.map((c) => safeCell(item[c.key] as Cell));

export function tableCsv<T>(columns: readonly TableColumn<T>[], items: readonly T[]): Buffer {
  const text = stringify([columns.map((c) => c.header), ...items.map((item) => rowOf(columns, item))]);
  return Buffer.from(`\ufeff${text}`, 'utf8');
}

export async function tableXlsx<T>(
  sheetName: string,
  columns: readonly TableColumn<T>[],
  items: readonly T[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mainstreet';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) sheet.addRow(rowOf(columns, item));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The table as the file a screen downloads: `baseName`.csv or .xlsx. */
export async function tableFile<T>(
  format: 'csv' | 'xlsx',
  baseName: string,
  sheetName: string,
  columns: readonly TableColumn<T>[],
  items: readonly T[],
): Promise<DownloadFile> {
  if (format === 'csv') {
    return { file_name: `${baseName}.csv`, mime: 'text/csv', base64: tableCsv(columns, items).toString('base64') };
  }
  return {
    file_name: `${baseName}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await tableXlsx(sheetName, columns, items)).toString('base64'),
  };
}
