/** The backups folder as a list the screens can show, newest first, read from each file's header. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '../../src-shared/backup';
import { backupsDir } from './auto';
import { readBackupHeader } from './backup';

const REASON = /-([a-z-]+)\.msbackup$/;
const STAMP = /\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-/;

/** What a backup holds, from its header (no passphrase needed). */
export function backupEntry(file: string): BackupEntry {
  const header = readBackupHeader(file);
  const name = file.split(/[\\/]/).pop() ?? file;
  return {
    file,
    reason: STAMP.test(name) ? (REASON.exec(name)?.[1] ?? null) : null,
    created_at: header.created_at,
    schema_version: header.schema_version,
    counts: header.counts,
    size: header.size,
  };
}

/** Every readable backup in the data folder's backups/, newest first; unreadable files are left out. */
export function listBackups(dataDir: string): BackupEntry[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.msbackup'));
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    try {
      entries.push(backupEntry(join(dir, name)));
    } catch {
      // A damaged or foreign file is not offered.
    }
  }
  return entries.sort((a, b) => b.created_at.localeCompare(a.created_at));
}
