/**
 * Training the next-product scores: start the job, follow its progress events, cancel it, and
 * say what it learned once it ends. Kept in a store because the workspace remounts the screen
 * when the job ends (the scores changed) and the user may look at other screens meanwhile. The
 * state belongs to one API and database: another starts afresh.
 */
import type { JobInfo } from '../../src-shared/domain';
import type { ScoreTrainResult } from '../../src-shared/scores';
import { call } from '../lib/api';
import { followJobProgress } from '../lib/job-progress';
import { jobSession } from '../lib/job-session';
import { createStore } from '../lib/store';

export interface TrainState {
  /** Numbers the runs, so events and answers for an earlier run are dropped. */
  token: number;
  starting: boolean;
  job: JobInfo | null;
  cancelling: boolean;
  error: string | null;
  /** What the ended run learned and left out. */
  result: ScoreTrainResult | null;
}

export const trainStore = createStore<TrainState>(() => ({
  token: 0,
  starting: false,
  job: null,
  cancelling: false,
  error: null,
  result: null,
}));

const session = jobSession(() => trainStore.reset());
const stop = () => session.stop();

/** Called as the scores screen renders; another API or database drops the run shown. */
export const claimScoresSession = session.claim;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const current = (token: number) => trainStore.get().token === token;

async function readResult(token: number, jobId: string): Promise<void> {
  try {
    const result = await call('scores:outcome', { job_id: jobId });
    if (!current(token)) return;
    if (result) trainStore.set({ result });
    else
      trainStore.set({ error: 'The scores were trained, but what the run found is no longer known: see the table.' });
  } catch (error) {
    if (current(token))
      trainStore.set({ error: `The scores were trained, but could not be read back: ${errorText(error)}` });
  }
}

function onJob(token: number, job: JobInfo): void {
  const known = trainStore.get().job;
  // Once the job has ended, late or repeated events change nothing.
  if (!current(token) || (known && known.state !== 'running')) return;
  trainStore.set({
    job,
    error: job.state === 'failed' ? (job.error ?? 'The training stopped without saying why.') : null,
  });
  if (job.state === 'running') return;
  stop();
  if (job.state === 'done') void readResult(token, job.id);
}

export function isTraining(state: TrainState): boolean {
  return state.starting || state.job?.state === 'running';
}

export async function startTraining(): Promise<void> {
  if (isTraining(trainStore.get())) return;
  stop();
  const token = session.nextToken();
  trainStore.set({ token, starting: true, job: null, cancelling: false, error: null, result: null });
  try {
    const job = await call('scores:train', {});
    if (!current(token)) return;
    trainStore.set({ starting: false });
    session.follow(followJobProgress(job.id, (update) => onJob(token, update)));
    onJob(token, job);
  } catch (error) {
    if (current(token)) trainStore.set({ starting: false, error: `The training could not start: ${errorText(error)}` });
  }
}

export async function cancelTraining(): Promise<void> {
  const { job, token } = trainStore.get();
  if (!job || job.state !== 'running') return;
  trainStore.set({ cancelling: true });
  try {
    await call('jobs:cancel', { id: job.id });
  } catch (error) {
    if (current(token))
      trainStore.set({ cancelling: false, error: `The training could not be cancelled: ${errorText(error)}` });
  }
}

/** Forget an ended run (its summary has been read). */
export function dismissTraining(): void {
  if (!isTraining(trainStore.get())) trainStore.set({ job: null, error: null, cancelling: false, result: null });
}
