import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { buildSmallBank } from '../helpers/small-bank';
import { useTempDir } from '../helpers/temp-dir';

const ROOT = join(import.meta.dirname, '..', '..');

async function writeTransactions(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('transaction_id,account_number,posted_date,amount,code,description,mcc,balance_after\n');
  for (let i = 0; i < rows; i++) {
    if (
      !out.write(
        `K${i},100001,2026-10-${String((i % 28) + 1).padStart(2, '0')},-1.00,POS,HY-VEE #${i % 50} AMES IA,5411,\n`,
      )
    ) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

describe('an import killed mid-way', () => {
  const tempDir = useTempDir();

  it('leaves the database exactly as it was', async () => {
    const dir = tempDir();
    const dbPath = await buildSmallBank(dir);
    const before = (() => {
      const db = openDatabase(dbPath);
      const state = {
        transactions: db.prepare('SELECT COUNT(*) FROM transactions').pluck().get(),
        imports: db.prepare('SELECT id, status FROM imports').all(),
      };
      db.close();
      return state;
    })();
    const file = join(dir, 'transactions.csv');
    await writeTransactions(file, 400_000);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/helpers/import-child.ts'), dbPath, file],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const killedAt = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const last = /progress (\d+) (\d+)\n[^\n]*$/.exec(output);
        const share = last ? Number(last[1]) / Number(last[2]) : 0;
        // Well into the file: thousands of rows are written inside the open transaction.
        if (share > 0.3 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve(share);
        }
      });
      child.on('exit', () => reject(new Error(`the import ended before it could be killed:\n${output.slice(-500)}`)));
    });
    await once(child, 'exit').catch(() => undefined);
    expect(output).not.toContain('finished');
    expect(killedAt).toBeGreaterThan(0.3);

    const db = openDatabase(dbPath);
    expect(db.prepare('SELECT COUNT(*) FROM transactions').pluck().get()).toBe(before.transactions);
    expect(db.prepare('SELECT id, status FROM imports').all()).toEqual(before.imports);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});
