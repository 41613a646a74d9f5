/**
 * Every long job, by kind: the function a worker thread runs. Jobs take plain data (paths,
 * numbers) and open their own database connection, so nothing is shared across threads.
 */
import { z } from 'zod';
import { autoBackup } from '../backup/auto';
import { PRODUCT_FAMILIES, type JobKind } from '../../src-shared/domain';
import { mappingProfileSchema } from '../../src-shared/mapping-profile';
import { buildDemoBank } from '../bank/demo-bank';
import { runImport } from '../ingest/run-import';
import { runKliCompute } from '../kli/compute';
import { trainScores } from '../scores/train';
import { writeRunFiles } from '../plan/run-files';
import { runMonth } from '../plan/run-month';
import { openDatabase } from '../db/open';
import { evaluateTriggersAfterImport } from '../triggers/service';
import type { JobContext } from './protocol';

const demoBuildInput = z.object({
  dbPath: z.string().min(1),
  customers: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
});
export type DemoBuildInput = z.infer<typeof demoBuildInput>;

const importRunInput = z.object({
  dbPath: z.string().min(1),
  paths: z.array(z.string().min(1)).min(1),
  profile: mappingProfileSchema,
  quarantine: z.boolean(),
  asOf: z.string().optional(),
  actor: z.string().min(1),
  /** The app's data folder: a backup goes to its backups/ first. */
  backupDataDir: z.string().optional(),
});
export type ImportRunInput = z.input<typeof importRunInput>;

const kliComputeInput = z.object({
  dbPath: z.string().min(1),
  full: z.boolean(),
  lookbackMonths: z.number().int().min(1).max(36).optional(),
  asOf: z.string().optional(),
  actor: z.string().min(1),
});
export type KliComputeInput = z.input<typeof kliComputeInput>;

const scoresTrainInput = z.object({
  dbPath: z.string().min(1),
  families: z.array(z.enum(PRODUCT_FAMILIES)).optional(),
  windowMonths: z.number().int().min(1).max(24).optional(),
  actor: z.string().min(1),
});
export type ScoresTrainInput = z.input<typeof scoresTrainInput>;

const planRunInput = z.object({
  dbPath: z.string().min(1),
  month: z.string().min(1),
  outDir: z.string().min(1),
  seed: z.number().int().optional(),
  actor: z.string().min(1),
  backupDataDir: z.string().optional(),
});
export type PlanRunInput = z.input<typeof planRunInput>;

type JobFn = (input: unknown, ctx: JobContext) => Promise<unknown>;

/** The automatic backup a job that changes the bank makes first (a step of its progress). */
async function backupFirst(dbPath: string, dataDir: string, reason: string, ctx: JobContext): Promise<void> {
  ctx.progress('Backing up first', 0, 1);
  const db = openDatabase(dbPath);
  try {
    await autoBackup(db, dbPath, dataDir, reason);
  } finally {
    db.close();
  }
}

function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid job input: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const JOBS: Record<JobKind, JobFn> = {
  'demo:build': (input, ctx) =>
    buildDemoBank(parseInput(demoBuildInput, input), {
      onProgress: (p) => ctx.progress(p.step, p.current, p.total),
      signal: ctx.signal,
    }),
  'import:run': async (input, ctx) => {
    const parsed = parseInput(importRunInput, input);
    if (parsed.backupDataDir) await backupFirst(parsed.dbPath, parsed.backupDataDir, 'before-import', ctx);
    const outcome = await runImport(parsed, {
      onProgress: (p) => ctx.progress(p.step, p.current, p.total, p.rows),
      signal: ctx.signal,
    });
    if (outcome.status === 'loaded') {
      // New snapshots and transactions: the triggers look at them now.
      ctx.progress('Checking triggers', 0, 1);
      const db = openDatabase(parsed.dbPath);
      try {
        evaluateTriggersAfterImport(db, parsed.actor);
      } finally {
        db.close();
      }
    }
    return outcome;
  },
  'kli:compute': (input, ctx) =>
    runKliCompute(parseInput(kliComputeInput, input), {
      onProgress: (p) => ctx.progress(p.step, p.current, p.total, p.rows),
      signal: ctx.signal,
    }),
  'plan:run': async (input, ctx) => {
    const parsed = parseInput(planRunInput, input);
    if (parsed.backupDataDir) await backupFirst(parsed.dbPath, parsed.backupDataDir, 'before-month-run', ctx);
    const db = openDatabase(parsed.dbPath);
    try {
      ctx.progress('Choosing the recipients', 0, 2);
      const summary = runMonth(db, { month: parsed.month, actor: parsed.actor, seed: parsed.seed });
      ctx.progress('Writing the letters and files', 1, 2);
      const files = await writeRunFiles(db, summary.run_id, parsed.outDir, parsed.actor);
      ctx.progress('Done', 2, 2);
      return { ...summary, files };
    } finally {
      db.close();
    }
  },
  'scores:train': async (input, ctx) => {
    const parsed = parseInput(scoresTrainInput, input);
    const db = openDatabase(parsed.dbPath);
    try {
      return trainScores(db, {
        actor: parsed.actor,
        families: parsed.families,
        windowMonths: parsed.windowMonths,
        onProgress: (step, current, total) => {
          if (ctx.signal.aborted) throw new Error('Cancelled.');
          ctx.progress(step, current, total);
        },
      });
    } finally {
      db.close();
    }
  },
};
