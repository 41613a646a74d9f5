/**
 * The hits as a file the marketer saves: CSV or an Excel workbook, one hit a row
 * (exports/table-file.ts).
 */
import type { DownloadFile } from '../../src-shared/imports';
import type { TriggerHit } from '../../src-shared/kli';
import { tableCsv, tableFile, tableXlsx, type TableColumn } from '../exports/table-file';

export { safeCell } from '../exports/table-file';

const COLUMNS: TableColumn<TriggerHit>[] = [
  { key: 'trigger_name', header: 'Trigger', width: 34 },
  { key: 'action', header: 'Action', width: 22 },
  { key: 'customer_number', header: 'Customer number', width: 16 },
  { key: 'name', header: 'Name', width: 26 },
  { key: 'account_number', header: 'Account', width: 16 },
  { key: 'as_of', header: 'As of', width: 12 },
  { key: 'evidence', header: 'Evidence', width: 90 },
];

export function hitsCsv(hits: TriggerHit[]): Buffer {
  return tableCsv(COLUMNS, hits);
}

export function hitsXlsx(hits: TriggerHit[]): Promise<Buffer> {
  return tableXlsx('Trigger hits', COLUMNS, hits);
}

export function hitsFile(hits: TriggerHit[], format: 'csv' | 'xlsx', asOf: string | null): Promise<DownloadFile> {
  return tableFile(format, `trigger-hits${asOf ? `-${asOf}` : ''}`, 'Trigger hits', COLUMNS, hits);
}
