import { useEffect, useState } from 'react';
import type { JobInfo } from '../../src-shared/domain';
import { call, getApi } from '../lib/api';

/** First launch: the demo bank is built before anything else can show. */
export function BuildingScreen({ job: initial, onRestart }: { job: JobInfo; onRestart: () => void }) {
  const [job, setJob] = useState(initial);
  const [cancelError, setCancelError] = useState<string | null>(null);

  useEffect(() => getApi().on('job:progress', (update) => update.id === initial.id && setJob(update)), [initial.id]);

  const pct = job.total > 0 ? Math.floor((job.current / job.total) * 100) : 0;
  const cancel = () => {
    call('jobs:cancel', { id: job.id }).catch((e: unknown) =>
      setCancelError(e instanceof Error ? e.message : String(e)),
    );
  };

  const restart = () => {
    call('demo:rebuild', {}).then(onRestart, (e: unknown) =>
      setCancelError(e instanceof Error ? e.message : String(e)),
    );
  };

  return (
    <div className="building">
      <h1>Building the demo bank…</h1>
      <p className="muted">
        Mainstreet is generating a community bank's core exports and importing them, so every screen has data to show.
        This takes under a minute.
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
      <p className="progress-label">
        {job.step} · {pct}%
      </p>
      {job.state === 'failed' ? (
        <div role="alert" className="error-panel">
          <p>The demo bank could not be built: {job.error}</p>
          <p>Try again, or open one of your own databases from the File menu.</p>
        </div>
      ) : null}
      {job.state === 'cancelled' ? (
        <p role="status">Cancelled. Build it again, or open one of your own databases from the File menu.</p>
      ) : null}
      {job.state === 'failed' || job.state === 'cancelled' ? (
        <button type="button" onClick={restart}>
          Build the demo bank again
        </button>
      ) : null}
      {job.state === 'running' ? (
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      ) : null}
      {cancelError ? <p role="alert">{cancelError}</p> : null}
    </div>
  );
}
