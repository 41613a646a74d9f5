/**
 * Encrypted backups of a bank's database, and restoring one.
 *
 * A backup is SQLite's online backup of the live database (never a copy of its file), encrypted
 * with AES-256-GCM under a key derived from a passphrase with scrypt. The file is a short
 * readable header (format, date, the counts it holds, the scrypt salt and the IV: no customer
 * data) and then the ciphertext, streamed, with GCM's tag last. A wrong passphrase or a changed
 * byte fails the tag check, and nothing is restored.
 *
 * Restoring decrypts into a scratch file beside the database, checks it is a sound SQLite
 * database, backs up the current database first, and only then puts the restored one in place.
 */
import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCallback,
  type ScryptOptions,
} from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import type { BackupCountsView } from '../../src-shared/backup';
import { AppError } from '../app/errors';
import type { Db } from '../db/open';

const MAGIC = 'MAINSTREET-BACKUP 1\n';
const TAG_BYTES = 16;
/** scrypt's cost: about 0.1 s and 32 MiB a derivation here. */
const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** What a backup holds, in its readable header. */
export type BackupCounts = BackupCountsView;

export interface BackupInfo {
  format: 1;
  created_at: string;
  /** The schema version of the database inside. */
  schema_version: number;
  counts: BackupCounts;
}

interface Header extends BackupInfo {
  cipher: 'aes-256-gcm';
  kdf: 'scrypt';
  scrypt: { N: number; r: number; p: number };
  salt: string;
  iv: string;
}

function deriveKey(passphrase: string, salt: Buffer, options: ScryptOptions = SCRYPT): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 8) throw new AppError('invalid_input', 'A backup passphrase has at least 8 characters.');
}

/** What a database holds, for the backup's header and the restore's preview. */
export function countsOf(db: Db | Database.Database): BackupCounts {
  const count = (sql: string) => {
    try {
      return db.prepare(sql).pluck().get() as number;
    } catch {
      return 0; // a table a database of an older schema does not have yet
    }
  };
  return {
    customers: count('SELECT count(*) FROM customers'),
    households: count('SELECT count(DISTINCT household_id) FROM customers'),
    accounts: count('SELECT count(*) FROM accounts'),
    transactions: count('SELECT count(*) FROM transactions'),
    audiences: count('SELECT count(*) FROM audiences'),
    runs: count('SELECT count(*) FROM runs'),
    responses: count('SELECT count(*) FROM responses'),
  };
}

/** Backs up the open database into an encrypted file at `out` (written whole, or not at all). */
export async function createBackup(db: Db, out: string, passphrase: string): Promise<BackupInfo> {
  checkPassphrase(passphrase);
  const plain = `${out}.${process.pid}.plain-tmp`;
  const partial = `${out}.${process.pid}.tmp`;
  try {
    await db.backup(plain);
    const snapshot = new Database(plain, { readonly: true });
    let info: BackupInfo;
    try {
      if (snapshot.pragma('quick_check', { simple: true }) !== 'ok')
        throw new AppError('internal', 'The backup copy failed its integrity check; the database was not backed up.');
      info = {
        format: 1,
        created_at: new Date().toISOString(),
        schema_version: snapshot.pragma('user_version', { simple: true }) as number,
        counts: countsOf(snapshot),
      };
    } finally {
      snapshot.close();
    }
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = await deriveKey(passphrase, salt);
    const header: Header = {
      ...info,
      cipher: 'aes-256-gcm',
      kdf: 'scrypt',
      scrypt: { N: SCRYPT.N!, r: SCRYPT.r!, p: SCRYPT.p! },
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
    };
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(JSON.stringify(header)));
    const output = createWriteStream(partial, { mode: 0o600 });
    output.write(`${MAGIC}${JSON.stringify(header)}\n`);
    await pipeline(createReadStream(plain), cipher, output);
    const fd = openSync(partial, 'a');
    try {
      writeSync(fd, cipher.getAuthTag());
    } finally {
      closeSync(fd);
    }
    renameSync(partial, out);
    return info;
  } finally {
    rmSync(plain, { force: true });
    rmSync(`${plain}-wal`, { force: true });
    rmSync(`${plain}-shm`, { force: true });
    rmSync(partial, { force: true });
  }
}

