/**
 * Runs long work in worker threads so the main thread never blocks: a job id comes back at
 * once, progress arrives as events, Cancel asks the job to stop (and ends the thread if it
 * does not), and a second start of a job of the same kind joins the one running.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobInfo, JobKind } from '../../src-shared/domain';
import type { FromWorker, JobStart, ToWorker } from './protocol';

export interface JobRunnerOptions {
  /** The worker entry: out/main/worker.js in the app, worker-from-source.mjs under tsx. */
  workerPath: string;
  onUpdate: (job: JobInfo) => void;
  /** How long a cancelled job may take to stop by itself before its thread is ended. */
  cancelGraceMs?: number;
  /** Handed to each worker: the Electron-ABI better-sqlite3 build, inside the desktop app. */
  nativeBinding?: string;
}

interface Running {
  info: JobInfo;
  worker: Worker;
  done: Promise<unknown>;
}

export class JobRunner {
  private readonly jobs = new Map<string, Running>();

  constructor(private readonly options: JobRunnerOptions) {}

  start(kind: JobKind, input: unknown, onDone?: (value: unknown) => void): JobInfo {
    const running = [...this.jobs.values()].find((j) => j.info.kind === kind && j.info.state === 'running');
    if (running) return { ...running.info };

    const info: JobInfo = { id: randomUUID(), kind, state: 'running', step: 'Starting', current: 0, total: 1 };
    const workerData: JobStart = {
      kind,
      input,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
    const worker = new Worker(this.options.workerPath, { workerData });
    const update = (patch: Partial<JobInfo>) => {
      Object.assign(info, patch);
      this.options.onUpdate({ ...info });
    };
    const done = new Promise<unknown>((resolve, reject) => {
      let settled = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'progress') {
          update({
            step: message.step,
            current: message.current,
            total: message.total,
            ...(message.rows === undefined ? {} : { rows: message.rows }),
          });
        } else if (message.type === 'done') {
          settled = true;
          try {
            onDone?.(message.value);
            update({ state: 'done', step: 'Done', current: info.total });
            resolve(message.value);
          } catch (error) {
            const text = error instanceof Error ? error.message : String(error);
            update({ state: 'failed', error: text });
            reject(new Error(text));
          }
        } else {
          settled = true;
          update(
            message.cancelled ? { state: 'cancelled', step: 'Cancelled' } : { state: 'failed', error: message.message },
          );
          reject(new Error(message.message));
        }
      });
      worker.on('error', (error) => {
        settled = true;
        update({ state: 'failed', error: error.message });
        reject(error);
      });
      worker.on('exit', () => {
        if (settled) return;
        const cancelled = info.state === 'running' && this.cancelRequested.has(info.id);
        update(
          cancelled
            ? { state: 'cancelled', step: 'Cancelled' }
            : { state: 'failed', error: 'The job stopped unexpectedly.' },
        );
        reject(new Error(info.error ?? 'cancelled'));
      });
    });
    done.catch(() => undefined);
    this.jobs.set(info.id, { info, worker, done });
    this.options.onUpdate({ ...info });
    return { ...info };
  }

  private readonly cancelRequested = new Set<string>();

  get(id: string): JobInfo | null {
    const job = this.jobs.get(id);
    return job ? { ...job.info } : null;
  }

  /** Any job still running, of any kind. */
  anyRunning(): boolean {
    return [...this.jobs.values()].some((j) => j.info.state === 'running');
  }

  running(kind: JobKind): JobInfo | null {
    const job = [...this.jobs.values()].find((j) => j.info.kind === kind && j.info.state === 'running');
    return job ? { ...job.info } : null;
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.info.state !== 'running') return false;
    this.cancelRequested.add(id);
    job.worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    const timer = setTimeout(() => void job.worker.terminate(), this.options.cancelGraceMs ?? 5000);
    job.done.finally(() => clearTimeout(timer)).catch(() => undefined);
    return true;
  }

  /** Resolves with the job's value, or rejects when it fails or is cancelled. */
  wait(id: string): Promise<unknown> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new Error(`No job ${id}`));
    return job.done;
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.worker.terminate()));
  }
}
