/**
 * Fixed-width exports (older cores write them): each line cut into fields by the widths the
 * profile gives, each field trimmed. Streams line by line in the file's encoding, hashing the
 * bytes on the way, with the same handlers as the CSV reader.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import type { CsvReadResult, RecordHandlers } from './csv-stream';
import type { Encoding } from './sniff';

/** Cuts one line into fields; a short line gives empty fields at its end. */
export function cutLine(line: string, widths: readonly number[]): string[] {
  const fields: string[] = [];
  let at = 0;
  for (const width of widths) {
    fields.push(line.slice(at, at + width).trim());
    at += width;
  }
  return fields;
}

export async function readFixedWidth(
  path: string,
  handlers: RecordHandlers & { widths: readonly number[]; encoding?: Encoding | undefined },
): Promise<CsvReadResult> {
  const totalBytes = statSync(path).size;
  const hash = createHash('sha256');
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => hash.update(chunk));
  const encoding = handlers.encoding ?? 'utf-8';
  const text = input.pipe(iconv.decodeStream(encoding));
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  let row = 0;
  let stopped = false;
  for await (const raw of lines) {
    const line = row === 0 ? raw.replace(/^\ufeff/, '') : raw;
    if (line.trim() === '') continue;
    row += 1;
    const fields = cutLine(line, handlers.widths);
    if (row === 1) {
      if (!handlers.onHeader(fields)) {
        stopped = true;
        break;
      }
      continue;
    }
    handlers.onRecord(fields, row);
    if ((row & 0x3fff) === 0) {
      handlers.signal?.throwIfAborted();
      handlers.onProgress?.({ bytes: input.bytesRead, totalBytes, records: row - 1 });
    }
  }
  if (stopped) {
    input.destroy();
    return { records: 0, fingerprint: '' };
  }
  handlers.onProgress?.({ bytes: totalBytes, totalBytes, records: Math.max(0, row - 1) });
  return { records: Math.max(0, row - 1), fingerprint: hash.digest('hex') };
}
