/**
 * Where a backup's passphrase comes from: a file the user names (its first line), else the
 * MAINSTREET_BACKUP_PASSPHRASE environment variable, else this computer's backup key, a random
 * key kept in the data folder (readable by this user only) and made on first use. Lose both
 * the passphrase and the key file, and the backups cannot be opened: that is the point.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../app/errors';

export const PASSPHRASE_ENV = 'MAINSTREET_BACKUP_PASSPHRASE';

export interface Passphrase {
  passphrase: string;
  /** In words, where it came from (for the CLI's message). */
  source: string;
}

export function backupKeyPath(dataDir: string): string {
  return join(dataDir, 'backup.key');
}

export function resolvePassphrase(options: {
  file?: string;
  dataDir: string;
  /** Make the key file when there is none (backing up); restoring needs an existing one. */
  create: boolean;
}): Passphrase {
  if (options.file) {
    if (!existsSync(options.file)) throw new AppError('invalid_input', `No passphrase file at ${options.file}.`);
    const passphrase = (readFileSync(options.file, 'utf8').split(/\r?\n/)[0] ?? '').trim();
    if (passphrase.length < 8)
      throw new AppError('invalid_input', `The passphrase in ${options.file} is shorter than 8 characters.`);
    return { passphrase, source: `the passphrase in ${options.file}` };
  }
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv) return { passphrase: fromEnv, source: `the ${PASSPHRASE_ENV} environment variable` };
  const keyFile = backupKeyPath(options.dataDir);
  if (!existsSync(keyFile)) {
    if (!options.create)
      throw new AppError(
        'invalid_input',
        `No passphrase given and no backup key at ${keyFile}: give --passphrase-file, or set ${PASSPHRASE_ENV}.`,
      );
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
  }
  return { passphrase: readFileSync(keyFile, 'utf8').trim(), source: `this computer's backup key (${keyFile})` };
}
