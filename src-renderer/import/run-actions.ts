/**
 * One import run: start the job, follow its progress events, cancel it, and fetch its
 * outcome when it ends. The run lives in runStore, so it carries on while the user looks at
 * other screens and survives the workspace remounting when the import changes the database.
 */
import type { ApiInput } from '../../src-shared/api';
import type { JobInfo } from '../../src-shared/domain';
import type { ImportOutcome } from '../../src-shared/imports';
import { call } from '../lib/api';
import { followJobProgress } from '../lib/job-progress';
import { onSessionReset, runStore, type RunState } from './session';
import { errorText } from './setup-actions';

/** The estimate of time left waits for this much history: the first seconds say little. */
export const ESTIMATE_AFTER_MS = 2000;
const OUTCOME_TRIES = 5;
const OUTCOME_RETRY_MS = 200;

let lastToken = 0;
let stopFollowing: (() => void) | null = null;

function stop(): void {
  stopFollowing?.();
  stopFollowing = null;
}
onSessionReset(stop);

function runOf(token: number): RunState | null {
  const { run } = runStore.get();
  return run?.token === token ? run : null;
}

function patch(token: number, change: Partial<RunState>): void {
  if (runOf(token)) runStore.set((state) => ({ run: state.run ? { ...state.run, ...change } : null }));
}

function secondsLeft(run: RunState, job: JobInfo): number | null {
  const elapsed = Date.now() - run.startedAt;
  if (elapsed < ESTIMATE_AFTER_MS || job.current <= 0 || job.total <= job.current) return null;
  return ((job.total - job.current) * elapsed) / job.current / 1000;
}

function fallbackOutcome(job: JobInfo): ImportOutcome | null {
  if (job.state === 'cancelled') return { status: 'cancelled' };
  if (job.state === 'failed')
    return { status: 'failed', message: job.error ?? 'The import stopped without saying why.' };
  return null;
}

async function fetchOutcome(token: number, job: JobInfo): Promise<void> {
  for (let attempt = 1; attempt <= OUTCOME_TRIES; attempt++) {
    try {
      const outcome = await call('import:outcome', { job_id: job.id });
      if (outcome) return patch(token, { outcome });
    } catch (error) {
      const fallback = fallbackOutcome(job);
      return patch(token, fallback ? { outcome: fallback } : { error: errorText(error) });
    }
    // The job has ended but its outcome is not written yet: ask again shortly.
    if (!runOf(token) || attempt === OUTCOME_TRIES) break;
    await new Promise((resolve) => setTimeout(resolve, OUTCOME_RETRY_MS));
  }
  const fallback = fallbackOutcome(job);
  patch(
    token,
    fallback
      ? { outcome: fallback }
      : { error: 'The import ended, but its result could not be read. See the History tab for what was loaded.' },
  );
}

function onJob(token: number, job: JobInfo): void {
  const run = runOf(token);
  // Once the job has ended, late or repeated events change nothing.
  if (!run || (run.job && run.job.state !== 'running')) return;
  patch(token, { job, secondsLeft: job.state === 'running' ? secondsLeft(run, job) : null });
  if (job.state === 'running') return;
  stop();
  void fetchOutcome(token, job);
}

function follow(token: number, job: JobInfo): void {
  stopFollowing = followJobProgress(job.id, (update) => onJob(token, update));
  onJob(token, job);
}

export async function startImport(input: ApiInput<'import:start'>): Promise<void> {
  stop();
  const token = ++lastToken;
  runStore.set({
    run: {
      token,
      input,
      job: null,
      startedAt: Date.now(),
      secondsLeft: null,
      cancelling: false,
      outcome: null,
      error: null,
    },
  });
  try {
    const job = await call('import:start', input);
    if (runOf(token)) follow(token, job);
  } catch (error) {
    patch(token, { error: `The import could not start: ${errorText(error)}` });
  }
}

export async function cancelImport(): Promise<void> {
  const run = runStore.get().run;
  if (!run?.job || run.job.state !== 'running') return;
  patch(run.token, { cancelling: true });
  try {
    await call('jobs:cancel', { id: run.job.id });
  } catch (error) {
    patch(run.token, { cancelling: false, error: `The import could not be cancelled: ${errorText(error)}` });
  }
}

/** After a refusal: the same files and mapping again, good rows loaded and bad ones quarantined. */
export function importWithQuarantine(): void {
  const run = runStore.get().run;
  if (run) void startImport({ ...run.input, quarantine: true });
}

export function closeRun(): void {
  stop();
  runStore.set({ run: null });
}
