import type { JobInfo } from '../../src-shared/domain';
import { call, getApi } from './api';

/**
 * Hands every progress event of one job to `onJob` until the returned function is called.
 * Events sent before we subscribed are gone (the browser's event stream connects late): the
 * job is asked for once, and the answer is kept if no event has come since or if the job has
 * ended. The job as it was when started is the caller's to show.
 */
export function followJobProgress(id: string, onJob: (job: JobInfo) => void): () => void {
  let heard = false;
  const off = getApi().on('job:progress', (update) => {
    if (update.id !== id) return;
    heard = true;
    onJob(update);
  });
  call('jobs:get', { id }).then(
    (latest) => {
      if (latest && (!heard || latest.state !== 'running')) onJob(latest);
    },
    () => undefined,
  );
  return off;
}

/** How far a job is, 0–100, for a progress bar. */
export function jobPercent(job: JobInfo | null): number {
  if (!job) return 0;
  if (job.state === 'done') return 100;
  return job.total > 0 ? Math.min(100, Math.floor((job.current / job.total) * 100)) : 0;
}
