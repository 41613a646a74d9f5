import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Encoding } from './sniff';

/** How a file is written; anything left out is the standard layout's (UTF-8, comma, "). */
export interface CsvFormat {
  encoding?: Encoding;
  delimiter?: string;
  quote?: '"' | "'" | null;
}

export interface CsvProgress {
  bytes: number;
  totalBytes: number;
  records: number;
}

export interface CsvReadResult {
  records: number;
  /** sha256 of the file's bytes, so a re-import of the same file is recognised. */
  fingerprint: string;
}

/** What every file reader (CSV, workbook, fixed-width) calls back with. */
export interface RecordHandlers {
  /** The first record; return false to stop reading. */
  onHeader: (header: string[]) => boolean;
  onRecord: (record: string[], row: number) => void;
  onProgress?: (progress: CsvProgress) => void;
  signal?: AbortSignal;
}

/**
 * Streams a CSV file record by record (RFC 4180 via csv-parse, BOM stripped), hashing it on
 * the way. `onHeader` sees the first record; `onRecord` every later one with its row number
 * (the header is row 1). Memory stays flat whatever the file's size.
 */
export async function readCsv(path: string, handlers: RecordHandlers & { format?: CsvFormat }): Promise<CsvReadResult> {
  const totalBytes = statSync(path).size;
  const hash = createHash('sha256');
  const format = handlers.format ?? {};
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => hash.update(chunk));
  // Other encodings are decoded to text first (iconv-lite drops their byte-order mark).
  const source: NodeJS.ReadableStream =
    format.encoding && format.encoding !== 'utf-8' ? input.pipe(iconv.decodeStream(format.encoding)) : input;
  const parser = source.pipe(
    parse({
      bom: true,
      delimiter: format.delimiter ?? ',',
      quote: format.quote === undefined ? '"' : (format.quote ?? false),
      relax_column_count: true,
      // A quote inside an unquoted field (12" PIPE, 37°36'37.8"N) is text, as cores mean it.
      relax_quotes: true,
      skip_empty_lines: true,
      // Files pasted together from several systems mix line endings; accept each one.
      record_delimiter: ['\r\n', '\n', '\r'],
    }),
  );
  let row = 0;
  let proceed = true;
  // Records are taken synchronously, a whole buffered batch per 'readable' event: an async
  // iterator would cost a promise per record on files of millions of rows.
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      input.destroy();
      parser.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    parser.on('readable', () => {
      try {
        let record: string[] | null;
        while (proceed && (record = parser.read() as string[] | null) !== null) {
          row += 1;
          if (row === 1) {
            proceed = handlers.onHeader(record);
            if (!proceed) resolve();
            continue;
          }
          handlers.onRecord(record, row);
          if ((row & 0x3fff) === 0) {
            handlers.signal?.throwIfAborted();
            handlers.onProgress?.({ bytes: input.bytesRead, totalBytes, records: row - 1 });
          }
        }
      } catch (error) {
        fail(error);
      }
    });
    parser.on('end', () => resolve());
    parser.on('error', fail);
    input.on('error', fail);
  });
  if (!proceed) input.destroy();
  else handlers.onProgress?.({ bytes: totalBytes, totalBytes, records: Math.max(0, row - 1) });
  return { records: Math.max(0, row - 1), fingerprint: hash.digest('hex') };
}
