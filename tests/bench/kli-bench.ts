/**
 * `npm run bench -- kli [--customers N] [--cpu-prof DIR]`: computes the whole KLI library over
 * the 250,000-customer demo bank (about 10 million transactions; built once and cached), in a
 * child process on a copy. Goal: under 30 s. Then the incremental case: on a second copy
 * whose last month is held back, a full compute, the month put back as a new import would,
 * and a second compute that must read only that month. In the same run, as the reference for
 * this machine's speed, the sqlite3 shell's plain scan of the same transactions table.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { cachedDemoBank } from './import-bench-data';

const SQLITE3 = '/usr/bin/sqlite3';
const GOAL_SECONDS = 30;

interface ChildOutput {
  seconds: number;
  transactions_read: number;
  incremental: boolean;
  flagged: number;
  peak_rss_mb: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function compute(
  db: string,
  mode: 'full' | 'incremental',
  profileDir: string | undefined,
): ChildOutput & { wall: number } {
  const flags = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [...flags, '--import', 'tsx', join(import.meta.dirname, 'kli-bench-child.ts'), db, mode],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`KLI compute failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildOutput), wall };
}

/** The shell reading every transaction once (a sum over the table), whole process. */
function referenceScan(db: string): number {
  const started = performance.now();
  const shell = spawnSync(
    SQLITE3,
    [db, 'SELECT COUNT(*), SUM(amount_cents), SUM(length(description)) FROM transactions'],
    {
      encoding: 'utf8',
    },
  );
  if (shell.status !== 0 || shell.stderr) throw new Error(`sqlite3 failed: ${shell.stderr}`);
  return (performance.now() - started) / 1000;
}

function copyBank(bank: string, to: string): string {
  copyFileSync(bank, to);
  return to;
}

export async function runKliBench(args: string[]): Promise<void> {
  const customers = Number(option(args, '--customers') ?? 250_000);
  if (!Number.isSafeInteger(customers) || customers < 100)
    throw new Error('--customers takes a whole number, at least 100');
  const profile = option(args, '--cpu-prof');
  const profileDir = profile ? resolve(profile) : undefined;
  console.log(`KLI benchmark: the whole library over the ${fmt(customers)}-customer demo bank`);
  const bank = await cachedDemoBank(customers, (step, current, total) => {
    if (current === 0 || current === total) console.log(`  building the demo bank: ${step}`);
  });
  console.log(`  demo bank ${bank.built ? `built in ${bank.seconds.toFixed(1)} s` : 'from the cache'}: ${bank.path}`);
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-kli-bench-'));
  try {
    const info = new Database(bank.path, { readonly: true });
    const transactions = info.prepare('SELECT COUNT(*) FROM transactions').pluck().get() as number;
    const lastMonth =
      (info.prepare('SELECT substr(MAX(posted_date), 1, 7) FROM transactions').pluck().get() as string) + '-01';
    info.close();

    // The headline: everything, from nothing.
    const first = copyBank(bank.path, join(dir, 'full.sqlite'));
    const before = referenceScan(first);
    const full = compute(first, 'full', profileDir);
    const after = referenceScan(first);
    rmSync(first, { force: true });

    // A new month: the bank as it was a month ago, computed; then the month arrives.
    const second = copyBank(bank.path, join(dir, 'month.sqlite'));
    const db = new Database(second);
    db.exec(`CREATE TABLE bench_held AS SELECT * FROM transactions WHERE posted_date >= '${lastMonth}';
             DELETE FROM transactions WHERE posted_date >= '${lastMonth}';`);
    db.close();
    compute(second, 'full', undefined);
    const again = new Database(second);
    const held = again.prepare('SELECT COUNT(*) FROM bench_held').pluck().get() as number;
    // As an import would write them: new ids, each with its signature number.
    again.exec(`INSERT INTO transactions (transaction_key, account_id, posted_date, amount_cents, code, description, mcc,
                  balance_after_cents, merchant, category, counterparty, signature_id)
                SELECT transaction_key, account_id, posted_date, amount_cents, code, description, mcc,
                  balance_after_cents, merchant, category, counterparty, signature_id FROM bench_held ORDER BY id;
                DROP TABLE bench_held;`);
    again.close();
    const month = compute(second, 'incremental', undefined);

    const reference = (before + after) / 2;
    console.log('');
    console.log(`Transactions:              ${fmt(transactions)}`);
    console.log(
      `Reference, same run:       ${reference.toFixed(2)} s  sqlite3 shell scanning the transactions table (mean of before/after)`,
    );
    console.log(
      `Full compute:              ${full.seconds.toFixed(2)} s = ${fmt(full.transactions_read / full.seconds)} transactions/s` +
        ` (${(full.seconds / reference).toFixed(1)}× the scan), peak ${full.peak_rss_mb} MB`,
    );
    console.log(`  goal < ${GOAL_SECONDS} s → ${full.seconds < GOAL_SECONDS ? 'met' : 'NOT met'}`);
    console.log(
      `After one new month:       ${month.seconds.toFixed(2)} s, read ${fmt(month.transactions_read)} of ${fmt(transactions)} transactions` +
        ` (the month held ${fmt(held)}), ${month.incremental ? 'incremental' : 'NOT incremental'}`,
    );
    const same = month.flagged === full.flagged;
    console.log(
      `  same verdicts as the full compute: ${same ? 'yes' : `NO (${fmt(month.flagged)} vs ${fmt(full.flagged)} flags)`}`,
    );
    if (profileDir) console.log(`CPU profile of the full compute: ${profileDir}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
