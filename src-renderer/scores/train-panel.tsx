import type { JobInfo, ProductFamily } from '../../src-shared/domain';
import type { ScoreSkipped, ScoreTrainResult } from '../../src-shared/scores';
import { formatCount } from '../lib/format';
import { jobPercent } from '../lib/job-progress';
import { useStore } from '../lib/store';
import { familyLabel } from './score-words';
import { cancelTraining, dismissTraining, isTraining, startTraining, trainStore } from './train-store';

function Progress({ job, cancelling }: { job: JobInfo | null; cancelling: boolean }) {
  const pct = jobPercent(job);
  return (
    <div className="kli-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label="Training the scores"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%, ${job?.step ?? 'starting'}`}
        data-testid="scores-progress"
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="progress-label">
        {job?.step ?? 'Starting'} · {pct}%
      </p>
      <button type="button" className="secondary" onClick={() => void cancelTraining()} disabled={cancelling || !job}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}

/** Families left out for the same reason are named together, so a reason is read once. */
function byReason(skipped: ScoreSkipped[]): { reason: string; families: ProductFamily[] }[] {
  const groups = new Map<string, ProductFamily[]>();
  for (const s of skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.family]);
  return [...groups].map(([reason, families]) => ({ reason, families }));
}

/** What the run learned: the families scored, those left out and why, and anything to know. */
function Summary({ result }: { result: ScoreTrainResult }) {
  const trained = result.models.map((m) => familyLabel(m.family)).join(', ');
  return (
    <div className="scores-summary" role="status" data-testid="scores-summary">
      <p className="success">
        {result.models.length > 0
          ? `Scores trained for ${formatCount(result.models.length, 'product family', 'product families')}: ${trained}.`
          : 'No product family had enough openings to learn from.'}
      </p>
      {result.skipped.length > 0 ? (
        <>
          <p className="scores-summary-head">Not scored:</p>
          <ul className="scores-skipped" aria-label="Families not scored">
            {byReason(result.skipped).map(({ reason, families }) => (
              <li key={reason} data-testid="scores-skipped">
                <strong>{families.map(familyLabel).join(', ')}</strong> — {reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.notes.map((note) => (
        <p key={note} className="warning" data-testid="scores-note">
          {note}
        </p>
      ))}
      <button type="button" className="link-button" onClick={dismissTraining}>
        Dismiss
      </button>
    </div>
  );
}

function Ended() {
  const { job, error, result } = useStore(trainStore);
  if (error) {
    return (
      <div className="error-panel" role="alert">
        <p>{error}</p>
        <button type="button" className="secondary" onClick={dismissTraining}>
          Dismiss
        </button>
      </div>
    );
  }
  if (job?.state === 'cancelled')
    return (
      <p role="status" className="muted">
        Cancelled. The scores of the last training are kept.
      </p>
    );
  return result ? <Summary result={result} /> : null;
}

/** "Train scores" (or "Train again"), its progress bar with Cancel, and what the run learned. */
export function TrainPanel({ trained }: { trained: boolean }) {
  const state = useStore(trainStore);
  const busy = isTraining(state);
  const label = trained ? 'Train again' : 'Train scores';
  return (
    <div className="scores-train">
      <button type="button" onClick={() => void startTraining()} disabled={busy}>
        {busy ? 'Training…' : label}
      </button>
      {busy ? <Progress job={state.job} cancelling={state.cancelling} /> : <Ended />}
    </div>
  );
}
