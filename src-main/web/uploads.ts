/**
 * Browser mode's stand-in for the desktop file dialog: the page cannot hand over a file's
 * path, so it sends the file's bytes to this loopback server, which keeps them in the data
 * folder (never anywhere else) for the import to read by path. The folder is emptied when the
 * server starts and stops.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage } from 'node:http';

/** Core exports can be large; this is far above a year of transactions for a community bank. */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;

export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'uploads');
}

export function clearUploads(dataDir: string): void {
  rmSync(uploadsDir(dataDir), { recursive: true, force: true });
}

/** A file name as given, reduced to something safe to create: no folders, no odd characters. */
export function safeFileName(raw: string): string {
  const name = basename(raw.replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9._ -]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return name === '' ? 'upload' : name;
}

/** Streams the request body to uploads/<random>/<name> and returns the path. */
export async function receiveUpload(dataDir: string, fileName: string, request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_UPLOAD_BYTES) throw new Error('file too large');
  const dir = join(uploadsDir(dataDir), randomUUID());
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeFileName(fileName));
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) request.destroy(new Error('file too large'));
  });
  try {
    await pipeline(request, createWriteStream(path));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return path;
}
