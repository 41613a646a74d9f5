import { useState } from 'react';
import type { JobInfo } from '../../src-shared/domain';
import type { KliRunInfo } from '../../src-shared/kli';
import { formatCount, formatDateTime, formatInt } from '../lib/format';
import { jobPercent } from '../lib/job-progress';
import { useStore } from '../lib/store';
import { cancelCompute, computeStore, dismissCompute, isComputing, startCompute } from './compute';

const LOOKBACKS = [3, 6, 9, 12, 18, 24, 36];

/** The last compute in one line: when, over what, how long. */
export function RunFacts({ run }: { run: KliRunInfo | null }) {
  if (!run) return <p data-testid="kli-run">Not computed yet: press Recompute to read the transactions.</p>;
  const seconds = run.seconds < 10 ? run.seconds.toFixed(1) : formatInt(Math.round(run.seconds));
  return (
    <p data-testid="kli-run">
      Last computed {formatDateTime(run.computed_at)} over the {run.lookback_months} months to {run.as_of} ·{' '}
      {run.incremental ? 'incremental' : 'full'}, {formatCount(run.transactions_read, 'transaction')} read in {seconds}{' '}
      s · {formatInt(run.coverage)} of {formatCount(run.customers, 'customer')} have enough history to judge
    </p>
  );
}

function Progress({ job, cancelling }: { job: JobInfo | null; cancelling: boolean }) {
  const pct = jobPercent(job);
  const rows = job?.rows;
  return (
    <div className="kli-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label="KLI compute"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%${rows !== undefined ? `, ${formatInt(rows)} transactions read` : ''}`}
        data-testid="kli-progress"
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="progress-label">
        {job?.step ?? 'Starting'} · {pct}%{rows !== undefined ? ` · ${formatCount(rows, 'transaction')} read` : ''}
      </p>
      <button type="button" className="secondary" onClick={() => void cancelCompute()} disabled={cancelling || !job}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}

function Ended({ job, error, stale }: { job: JobInfo | null; error: string | null; stale: boolean }) {
  if (error) {
    return (
      <div className="error-panel" role="alert">
        <p>{error}</p>
        <button type="button" className="secondary" onClick={dismissCompute}>
          Dismiss
        </button>
      </div>
    );
  }
  // Once rules or data changed again, "recomputed" would contradict the banner above.
  if (job?.state === 'done' && !stale)
    return (
      <p role="status" className="success">
        KLIs recomputed.
      </p>
    );
  if (job?.state === 'cancelled')
    return (
      <p role="status" className="muted">
        Cancelled. The figures of the last compute are kept.
      </p>
    );
  return null;
}

/** When the library was last computed, and Recompute with its progress bar and Cancel. */
export function RecomputePanel({ run, stale }: { run: KliRunInfo | null; stale: boolean }) {
  const state = useStore(computeStore);
  const busy = isComputing(state);
  const [lookback, setLookback] = useState(run?.lookback_months ?? 12);
  const [full, setFull] = useState(false);
  const recompute = () => {
    void startCompute({
      full,
      ...(lookback !== (run?.lookback_months ?? 12) || run === null ? { lookback_months: lookback } : {}),
    });
  };
  return (
    <section className="panel kli-run" aria-labelledby="kli-run-heading">
      <h2 id="kli-run-heading">Compute</h2>
      <RunFacts run={run} />
      <div className="actions">
        <div className="field inline">
          <label htmlFor="kli-lookback">
            <span>Lookback</span>
          </label>
          <select
            id="kli-lookback"
            value={lookback}
            onChange={(e) => setLookback(Number(e.target.value))}
            disabled={busy}
          >
            {LOOKBACKS.map((months) => (
              <option key={months} value={months}>
                {months} months
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} disabled={busy} />
          Everything again (not only what changed)
        </label>
        <button type="button" onClick={recompute} disabled={busy}>
          {busy ? 'Recomputing…' : 'Recompute'}
        </button>
      </div>
      {busy ? (
        <Progress job={state.job} cancelling={state.cancelling} />
      ) : (
        <Ended job={state.job} error={state.error} stale={stale} />
      )}
    </section>
  );
}
