import type { JobInfo } from '../../src-shared/domain';
import { formatDuration, formatInt } from '../lib/format';
import { cancelImport } from './run-actions';
import type { RunState } from './session';

function percentOf(job: JobInfo | null): number {
  if (!job) return 0;
  if (job.state === 'done') return 100;
  return job.total > 0 ? Math.min(100, Math.floor((job.current / job.total) * 100)) : 0;
}

/** A running import: how far through the files' bytes, rows read, time left, and Cancel. */
export function ImportProgress({ run }: { run: RunState }) {
  const { job } = run;
  const pct = percentOf(job);
  const rows = job?.rows ?? 0;
  const running = job === null || job.state === 'running';
  const facts = [
    `${formatInt(rows)} rows read`,
    `${pct}%`,
    ...(running && run.secondsLeft !== null ? [`about ${formatDuration(run.secondsLeft)} left`] : []),
  ];
  return (
    <section className="panel step" aria-labelledby="import-progress-heading">
      <h2 id="import-progress-heading">{running ? 'Importing…' : 'Checking the result…'}</h2>
      <div
        className="progress"
        role="progressbar"
        aria-label="Import"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%, ${formatInt(rows)} rows read`}
        data-testid="import-progress"
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="progress-label">{job?.step ?? 'Starting the import'}</p>
      <p className="progress-label" data-testid="import-progress-facts">
        {facts.join(' · ')}
      </p>
      {running ? (
        <button type="button" onClick={() => void cancelImport()} disabled={run.cancelling || job === null}>
          {run.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : null}
      <p className="muted small">
        The import is one transaction: until it ends nothing is written, and cancelling leaves the database as it was.
      </p>
    </section>
  );
}
