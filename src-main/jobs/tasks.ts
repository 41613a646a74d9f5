/**
 * Calls that read much of the bank but answer at once (a KLI preview, saving a custom KLI
 * decided on the spot, a trigger run, an audience's live count and details): each runs on a
 * worker thread of its own, with its own
 * connection, so the main process keeps answering meanwhile. The worker entry is the jobs' one.
 */
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { ErrorCode } from '../../src-shared/api';
import { audienceQuery } from '../../src-shared/api';
import { customKliSchema } from '../../src-shared/kli-schema';
import { audienceDetails } from '../audience/catalog';
import { countAudience, queryOptions } from '../audience/count';
import { AppError } from '../app/errors';
import { openDatabase, type Db } from '../db/open';
import { previewKli, saveCustomKli } from '../kli/service';
import { runTriggers } from '../triggers/service';

const base = { dbPath: z.string().min(1), actor: z.string().min(1) };
const TASK_INPUTS = {
  'kli:preview': z.object({ ...base, definition: customKliSchema }),
  'kli:save': z.object({ ...base, definition: customKliSchema, overwrite: z.boolean() }),
  'triggers:run': z.object(base),
  'audience:count': z.object({ ...base, query: audienceQuery }),
  'audience:details': z.object({ ...base, query: audienceQuery }),
} as const;

export type TaskName = keyof typeof TASK_INPUTS;
export type TaskInput<T extends TaskName> = z.input<(typeof TASK_INPUTS)[T]>;

function withDb<R>(path: string, work: (db: Db) => R): R {
  const db = openDatabase(path);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const TASKS: { [T in TaskName]: (input: z.output<(typeof TASK_INPUTS)[T]>) => unknown } = {
  'kli:preview': (i) => withDb(i.dbPath, (db) => previewKli(db, i.definition)),
  'kli:save': (i) => withDb(i.dbPath, (db) => saveCustomKli(db, i.definition, i.overwrite, i.actor)),
  'triggers:run': (i) => withDb(i.dbPath, (db) => runTriggers(db, i.actor)),
  'audience:count': (i) => withDb(i.dbPath, (db) => countAudience(db, i.query.rule, queryOptions(i.query))),
  'audience:details': (i) => withDb(i.dbPath, (db) => audienceDetails(db, i.query.rule, queryOptions(i.query))),
};

/** What the worker entry receives for a task (instead of a job). */
export interface TaskStart {
  task: TaskName;
  input: unknown;
  nativeBinding?: string;
}

export type TaskMessage =
  { type: 'done'; value: unknown } | { type: 'failed'; message: string; code: ErrorCode | null };

/** On the worker thread: runs the task and says how it ended, keeping an AppError's code. */
export function runTaskHere(start: TaskStart): TaskMessage {
  try {
    const schema = TASK_INPUTS[start.task] as z.ZodType;
    const run = TASKS[start.task] as (input: unknown) => unknown;
    return { type: 'done', value: run(schema.parse(start.input)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'failed', message, code: error instanceof AppError ? error.code : null };
  }
}

/** On the main thread: runs a task on a new worker thread and resolves with its answer. */
export function runTask<T>(
  workerPath: string,
  nativeBinding: string | undefined,
  task: TaskName,
  input: unknown,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const workerData: TaskStart = { task, input, ...(nativeBinding ? { nativeBinding } : {}) };
    const worker = new Worker(workerPath, { workerData });
    let settled = false;
    worker.on('message', (message: TaskMessage) => {
      settled = true;
      if (message.type === 'done') resolve(message.value as T);
      else reject(message.code ? new AppError(message.code, message.message) : new Error(message.message));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The worker for ${task} stopped (exit code ${code}).`));
    });
  });
}
