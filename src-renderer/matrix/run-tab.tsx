import { useState, type FormEvent } from 'react';
import type { PlanView, RunSummary } from '../../src-shared/plan';
import { jobPercent } from '../lib/job-progress';
import { useStore } from '../lib/store';
import { useCall, type CallState } from '../lib/use-call';
import { count, defaultOutDir, longMonthLabel, monthLabel } from './plan-words';
import { PersonalDataWarning } from '../shell/personal-data-warning';
import { RunResult } from './run-result';
import { cancelRun, isRunning, runStore, showRun, startRun } from './run-store';

function Progress() {
  const { job } = useStore(runStore);
  const pct = jobPercent(job);
  return (
    <div className="kli-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label="Running the month"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%, ${job?.step ?? 'starting'}`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="progress-label">
        {job?.step ?? 'Starting'} · {pct}%
      </p>
      <button type="button" className="secondary" onClick={() => void cancelRun()} disabled={!job}>
        Cancel
      </button>
    </div>
  );
}

function RunError() {
  const { error } = useStore(runStore);
  if (!error) return null;
  return (
    <div className="blocked" role="alert" data-testid="run-error">
      <p>{error.head}</p>
      {error.reasons.length > 0 ? (
        <ul>
          {error.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The month and the folder the letters and files go to; the folder follows the month until edited. */
function RunForm({ months, dataDir }: { months: string[]; dataDir: string }) {
  const state = useStore(runStore);
  const busy = isRunning(state);
  const last = state.last && months.includes(state.last.month) ? state.last : null;
  const [month, setMonth] = useState(last?.month ?? months[0] ?? '');
  const [outDir, setOutDir] = useState<string | null>(last?.outDir ?? null);
  const folder = outDir ?? defaultOutDir(dataDir, month);
  // Once a run: the files leave the app with names and addresses, so the person is told first.
  const [warning, setWarning] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (month && folder.trim()) setWarning(true);
  };
  return (
    <form className="run-form" aria-label="Run a month" onSubmit={submit}>
      {warning && (
        <PersonalDataWarning
          what={`The files of ${longMonthLabel(month)}`}
          destination={folder.trim()}
          holds="customers’ names, mailing addresses, email addresses and customer numbers (letters, mail vendor file, email and banner files, branch leads)"
          onCancel={() => setWarning(false)}
          onGo={() => {
            setWarning(false);
            void startRun(month, folder.trim());
          }}
        />
      )}
      <label className="field">
        <span>Month to run</span>
        <select value={month} onChange={(e) => setMonth(e.target.value)} disabled={busy}>
          {months.map((m) => (
            <option key={m} value={m}>
              {longMonthLabel(m)}
            </option>
          ))}
        </select>
      </label>
      <div className="out-dir">
        <label className="field">
          <span>Output folder</span>
          <input
            type="text"
            value={folder}
            aria-describedby="run-out-dir-hint"
            onChange={(e) => setOutDir(e.target.value)}
            disabled={busy}
          />
        </label>
        <p className="muted" id="run-out-dir-hint">
          A folder on this computer; it is made if missing. Files of the same month there are replaced.
        </p>
      </div>
      <button type="submit" disabled={busy || !month || !folder.trim()}>
        {busy ? 'Running…' : 'Run'}
      </button>
    </form>
  );
}

function RunsList({ runs, shown }: { runs: CallState<RunSummary[]>; shown: number | null }) {
  if (runs.error) return <p className="field-error">The runs could not be loaded: {runs.error}</p>;
  if (!runs.data) return null;
  if (runs.data.length === 0) return <p className="empty">No month has been run yet.</p>;
  return (
    <table className="data-table compact" aria-label="Runs">
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Month</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Mailed
          </th>
          <th scope="col" className="num">
            Control
          </th>
          <th scope="col">
            <span className="visually-hidden">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.data.map((run) => (
          <tr key={run.run_id} aria-current={run.run_id === shown ? 'true' : undefined}>
            <td>{run.run_id}</td>
            <td>{monthLabel(run.month)}</td>
            <td>{run.status === 'final' ? 'Final' : 'For review'}</td>
            <td className="num">{count(run.cells.reduce((s, c) => s + c.mailed, 0))}</td>
            <td className="num">{count(run.cells.reduce((s, c) => s + c.control, 0))}</td>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={`Open run ${run.run_id}`}
                onClick={() => showRun(run)}
              >
                Open
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Run a month tab: the form, the job's progress, what it made, and the runs so far. */
export function RunTab({ view, dataDir }: { view: PlanView; dataDir: string }) {
  const state = useStore(runStore);
  const runs = useCall('plan:runs', {});
  return (
    <>
      <section className="panel" aria-labelledby="run-form-title">
        <h2 id="run-form-title">Run a month</h2>
        <p className="muted">
          Draws the month&rsquo;s mailing in priority order, holds out the control group, gives each piece a keycode,
          and writes the letters (PDF), the mail file and the email, banner and branch lists. The run waits for review
          until it is finalized.
        </p>
        {view.months.length === 0 ? (
          <p className="empty">The plan has no months yet: set its first month on the Plan tab.</p>
        ) : (
          <RunForm months={view.months} dataDir={dataDir} />
        )}
        {isRunning(state) ? <Progress /> : null}
        {state.job?.state === 'cancelled' ? (
          <p className="muted" role="status">
            Cancelled. Nothing was kept.
          </p>
        ) : null}
        <RunError />
      </section>
      {state.summary ? <RunResult run={state.summary} offers={view.offers} onFinalized={runs.reload} /> : null}
      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Runs</h2>
        <RunsList runs={runs} shown={state.summary?.run_id ?? null} />
      </section>
    </>
  );
}
