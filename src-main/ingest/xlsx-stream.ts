/**
 * Excel workbooks (.xlsx) as cores and spreadsheets export them: the first worksheet read row
 * by row through exceljs's streaming reader, each cell turned into the text a CSV export would
 * hold (dates as YYYY-MM-DD, numbers as written, formulas as their result), so the same
 * mapping, validation and writers apply. Memory stays flat.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CsvReadResult, RecordHandlers } from './csv-stream';

export const isXlsx = (path: string): boolean => /\.xlsx$/i.test(path);

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A cell's value as text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs reads a date cell as midnight UTC of that day.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** Row values as a dense array of text (exceljs's are 1-based and sparse). */
function rowTexts(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
  return out;
}

export async function readXlsx(
  path: string,
  /** limit: stop after this many data rows (the preview). */
  handlers: RecordHandlers & { limit?: number },
): Promise<CsvReadResult> {
  const totalBytes = statSync(path).size;
  const input = createReadStream(path);
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let records = 0;
  let seenHeader = false;
  let stopped = false;
  outer: for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const texts = rowTexts(row);
      if (texts.every((t) => t.trim() === '')) continue;
      if (!seenHeader) {
        seenHeader = true;
        if (!handlers.onHeader(texts)) {
          stopped = true;
          break outer;
        }
        continue;
      }
      records += 1;
      handlers.onRecord(texts, row.number);
      if (handlers.limit !== undefined && records >= handlers.limit) {
        stopped = true;
        break outer;
      }
      if ((records & 0x3fff) === 0) {
        handlers.signal?.throwIfAborted();
        handlers.onProgress?.({ bytes, totalBytes, records });
      }
    }
    // Only the first worksheet is read.
    break;
  }
  if (stopped) {
    input.destroy();
    return { records, fingerprint: '' };
  }
  input.destroy();
  handlers.onProgress?.({ bytes: totalBytes, totalBytes, records });
  return { records, fingerprint: await hashFile(path) };
}

/** sha256 of the whole file (the reader may stop before the workbook's last part). */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
