import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../app/errors';
import { defaultDataDir } from '../app/paths';
import { createBackup, restoreBackup } from '../backup/backup';
import { resolvePassphrase } from '../backup/passphrase';
import { audit, currentActor } from '../db/audit';
import { openDatabase } from '../db/open';
import { CliError, requireOption, withExistingDb } from './cli-error';

export const BACKUP_USAGE = `mainstreet backup --db FILE --out BACKUP [--passphrase-file F] [--json]
    An encrypted backup (SQLite's online backup, AES-256-GCM, key from scrypt). The passphrase is
    the first line of F, else MAINSTREET_BACKUP_PASSPHRASE, else this computer's backup key in the
    data folder (made on first use). --json prints {file, created_at, schema_version, counts:
    {customers, households, accounts, transactions, audiences, runs, responses}}.`;

export const RESTORE_USAGE = `mainstreet restore --from BACKUP --db FILE [--passphrase-file F] [--json]
    Restores a backup over FILE after backing up FILE (FILE.before-restore-<time>.msbackup). A
    wrong passphrase or a damaged file restores nothing. --json prints {restored_to,
    previous_backup, created_at, schema_version, counts}.`;

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const print = (json: boolean, value: unknown, words: string) => console.log(json ? JSON.stringify(value) : words);
const counted = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
    .join(', ');

function fail(error: unknown): never {
  throw error instanceof AppError ? new CliError(error.message) : error;
}

export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const out = resolve(requireOption('out', values.out));
  let key;
  try {
    key = resolvePassphrase({ file: values['passphrase-file'], dataDir: defaultDataDir(), create: true });
  } catch (error) {
    fail(error);
  }
  await withExistingDb(values.db, async (db) => {
    const info = await createBackup(db, out, key.passphrase);
    audit(db, { actor: currentActor(), action: 'backup', entity: 'database', detail: { destination: out } });
    if (!values.json) console.error(`Encrypted with ${key.source}.`);
    print(values.json, { file: out, ...info }, `Backed up to ${out}: ${counted({ ...info.counts })}.`);
  });
}

export async function restoreCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      db: { type: 'string' },
      'passphrase-file': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const from = resolve(requireOption('from', values.from));
  const dbPath = resolve(requireOption('db', values.db));
  try {
    const key = resolvePassphrase({ file: values['passphrase-file'], dataDir: defaultDataDir(), create: false });
    const result = await restoreBackup(from, dbPath, key.passphrase, `${dbPath}.before-restore-${stamp()}.msbackup`);
    // Opened once: the restored database is brought to this version's schema, and the restore is audited.
    const db = openDatabase(dbPath);
    try {
      audit(db, {
        actor: currentActor(),
        action: 'restore',
        entity: 'database',
        detail: { from, created_at: result.created_at, previous_backup: result.previous_backup },
      });
    } finally {
      db.close();
    }
    print(
      values.json,
      result,
      `Restored ${from} (made ${result.created_at}) to ${dbPath}: ${counted({ ...result.counts })}.${result.previous_backup ? ` The database it replaced is backed up in ${result.previous_backup}.` : ''}`,
    );
  } catch (error) {
    if (!existsSync(from)) throw new CliError(`No backup at ${from}.`);
    fail(error);
  }
}
