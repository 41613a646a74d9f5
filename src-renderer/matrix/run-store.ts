/**
 * Running a month: start the job, follow its progress, and read what it made. Kept in a store
 * because the workspace remounts the screen when a job ends (the data changed) and the user may
 * look at other screens meanwhile. The state belongs to one API and database.
 */
import type { JobInfo } from '../../src-shared/domain';
import type { RunSummary } from '../../src-shared/plan';
import { call } from '../lib/api';
import { followJobProgress } from '../lib/job-progress';
import { jobSession } from '../lib/job-session';
import { createStore } from '../lib/store';
import { errorText, splitReasons } from './plan-words';

export interface RunState {
  /** Numbers the runs, so events and answers for an earlier run are dropped. */
  token: number;
  starting: boolean;
  job: JobInfo | null;
  /** Why the run did not start or failed: a heading and, for a pre-flight refusal, its reasons. */
  error: { head: string; reasons: string[] } | null;
  /** The run shown: the one just made, or one opened from the list. */
  summary: RunSummary | null;
  /** The month and folder last run, so the form shows them again when the screen remounts. */
  last: { month: string; outDir: string } | null;
}

export const runStore = createStore<RunState>(() => ({
  token: 0,
  starting: false,
  job: null,
  error: null,
  summary: null,
  last: null,
}));

const session = jobSession(() => runStore.reset());
const stop = () => session.stop();

/** Called as the Matrix stage renders; another API or database drops the run shown. */
export const claimRunSession = session.claim;

const current = (token: number) => runStore.get().token === token;
const oneLine = (head: string) => ({ head, reasons: [] });

async function readOutcome(token: number, jobId: string): Promise<void> {
  try {
    const summary = await call('plan:run-outcome', { job_id: jobId });
    if (!current(token)) return;
    if (summary) runStore.set({ summary });
    else runStore.set({ error: oneLine('The month ran, but what it made is no longer known: see the runs below.') });
  } catch (error) {
    if (current(token))
      runStore.set({ error: oneLine(`The month ran, but could not be read back: ${errorText(error)}`) });
  }
}

function onJob(token: number, job: JobInfo): void {
  const known = runStore.get().job;
  if (!current(token) || (known && known.state !== 'running')) return;
  runStore.set({
    job,
    error: job.state === 'failed' ? oneLine(job.error ?? 'The run stopped without saying why.') : null,
  });
  if (job.state === 'running') return;
  stop();
  if (job.state === 'done') void readOutcome(token, job.id);
}

export function isRunning(state: RunState): boolean {
  return state.starting || state.job?.state === 'running';
}

export async function startRun(month: string, outDir: string): Promise<void> {
  if (isRunning(runStore.get())) return;
  stop();
  const token = session.nextToken();
  runStore.set({ token, starting: true, job: null, error: null, summary: null, last: { month, outDir } });
  try {
    const job = await call('plan:run-month', { month, out_dir: outDir });
    if (!current(token)) return;
    runStore.set({ starting: false });
    session.follow(followJobProgress(job.id, (update) => onJob(token, update)));
    onJob(token, job);
  } catch (error) {
    if (current(token)) runStore.set({ starting: false, error: splitReasons(errorText(error)) });
  }
}

export async function cancelRun(): Promise<void> {
  const { job, token } = runStore.get();
  if (!job || job.state !== 'running') return;
  try {
    await call('jobs:cancel', { id: job.id });
  } catch (error) {
    if (current(token)) runStore.set({ error: oneLine(`The run could not be cancelled: ${errorText(error)}`) });
  }
}

/** Shows a run from the list (or the finalized version of the one shown). */
export function showRun(summary: RunSummary | null): void {
  if (!isRunning(runStore.get())) runStore.set({ summary, job: null, error: null });
}
