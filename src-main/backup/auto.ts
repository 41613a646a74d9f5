/**
 * Automatic backups: before every import and month run from the app, and when it closes, into
 * the data folder's backups/ under this computer's backup key. Rotation keeps the newest
 * KEEP_LAST, plus the newest of each of the last twelve months.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../db/open';
import { createBackup } from './backup';
import { resolvePassphrase } from './passphrase';

export const KEEP_LAST = 10;
export const KEEP_MONTHS = 12;
const NAME = /^(.+)-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.msbackup$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** `bank-2026-11-23T10-04-05-123Z-before-import.msbackup` */
function backupName(dbPath: string, reason: string, at: Date): string {
  return `${basename(dbPath).replace(/\.[^.]+$/, '')}-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.msbackup`;
}

/** The backups to delete: all but the newest `keepLast`, and the newest of each of `months` months. */
export function toRotate(names: readonly string[], now: Date, keepLast = KEEP_LAST, months = KEEP_MONTHS): string[] {
  const dated = names
    .map((name) => {
      const m = NAME.exec(name);
      return m
        ? { name, stamp: `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}.${m[8]}Z`, month: `${m[2]}-${m[3]}` }
        : null;
    })
    .filter((d): d is { name: string; stamp: string; month: string } => d !== null)
    .sort((a, b) => b.stamp.localeCompare(a.stamp));
  const keep = new Set(dated.slice(0, keepLast).map((d) => d.name));
  const oldest = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1))
    .toISOString()
    .slice(0, 7);
  const monthly = new Set<string>();
  for (const d of dated) {
    if (d.month < oldest || monthly.has(d.month)) continue;
    monthly.add(d.month);
    keep.add(d.name);
  }
  return dated.filter((d) => !keep.has(d.name)).map((d) => d.name);
}

/** Backs up the open database before `reason` (e.g. "before-import") and rotates the folder. */
export async function autoBackup(
  db: Db,
  dbPath: string,
  dataDir: string,
  reason: string,
  now = new Date(),
): Promise<string> {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const { passphrase } = resolvePassphrase({ dataDir, create: true });
  const file = join(dir, backupName(dbPath, reason, now));
  await createBackup(db, file, passphrase);
  for (const old of toRotate(readdirSync(dir), now)) rmSync(join(dir, old), { force: true });
  return file;
}
