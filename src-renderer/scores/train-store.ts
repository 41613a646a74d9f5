/**
 * Training the next-product scores: start the job, follow its progress events, cancel it, and
 * say what it learned once it ends. Kept in a store because the workspace remounts the screen
 * when the job ends (the scores changed) and the user may look at other screens meanwhile. The
 * state belongs to one API and database: another starts afresh.
 */
import type { Api } from '../../src-shared/api';
import { PRODUCT_FAMILIES, type JobInfo } from '../../src-shared/domain';
import type { ScoreModel, ScoreTrainResult } from '../../src-shared/scores';
import { call } from '../lib/api';
import { followJobProgress } from '../lib/job-progress';
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

let owner: { api: Api; dbPath: string } | null = null;
let lastToken = 0;
let stopFollowing: (() => void) | null = null;

function stop(): void {
  stopFollowing?.();
  stopFollowing = null;
}

/** Called as the scores screen renders; another API or database drops the run shown. */
export function claimScoresSession(api: Api, dbPath: string): void {
  if (owner?.api === api && owner.dbPath === dbPath) return;
  owner = { api, dbPath };
  stop();
  trainStore.reset();
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const current = (token: number) => trainStore.get().token === token;

/**
 * The run's summary, read back from the models it saved. The job's own value (with each
 * skipped family's counts) does not cross the API, but a run over every family replaces
 * every model: a family without one was skipped for too few openings.
 */
export function resultFromModels(models: ScoreModel[]): ScoreTrainResult {
  const first = models[0];
  const window = first ? ` between ${first.window_start} and ${first.as_of}` : '';
  const trained = new Set(models.map((m) => m.family));
  const notes: string[] = [];
  if (models.length > 0 && !models.some((m) => m.features.some((f) => f.key.startsWith('kli:'))))
    notes.push('No KLI was among what the scores learned from: compute the KLIs first, then train again.');
  return {
    as_of: first?.as_of ?? '',
    window_start: first?.window_start ?? '',
    models,
    skipped: PRODUCT_FAMILIES.filter((f) => !trained.has(f)).map((family) => ({
      family,
      reason: `Too few customers opened one${window} to learn from: at least 20 openers, and 20 who did not open, are needed.`,
    })),
    notes,
  };
}

async function readResult(token: number): Promise<void> {
  try {
    const models = await call('scores:models', {});
    if (current(token)) trainStore.set({ result: resultFromModels(models) });
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
  if (job.state === 'done') void readResult(token);
}

export function isTraining(state: TrainState): boolean {
  return state.starting || state.job?.state === 'running';
}

export async function startTraining(): Promise<void> {
  if (isTraining(trainStore.get())) return;
  stop();
  const token = ++lastToken;
  trainStore.set({ token, starting: true, job: null, cancelling: false, error: null, result: null });
  try {
    const job = await call('scores:train', {});
    if (!current(token)) return;
    trainStore.set({ starting: false });
    stopFollowing = followJobProgress(job.id, (update) => onJob(token, update));
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
