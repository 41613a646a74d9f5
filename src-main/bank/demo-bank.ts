/**
 * Builds the demo bank: the generator writes a core system's export files in the standard
 * layout, and the real loader imports them, so the demo exercises the same path as a bank's
 * own files. The database is built beside its destination and moved into place at the end,
 * so a cancelled or failed build leaves whatever was there before untouched.
 */
import { seedSamplePlan } from '../plan/sample-plan';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeDemoFiles } from '../demo';
import { moveDatabaseFile, openDatabase } from '../db/open';
import { loadStandardFiles, type LoadOptions } from '../ingest/import-files';
import { getStats, setSetting } from './stats';

export interface DemoBuildOptions {
  dbPath: string;
  customers: number;
  seed: number;
}

export interface DemoBuildResult {
  db_path: string;
  bank_name: string;
  customers: number;
  accounts: number;
  transactions: number;
  seconds: { generate: number; load: number; total: number };
}

export interface DemoBuildHooks {
  onProgress?: (p: { step: string; current: number; total: number }) => void;
  signal?: AbortSignal;
  onFileLoaded?: LoadOptions['onFileLoaded'];
}

/** Share of the progress bar given to writing the files; loading takes the rest. */
const GENERATE_SHARE = 0.35;
const SCALE = 1000;

export async function buildDemoBank(options: DemoBuildOptions, hooks: DemoBuildHooks = {}): Promise<DemoBuildResult> {
  const started = performance.now();
  const work = mkdtempSync(join(dirname(options.dbPath), '.mainstreet-demo-'));
  const report = (step: string, share: number) =>
    hooks.onProgress?.({ step, current: Math.round(Math.min(1, share) * SCALE), total: SCALE });
  try {
    const files = await writeDemoFiles(
      join(work, 'files'),
      { customers: options.customers, seed: options.seed },
      (p) => report(`Generating ${p.step}`, (p.total > 0 ? p.current / p.total : 0) * GENERATE_SHARE),
      hooks.signal,
    );
    const generated = performance.now();
    const stagingPath = join(work, 'bank.sqlite');
    const db = openDatabase(stagingPath);
    let stats;
    try {
      // A staging file that is thrown away on failure needs no fsync on every commit.
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -262144');
      await loadStandardFiles(db, Object.values(files.files), {
        actor: 'demo',
        source: `Demo bank (generated: ${options.customers} customers, seed ${options.seed})`,
        signal: hooks.signal,
        ...(hooks.onFileLoaded ? { onFileLoaded: hooks.onFileLoaded } : {}),
        onProgress: (p) =>
          report(p.step, GENERATE_SHARE + (p.total > 0 ? p.current / p.total : 0) * (1 - GENERATE_SHARE)),
      });
      setSetting(db, 'bank_name', files.bankName);
      setSetting(db, 'demo', JSON.stringify({ customers: options.customers, seed: options.seed }));
      seedSamplePlan(db);
      stats = getStats(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    moveDatabaseFile(stagingPath, options.dbPath);
    const finished = performance.now();
    return {
      db_path: options.dbPath,
      bank_name: files.bankName,
      customers: stats.customers,
      accounts: stats.accounts,
      transactions: stats.transactions,
      seconds: {
        generate: (generated - started) / 1000,
        load: (finished - generated) / 1000,
        total: (finished - started) / 1000,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
