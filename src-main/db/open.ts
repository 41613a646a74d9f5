import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another runtime (the Electron app's ABI). */
  nativeBinding?: string;
  readonly?: boolean;
}

export class NewerDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
  ) {
    super(
      `${path} was written by a newer Mainstreet (database version ${found}; this version ` +
        `understands up to ${LATEST_VERSION}). Update Mainstreet to open it.`,
    );
  }
}

let processNativeBinding: string | undefined;

/**
 * Inside Electron (main process and its job workers) every connection must load the
 * Electron-ABI build of better-sqlite3; this sets it once for the thread.
 */
export function useNativeBinding(path: string | undefined): void {
  processNativeBinding = path;
}

/** Opens (creating if needed) a bank database with our pragmas and all migrations applied. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const nativeBinding = options.nativeBinding ?? processNativeBinding;
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db, path);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, path: string, migrations: Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) throw new NewerDatabaseError(path, current);
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  const rebuilds = pending.some((m) => m.rebuildsTables);
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  // (only possible outside a transaction)
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`${path}: the upgrade would break ${broken.length} reference(s)`);
      }
    })();
  } finally {
    if (rebuilds) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}

/**
 * Moves a closed, checkpointed database file over `target`, dropping the target's old WAL and
 * shared-memory files so they are never replayed onto the new file.
 */
export function moveDatabaseFile(from: string, target: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(from, target);
}
