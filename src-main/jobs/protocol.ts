/** Messages between the job runner (main thread) and a job's worker thread. */
import type { JobKind } from '../../src-shared/domain';

export interface JobStart {
  kind: JobKind;
  input: unknown;
  /** The Electron-ABI better-sqlite3 build, when the app runs inside Electron. */
  nativeBinding?: string;
}

export type ToWorker = { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; step: string; current: number; total: number; rows?: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; message: string; cancelled: boolean };

export interface JobContext {
  progress(step: string, current: number, total: number, rows?: number): void;
  signal: AbortSignal;
}
