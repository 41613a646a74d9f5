/**
 * Calls that read much of the bank but answer at once (a KLI preview, saving a custom KLI
 * decided on the spot, a trigger run, an audience's details): each runs on a
 * worker thread of its own, with its own
 * connection, so the main process keeps answering meanwhile. The worker entry is the jobs' one.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import type { ErrorCode } from '../../src-shared/api';
import { audienceQuery } from '../../src-shared/api';
import { customKliSchema } from '../../src-shared/kli-schema';
import { audienceDetails } from '../audience/catalog';
import type { AudienceCount } from '../../src-shared/audience';
import { queryOptions, today } from '../audience/count';
import { planOverlap, projectPlan } from '../plan/projections';
import { liveCounter } from '../audience/live-count';
import { AppError } from '../app/errors';
import { openDatabase, type Db } from '../db/open';
import { previewKli, saveCustomKli } from '../kli/service';
import { runTriggers } from '../triggers/service';

const base = { dbPath: z.string().min(1), actor: z.string().min(1) };
const TASK_INPUTS = {
  'kli:preview': z.object({ ...base, definition: customKliSchema }),
  'kli:save': z.object({ ...base, definition: customKliSchema, overwrite: z.boolean() }),
  'triggers:run': z.object(base),
  'audience:details': z.object({ ...base, query: audienceQuery }),
  'plan:projections': z.object(base),
  'plan:overlap': z.object(base),
  'db:check': z.object(base),
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
  'audience:details': (i) => withDb(i.dbPath, (db) => audienceDetails(db, i.query.rule, queryOptions(i.query))),
  'plan:projections': (i) => withDb(i.dbPath, (db) => projectPlan(db, today())),
  'plan:overlap': (i) => withDb(i.dbPath, (db) => planOverlap(db, today())),
  // SQLite's quick check reads every page: seconds on a big bank, so never on the main thread.
  'db:check': (i) => {
    const db = openDatabase(i.dbPath, { readonly: true });
    try {
      return String(db.pragma('quick_check(3)', { simple: true }));
    } finally {
      db.close();
    }
  },
};

/** What the worker entry receives for a task (instead of a job). */
export interface TaskStart {
  task: TaskName;
  input: unknown;
  nativeBinding?: string;
}

export type TaskMessage =
  { type: 'done'; value: unknown } | { type: 'failed'; message: string; code: ErrorCode | null };

/** How a call on a worker thread ended, keeping an AppError's code. */
function settle(work: () => unknown): TaskMessage {
  try {
    return { type: 'done', value: work() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'failed', message, code: error instanceof AppError ? error.code : null };
  }
}

const taskError = (message: Extract<TaskMessage, { type: 'failed' }>) =>
  message.code ? new AppError(message.code, message.message) : new Error(message.message);

/** On the worker thread: runs the task and says how it ended. */
export function runTaskHere(start: TaskStart): TaskMessage {
  return settle(() => {
    const schema = TASK_INPUTS[start.task] as z.ZodType;
    const run = TASKS[start.task] as (input: unknown) => unknown;
    return run(schema.parse(start.input));
  });
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
      else reject(taskError(message));
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

/** What the live-count worker starts with (instead of a job or a task). */
export interface LiveCountStart {
  liveCounts: true;
  nativeBinding?: string;
}

interface LiveCountRequest {
  id: number;
  dbPath: string;
  query: unknown;
}

/**
 * On the live-count worker: answers counts one after another from its own connection, keeping
 * the columns it read (audience/live-count.ts) for the next edit of the rule. Its connection
 * sees every other connection's commits, the main process's included.
 */
export function serveLiveCounts(port: MessagePort): void {
  let open: { path: string; db: Db } | null = null;
  port.on('message', (request: LiveCountRequest) => {
    const answer = settle(() => {
      if (open?.path !== request.dbPath) {
        open?.db.close();
        open = null;
        open = { path: request.dbPath, db: openDatabase(request.dbPath) };
      }
      const query = audienceQuery.parse(request.query);
      return liveCounter(open.db).count(query.rule, queryOptions(query));
    });
    port.postMessage({ id: request.id, ...answer });
  });
}

/**
 * On the main thread: the worker thread that keeps live counts warm, started on the first count
 * and kept until the database changes under it (another file opened, the demo rebuilt).
 */
export class LiveCountWorker {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (count: AudienceCount) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly workerPath: string,
    private readonly nativeBinding: string | undefined,
  ) {}

  count(dbPath: string, query: unknown): Promise<AudienceCount> {
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, dbPath, query } satisfies LiveCountRequest);
    });
  }

  /** Ends the worker (and its connection); counts waiting are refused. */
  stop(): Promise<unknown> {
    const worker = this.worker;
    this.worker = null;
    this.fail(new Error('The database was closed while counting; count again.'));
    return worker ? worker.terminate() : Promise.resolve();
  }

  private start(): Worker {
    const workerData: LiveCountStart = {
      liveCounts: true,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    };
    const worker = new Worker(this.workerPath, { workerData });
    worker.unref();
    worker.on('message', (message: TaskMessage & { id: number }) => {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.type === 'done') waiting?.resolve(message.value as AudienceCount);
      else waiting?.reject(taskError(message));
    });
    const ended = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.fail(error);
    };
    worker.on('error', ended);
    worker.on('exit', (code) => ended(new Error(`The counting worker stopped (exit code ${code}); count again.`)));
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
