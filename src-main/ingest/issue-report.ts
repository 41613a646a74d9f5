/**
 * The validation report as a file the user can open: CSV or an Excel workbook, one problem a
 * row with file, row, column, value and reason.
 */
import type { DownloadFile, ImportIssue } from '../../src-shared/imports';
import { tableCsv, tableFile, tableXlsx, type TableColumn } from '../exports/table-file';

const COLUMNS: TableColumn<ImportIssue>[] = [
  { key: 'file', header: 'File', width: 28 },
  { key: 'row', header: 'Row', width: 8 },
  { key: 'column', header: 'Column', width: 22 },
  { key: 'value', header: 'Value', width: 28 },
  { key: 'reason', header: 'Reason', width: 60 },
];

export function issuesCsv(issues: ImportIssue[]): Buffer {
  return tableCsv(COLUMNS, issues);
}

export function issuesXlsx(issues: ImportIssue[]): Promise<Buffer> {
  return tableXlsx('Problems', COLUMNS, issues);
}

export function issueReport(issues: ImportIssue[], format: 'csv' | 'xlsx', baseName: string): Promise<DownloadFile> {
  return tableFile(format, baseName, 'Problems', COLUMNS, issues);
}
