/**
 * The app's log: one JSON line an event in the data folder's logs/, rotated at 1 MiB with five
 * files kept (rotating-file-stream). It holds ids, counts, kinds and codes only: any text that
 * could be a name, an address or a message quoting the data is withheld before it is written.
 */
import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export function logsDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

export type LogValue = number | boolean | null | string;

/** Ids, codes and kinds: letters, digits and . _ : - only, no spaces or @, up to 64 characters. */
const SAFE_TEXT = /^[A-Za-z0-9_.:-]{0,64}$/;
export const WITHHELD = '[withheld]';

/** What may be written of a value: numbers and flags as they are, text only when it is an id or a code. */
export function loggable(value: LogValue): LogValue {
  if (typeof value !== 'string') return value;
  return SAFE_TEXT.test(value) ? value : WITHHELD;
}

let stream: RotatingFileStream | null = null;

export function startLog(dataDir: string): void {
  if (stream) return;
  stream = createStream('mainstreet.log', { path: logsDir(dataDir), size: '1M', maxFiles: 5 });
  // A log that cannot be written must never stop the app.
  stream.on('error', () => undefined);
}

export function log(level: 'info' | 'warn' | 'error', event: string, fields: Record<string, LogValue> = {}): void {
  if (!stream) return;
  const safe: Record<string, LogValue> = {};
  for (const [key, value] of Object.entries(fields)) safe[key] = loggable(value);
  stream.write(`${JSON.stringify({ at: new Date().toISOString(), level, event: loggable(event), ...safe })}\n`);
}

export function stopLog(): Promise<void> {
  const closing = stream;
  stream = null;
  if (!closing) return Promise.resolve();
  return new Promise((resolve) => {
    closing.end(() => resolve());
  });
}
