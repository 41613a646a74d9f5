/**
 * Encrypted backups: the online backup encrypted with a passphrase holds no readable customer
 * data, restores to the same bank, refuses a wrong passphrase or a changed byte without touching
 * anything, and backs up the database it replaces first. And the CLI contracts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, readBackupHeader, restoreBackup } from '../../src-main/backup/backup';
import { openDatabase } from '../../src-main/db/open';
import { cli } from '../helpers/cli';
import { buildSmallBank } from '../helpers/small-bank';
import { useTempDir } from '../helpers/temp-dir';

const PASS = 'correct horse battery staple';

describe('backups', () => {
  const tempDir = useTempDir();

  it('encrypts the online backup: the header says what it holds, the body shows no customer', async () => {
    const dir = tempDir();
    const path = await buildSmallBank(dir);
    const db = openDatabase(path);
    const names = db.prepare('SELECT last_name FROM customers').pluck().all() as string[];
    const out = join(dir, 'bank.msbackup');
    const info = await createBackup(db, out, PASS);
    db.close();
    expect(info.counts).toMatchObject({ customers: 4, accounts: 5 });
    const header = readBackupHeader(out);
    expect(header).toMatchObject({ cipher: 'aes-256-gcm', kdf: 'scrypt', counts: info.counts });
    const bytes = readFileSync(out);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    for (const name of names) expect(bytes.includes(Buffer.from(name))).toBe(false);
    const again = openDatabase(path);
    await expect(createBackup(again, join(dir, 'x'), 'short')).rejects.toThrow(/at least 8 characters/);
    again.close();
  });

  it('restores to the same bank, and backs up the database it replaces first', async () => {
    const dir = tempDir();
    const path = await buildSmallBank(dir);
    const db = openDatabase(path);
    const before = db.prepare('SELECT customer_number, last_name FROM customers ORDER BY 1').all();
    await createBackup(db, join(dir, 'bank.msbackup'), PASS);
    db.prepare('DELETE FROM account_owners').run();
    db.prepare("UPDATE customers SET last_name = 'Changed'").run();
    db.close();

    const result = await restoreBackup(join(dir, 'bank.msbackup'), path, PASS, join(dir, 'before.msbackup'));
    expect(result).toMatchObject({ restored_to: path, previous_backup: join(dir, 'before.msbackup') });
    const restored = openDatabase(path);
    expect(restored.prepare('SELECT customer_number, last_name FROM customers ORDER BY 1').all()).toEqual(before);
    restored.close();
    // The replaced state is itself a backup that restores.
    const elsewhere = join(dir, 'elsewhere.sqlite');
    const undo = await restoreBackup(join(dir, 'before.msbackup'), elsewhere, PASS, join(dir, 'unused.msbackup'));
    expect(undo.previous_backup).toBeNull();
    const old = openDatabase(elsewhere);
    expect(old.prepare("SELECT count(*) FROM customers WHERE last_name = 'Changed'").pluck().get()).toBe(4);
    old.close();
  });

  it('refuses a wrong passphrase or a changed byte, and leaves the database as it was', async () => {
    const dir = tempDir();
    const path = await buildSmallBank(dir);
    const db = openDatabase(path);
    await createBackup(db, join(dir, 'bank.msbackup'), PASS);
    db.close();
    const original = readFileSync(path);
    await expect(
      restoreBackup(join(dir, 'bank.msbackup'), path, 'not the passphrase', join(dir, 'p.msbackup')),
    ).rejects.toThrow(/passphrase is wrong, or the file was changed or damaged\. Nothing was restored/);
    const damaged = readFileSync(join(dir, 'bank.msbackup'));
    damaged[damaged.length - 100]! ^= 0xff;
    writeFileSync(join(dir, 'damaged.msbackup'), damaged);
    await expect(restoreBackup(join(dir, 'damaged.msbackup'), path, PASS, join(dir, 'p.msbackup'))).rejects.toThrow(
      /Nothing was restored/,
    );
    expect(readFileSync(path).equals(original)).toBe(true);
    expect(existsSync(join(dir, 'p.msbackup'))).toBe(false);
    writeFileSync(join(dir, 'junk.msbackup'), 'hello');
    expect(() => readBackupHeader(join(dir, 'junk.msbackup'))).toThrow(/not a Mainstreet backup/);
  });

  it('answers the CLI contracts: backup and restore print the counts', async () => {
    const dir = tempDir();
    const path = await buildSmallBank(dir);
    writeFileSync(join(dir, 'pass.txt'), `${PASS}\n`);
    const out = join(dir, 'cli.msbackup');
    const made = cli('backup', '--db', path, '--out', out, '--passphrase-file', join(dir, 'pass.txt'), '--json');
    expect(made.stderr).toBe('');
    const backup = JSON.parse(made.stdout);
    expect(backup).toMatchObject({ file: out, counts: { customers: 4, accounts: 5 } });
    const target = join(dir, 'restored.sqlite');
    const restored = cli(
      'restore',
      '--from',
      out,
      '--db',
      target,
      '--passphrase-file',
      join(dir, 'pass.txt'),
      '--json',
    );
    expect(restored.stderr).toBe('');
    expect(JSON.parse(restored.stdout)).toMatchObject({
      restored_to: target,
      previous_backup: null,
      counts: backup.counts,
    });
    writeFileSync(join(dir, 'wrong.txt'), 'wrong passphrase\n');
    const wrong = cli('restore', '--from', out, '--db', target, '--passphrase-file', join(dir, 'wrong.txt'));
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/passphrase is wrong/);
  });
});
