/**
 * `npm run bench -- demo`: builds the demo bank at 25,000 customers (goal: under 30 s) and at
 * 250,000 (rows/s per table, peak memory), and in the same run times the sqlite3 shell's
 * `.import --csv` of the same transactions file into a bare table as the reference rate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemas } from '../../src-shared/api';
import { listCustomers } from '../../src-main/customers/list-customers';
import { openDatabase } from '../../src-main/db/open';
import { writeDemoFiles } from '../../src-main/demo';

interface ChildOutput {
  result: { customers: number; transactions: number; seconds: { generate: number; load: number; total: number } };
  tables: { kind: string; rows: number; seconds: number }[];
  peak_rss_mb: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function build(dir: string, customers: number): ChildOutput {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'demo-build-child.ts'),
      join(dir, `demo-${customers}.sqlite`),
      String(customers),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildOutput;
}

/** The Customers screen's calls on the large bank: each must feel instant (well under 100 ms). */
function timeCustomerQueries(dbPath: string): void {
  const db = openDatabase(dbPath, { readonly: true });
  const cases: [string, Record<string, unknown>][] = [
    ['first page by name', {}],
    ['page 1,000 by name', { page: 1000 }],
    ['sorted by deposits, desc', { sort: 'total_deposits_cents', direction: 'desc' }],
    ['search "smith"', { search: 'smith' }],
    ['search by city "ames", page 20', { search: 'ames', page: 20 }],
  ];
  console.log('\nCustomers screen queries on the large bank (median of 5):');
  for (const [label, input] of cases) {
    const parsed = schemas['customers:list'].parse({ page: 0, page_size: 50, ...input });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      listCustomers(db, parsed);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(34)} ${(times[2] ?? 0).toFixed(1).padStart(7)} ms`);
  }
  db.close();
}

export async function runDemoBench(args: string[]): Promise<void> {
  const large = Number(args.find((a) => /^\d+$/.test(a)) ?? 250_000);
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-bench-'));
  try {
    console.log('Demo bank build benchmark (whole build in a child process: generate files, import, index)');
    let largeTransactions: ChildOutput['tables'][number] | undefined;
    for (const customers of [25_000, large]) {
      const out = build(dir, customers);
      if (customers === large) largeTransactions = out.tables.find((t) => t.kind === 'transactions');
      console.log(
        `\n${fmt(customers)} customers: ${out.result.seconds.total.toFixed(1)} s total ` +
          `(generate ${out.result.seconds.generate.toFixed(1)} s, import ${out.result.seconds.load.toFixed(1)} s), ` +
          `peak memory ${fmt(out.peak_rss_mb)} MB`,
      );
      if (customers === 25_000)
        console.log(`  goal: under 30 s → ${out.result.seconds.total < 30 ? 'met' : 'NOT met'}`);
      for (const t of out.tables) {
        console.log(
          `  ${t.kind.padEnd(13)} ${fmt(t.rows).padStart(12)} rows  ${t.seconds.toFixed(2).padStart(7)} s  ${fmt(t.rows / Math.max(t.seconds, 1e-9)).padStart(10)} rows/s`,
        );
      }
    }
    timeCustomerQueries(join(dir, `demo-${large}.sqlite`));
    // Reference, same run: the sqlite3 shell's bulk CSV import of the same transactions file.
    const files = join(dir, 'files');
    const written = await writeDemoFiles(files, { customers: large, seed: 1 });
    const ref = join(dir, 'reference.sqlite');
    const started = performance.now();
    const shell = spawnSync('sqlite3', [ref, '.import --csv ' + written.files.transactions + ' transactions_ref'], {
      encoding: 'utf8',
    });
    const seconds = (performance.now() - started) / 1000;
    if (shell.status !== 0) throw new Error(`sqlite3 shell failed: ${shell.stderr}`);
    const ours = largeTransactions;
    const refRate = written.counts.transactions / seconds;
    console.log(
      `\nReference (same run): sqlite3 .import --csv of ${fmt(written.counts.transactions)} transaction rows into a bare table: ${fmt(refRate)} rows/s`,
    );
    if (ours) {
      const rate = ours.rows / ours.seconds;
      console.log(
        `Mainstreet transactions load (validated, indexed): ${fmt(rate)} rows/s = ${(rate / refRate).toFixed(2)}× the shell`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
