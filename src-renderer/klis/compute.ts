/**
 * Recomputing the library: start the job, follow its progress events, cancel it. The job is
 * kept in a store because the workspace remounts the screen when the job ends (the figures
 * changed), and the user may look at other screens meanwhile.
 */
import type { ApiInput } from '../../src-shared/api';
import type { JobInfo } from '../../src-shared/domain';
import { call } from '../lib/api';
import { followJobProgress } from '../lib/job-progress';
import { createStore } from '../lib/store';
import { errorText, onKliSessionReset } from './session';

export interface ComputeState {
  /** Numbers the runs, so events and answers for an earlier run are dropped. */
  token: number;
  starting: boolean;
  job: JobInfo | null;
  cancelling: boolean;
  error: string | null;
}

export const computeStore = createStore<ComputeState>(() => ({
  token: 0,
  starting: false,
  job: null,
  cancelling: false,
  error: null,
}));

let lastToken = 0;
let stopFollowing: (() => void) | null = null;

function stop(): void {
  stopFollowing?.();
  stopFollowing = null;
}

onKliSessionReset(() => {
  stop();
  computeStore.reset();
});

const current = (token: number) => computeStore.get().token === token;

function onJob(token: number, job: JobInfo): void {
  const known = computeStore.get().job;
  // Once the job has ended, late or repeated events change nothing.
  if (!current(token) || (known && known.state !== 'running')) return;
  computeStore.set({
    job,
    error: job.state === 'failed' ? (job.error ?? 'The compute stopped without saying why.') : null,
  });
  if (job.state !== 'running') stop();
}

function follow(token: number, job: JobInfo): void {
  stopFollowing = followJobProgress(job.id, (update) => onJob(token, update));
  onJob(token, job);
}

export function isComputing(state: ComputeState): boolean {
  return state.starting || state.job?.state === 'running';
}

export async function startCompute(input: ApiInput<'kli:compute'>): Promise<void> {
  if (isComputing(computeStore.get())) return;
  stop();
  const token = ++lastToken;
  computeStore.set({ token, starting: true, job: null, cancelling: false, error: null });
  try {
    const job = await call('kli:compute', input);
    if (!current(token)) return;
    computeStore.set({ starting: false });
    follow(token, job);
  } catch (error) {
    if (current(token))
      computeStore.set({ starting: false, error: `The compute could not start: ${errorText(error)}` });
  }
}

export async function cancelCompute(): Promise<void> {
  const { job, token } = computeStore.get();
  if (!job || job.state !== 'running') return;
  computeStore.set({ cancelling: true });
  try {
    await call('jobs:cancel', { id: job.id });
  } catch (error) {
    if (current(token))
      computeStore.set({ cancelling: false, error: `The compute could not be cancelled: ${errorText(error)}` });
  }
}

/** Forget an ended run (its message has been read). */
export function dismissCompute(): void {
  if (!isComputing(computeStore.get())) computeStore.set({ job: null, error: null, cancelling: false });
}