/** Reads a backup's readable header: what it holds and when it was made (no passphrase needed). */
export function readBackupHeader(file: string): Header & { body_start: number; size: number } {
  if (!existsSync(file)) throw new AppError('invalid_input', `No backup at ${file}.`);
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 8192));
    readSync(fd, head, 0, head.length, 0);
    const text = head.toString('utf8');
    const end = text.indexOf('\n', MAGIC.length);
    if (!text.startsWith(MAGIC) || end < 0) throw new AppError('invalid_input', `${file} is not a Mainstreet backup.`);
    const json = text.slice(MAGIC.length, end);
    let header: Header;
    try {
      header = JSON.parse(json) as Header;
    } catch {
      throw new AppError('invalid_input', `${file} is a damaged Mainstreet backup: its header cannot be read.`);
    }
    return { ...header, body_start: Buffer.byteLength(text.slice(0, end + 1)), size };
  } finally {
    closeSync(fd);
  }
}

/** Decrypts a backup into `plainOut`; a wrong passphrase or a changed byte is refused. */
async function decryptBackup(file: string, passphrase: string, plainOut: string): Promise<Header> {
  const header = readBackupHeader(file);
  if (header.size - header.body_start < TAG_BYTES)
    throw new AppError('invalid_input', `${file} is a damaged Mainstreet backup: it is cut short.`);
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, tag, 0, TAG_BYTES, header.size - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  const { body_start: start, size, ...stored } = header;
  const key = await deriveKey(passphrase, Buffer.from(header.salt, 'base64'), {
    ...header.scrypt,
    maxmem: SCRYPT.maxmem,
  });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(Buffer.from(JSON.stringify(stored)));
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(file, { start, end: size - TAG_BYTES - 1 }),
      decipher,
      createWriteStream(plainOut, { mode: 0o600 }),
    );
  } catch {
    rmSync(plainOut, { force: true });
    throw new AppError(
      'invalid_input',
      `${file} could not be decrypted: the passphrase is wrong, or the file was changed or damaged. Nothing was restored.`,
    );
  }
  return stored as Header;
}

export interface RestoreResult extends BackupInfo {
  restored_to: string;
  /** The backup made of the database replaced, or null when there was none. */
  previous_backup: string | null;
}

/**
 * Restores `file` over the database at `dbPath` (which must not be open elsewhere). The current
 * database, if any, is first backed up to `previousBackup` with the same passphrase.
 */
export async function restoreBackup(
  file: string,
  dbPath: string,
  passphrase: string,
  /** Where the database being replaced is backed up first; null when it is damaged: it is set aside instead. */
  previousBackup: string | null,
): Promise<RestoreResult> {
  checkPassphrase(passphrase);
  const scratch = join(dirname(dbPath), `.restore-${process.pid}-${Date.now()}.sqlite`);
  try {
    const header = await decryptBackup(file, passphrase, scratch);
    const check = new Database(scratch, { readonly: true });
    let counts: BackupCounts;
    try {
      if (check.pragma('quick_check', { simple: true }) !== 'ok')
        throw new AppError(
          'invalid_input',
          `${file} decrypted, but the database inside is damaged. Nothing was restored.`,
        );
      counts = countsOf(check);
    } finally {
      check.close();
    }
    let previous: string | null = null;
    if (existsSync(dbPath) && previousBackup === null) {
      // A damaged database cannot be backed up; it is kept beside, for whoever wants to look at it.
      previous = `${dbPath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dbPath, previous);
      for (const side of ['-wal', '-shm']) if (existsSync(dbPath + side)) renameSync(dbPath + side, previous + side);
    } else if (existsSync(dbPath) && previousBackup !== null) {
      const current = new Database(dbPath);
      try {
        await createBackup(current as unknown as Db, previousBackup, passphrase);
      } finally {
        current.close();
      }
      previous = previousBackup;
      rmSync(`${dbPath}-wal`, { force: true });
      rmSync(`${dbPath}-shm`, { force: true });
    }
    renameSync(scratch, dbPath);
    return {
      format: 1,
      created_at: header.created_at,
      schema_version: header.schema_version,
      counts,
      restored_to: dbPath,
      previous_backup: previous,
    };
  } finally {
    rmSync(scratch, { force: true });
  }
}
