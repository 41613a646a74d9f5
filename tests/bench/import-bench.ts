/**
 * `npm run bench -- import [--rows N] [--runs N] [--cpu-prof DIR]`: imports a generated
 * transactions.csv (1,000,000 rows unless --rows says) into a copy of the default demo bank,
 * validated, merchant-cleaned and indexed as the app's import job does it, each import in a
 * child process so its peak memory is its own. In the same run, as the reference, the sqlite3
 * shell's `.import --csv` of the same file into a bare table of a fresh database. Goals: at
 * least 0.6× the shell's rows/s, and a peak under 400 MB. The shell runs before each import and
 * once after the last; medians are compared. --cpu-prof writes a V8 CPU profile of each import
 * into DIR.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cachedDemoBank, writeTransactionsCsv } from './import-bench-data';

const SQLITE3 = '/usr/bin/sqlite3';
const RATIO_GOAL = 0.6;
const MEMORY_GOAL_MB = 400;

interface ChildOutput {
  rows_read: number;
  rows_loaded: number;
  duplicates: number;
  with_merchant: number;
  seconds: number;
  peak_rss_mb: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function count(args: string[], name: string, fallback: number): number {
  const value = Number(option(args, name) ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} takes a whole number, at least 1`);
  return value;
}

/** The shell's bulk load, whole process: start, create the table from the header, load, commit, exit. */
function referenceImport(dir: string, csv: string, run: number): { seconds: number; rows: number } {
  const db = join(dir, `reference-${run}.sqlite`);
  const started = performance.now();
  const shell = spawnSync(SQLITE3, [db, `.import --csv ${csv} t`], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (shell.status !== 0 || shell.stderr) throw new Error(`sqlite3 .import failed: ${shell.stderr}`);
  const rows = Number(spawnSync(SQLITE3, [db, 'SELECT COUNT(*) FROM t'], { encoding: 'utf8' }).stdout.trim());
  rmSync(db, { force: true });
  return { seconds, rows };
}

/** Ours, in a child process on a fresh copy of the demo bank. */
function ourImport(dir: string, bank: string, csv: string, run: number, profileDir: string | undefined) {
  const db = join(dir, `bank-${run}.sqlite`);
  copyFileSync(bank, db);
  const flags = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [...flags, '--import', 'tsx', join(import.meta.dirname, 'import-bench-child.ts'), db, csv],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const wall = (performance.now() - started) / 1000;
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  const out = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildOutput;
  return { ...out, wall };
}

export async function runImportBench(args: string[]): Promise<void> {
  const rows = count(args, '--rows', 1_000_000);
  const runs = count(args, '--runs', 1);
  const profile = option(args, '--cpu-prof');
  const profileDir = profile ? resolve(profile) : undefined;
  console.log(`Import benchmark: ${fmt(rows)} transaction rows into the demo bank, against sqlite3 .import --csv`);

  const bank = await cachedDemoBank();
  console.log(
    bank.built
      ? `  demo bank built in ${bank.seconds.toFixed(1)} s: ${bank.path}`
      : `  demo bank (cached): ${bank.path}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-import-bench-'));
  try {
    const csv = join(dir, 'transactions.csv');
    const generateStarted = performance.now();
    const written = await writeTransactionsCsv(bank.path, csv, rows);
    console.log(
      `  transactions.csv: ${fmt(written.rows)} rows, ${(statSync(csv).size / 1e6).toFixed(0)} MB, ` +
        `${fmt(written.accounts)} open checking/savings accounts, ${written.from} to ${written.to} ` +
        `(written in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s)`,
    );

    // The shell runs before each import and once after the last, so a machine that slows down
    // or speeds up during the run moves the reference as much as ours.
    const refRates: number[] = [];
    const ourRates: number[] = [];
    const reference = (label: string) => {
      const ref = referenceImport(dir, csv, refRates.length + 1);
      if (ref.rows !== written.rows) throw new Error(`sqlite3 loaded ${ref.rows} rows of ${written.rows}`);
      const rate = ref.seconds > 0 ? ref.rows / ref.seconds : 0;
      refRates.push(rate);
      console.log(`  ${label}: reference ${ref.seconds.toFixed(2)} s = ${fmt(rate)} rows/s`);
    };
    let peak = 0;
    let last: ReturnType<typeof ourImport> | undefined;
    for (let run = 1; run <= runs; run++) {
      reference(`run ${run}`);
      const ours = ourImport(dir, bank.path, csv, run, profileDir);
      if (ours.rows_loaded !== written.rows) {
        throw new Error(`the import loaded ${ours.rows_loaded} of ${written.rows}`);
      }
      const ourRate = ours.rows_loaded / ours.seconds;
      ourRates.push(ourRate);
      peak = Math.max(peak, ours.peak_rss_mb);
      last = ours;
      console.log(
        `  run ${run}: ours      ${ours.seconds.toFixed(2)} s = ${fmt(ourRate)} rows/s ` +
          `(whole process ${ours.wall.toFixed(2)} s), peak ${fmt(ours.peak_rss_mb)} MB`,
      );
    }
    reference('after');

    const refRate = median(refRates);
    const ourRate = median(ourRates);
    const ratio = ourRate / refRate;
    const merchants = last ? last.with_merchant / Math.max(1, last.rows_loaded) : 0;
    console.log(`\nRows:                      ${fmt(rows)}`);
    console.log(
      `Reference, same run:       ${fmt(refRate)} rows/s  median of ${refRates.length}: sqlite3 .import --csv into a bare table`,
    );
    console.log(
      `Mainstreet import:         ${fmt(ourRate)} rows/s  median of ${runs}: validated, merchant-cleaned, indexed, one transaction`,
    );
    console.log(`  merchant cleanup named:  ${(merchants * 100).toFixed(1)}% of imported rows`);
    console.log(
      `Ratio:                     ${ratio.toFixed(2)}× the shell   goal ≥ ${RATIO_GOAL}× → ${ratio >= RATIO_GOAL ? 'met' : 'NOT met'}`,
    );
    console.log(
      `Peak memory (child RSS):   ${fmt(peak)} MB           goal < ${MEMORY_GOAL_MB} MB → ${peak < MEMORY_GOAL_MB ? 'met' : 'NOT met'}`,
    );
    if (profileDir) console.log(`CPU profile(s) of the import: ${profileDir}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
