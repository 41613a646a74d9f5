import { useEffect, useState } from 'react';
import type { JobInfo } from '../../src-shared/domain';
import { call } from '../lib/api';
import { formatInt } from '../lib/format';
import { followJobProgress } from '../lib/job-progress';

function percentOf(job: JobInfo): number {
  if (job.state === 'done') return 100;
  return job.total > 0 ? Math.min(100, Math.floor((job.current / job.total) * 100)) : 0;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function heading(job: JobInfo): string {
  switch (job.state) {
    case 'running':
      return 'Building the demo bank…';
    case 'done':
      return 'The demo bank is ready';
    case 'failed':
      return 'The demo bank could not be built';
    case 'cancelled':
      return 'The demo bank build was cancelled';
  }
}

/**
 * First launch: the demo bank is built before anything else can show. Progress comes from
 * job events; the App reloads itself when the job ends, so this screen only reports.
 */
export function BuildingScreen({ job: initial, onReload }: { job: JobInfo; onReload: () => void }) {
  const [job, setJob] = useState(initial);
  const [cancelling, setCancelling] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => followJobProgress(initial.id, setJob), [initial.id]);

  // Usually the App hears the end itself; this covers an end that only jobs:get reported.
  useEffect(() => {
    if (job.state === 'done') onReload();
  }, [job.state, onReload]);

  const pct = percentOf(job);
  const cancel = () => {
    setCancelling(true);
    call('jobs:cancel', { id: job.id }).catch((e: unknown) => {
      setCancelling(false);
      setActionError(message(e));
    });
  };
  const restart = () => {
    setActionError(null);
    call('demo:rebuild', {}).then(onReload, (e: unknown) => setActionError(message(e)));
  };

  return (
    <main className="building">
      <h1>{heading(job)}</h1>
      <p className="muted">
        Mainstreet generates a community bank’s core exports and imports them with the real importer, so every screen
        has data to show. It takes about a minute, and nothing leaves this computer.
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Demo bank build"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${job.step}: ${pct}%`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="progress-label" data-testid="build-step">
        {job.step}
      </p>
      <p className="progress-label" data-testid="build-count">
        {job.total > 1 ? `${formatInt(job.current)} of ${formatInt(job.total)} · ` : ''}
        {pct}%
      </p>
      {job.state === 'running' ? (
        <button type="button" onClick={cancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : null}
      {job.state === 'done' ? <p role="status">Opening the demo bank…</p> : null}
      {job.state === 'failed' ? (
        <div role="alert" className="error-panel">
          <p>{job.error ?? 'The build stopped without saying why.'}</p>
          <p>
            Build it again. If it fails the same way, make sure the disk that holds Mainstreet’s data folder has free
            space, or open one of your own databases from the File menu.
          </p>
        </div>
      ) : null}
      {job.state === 'cancelled' ? (
        <p role="status">Nothing was changed. Build it again, or open one of your own databases from the File menu.</p>
      ) : null}
      {job.state === 'failed' || job.state === 'cancelled' ? (
        <button type="button" onClick={restart}>
          Build the demo bank again
        </button>
      ) : null}
      {actionError ? (
        <p role="alert" className="error-panel">
          {actionError}
        </p>
      ) : null}
    </main>
  );
}
