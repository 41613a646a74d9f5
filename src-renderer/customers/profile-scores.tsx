import type { CustomerScore } from '../../src-shared/scores';
import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { familyLabel } from '../scores/score-words';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import '../scores/scores.css';

/** Why a customer has no score: none trained yet, or they hold every family scored. */
function NoScores() {
  const models = useCall('scores:models', {});
  if (!models.data) return models.error ? <p className="muted">No scores for this customer.</p> : null;
  if (models.data.length === 0)
    return (
      <p className="muted" data-testid="profile-scores-empty">
        No scores yet — train them on the Audiences screen, under{' '}
        <a href={href({ screen: 'scores' })}>Next-product scores</a>.
      </p>
    );
  return (
    <p className="muted" data-testid="profile-scores-empty">
      Holds every product scored.
    </p>
  );
}

function ScoreRow({ score }: { score: CustomerScore }) {
  return (
    <tr data-testid="profile-score">
      <th scope="row" className="wrap">
        {familyLabel(score.family)}
      </th>
      <td>
        <span className="score-figure">
          <span className="score-bar" aria-hidden="true">
            <span style={{ width: `${score.score}%` }} />
          </span>
          <span data-testid="profile-score-value">{score.score}</span>
          <span className="muted"> of 100</span>
        </span>
      </td>
      <td className="wrap" data-testid="profile-score-reasons">
        {score.reasons.length > 0 ? score.reasons.map((r) => r.label).join(' · ') : '—'}
      </td>
    </tr>
  );
}

/** The customer's next-product scores, best first, each with its strongest reasons. */
export function ProfileScores({ customerId }: { customerId: number }) {
  const scores = useCall('scores:customer', { customer_id: customerId });
  let body;
  if (scores.error && !scores.data) {
    body = <ErrorPanel message={`The scores could not be loaded: ${scores.error}`} onRetry={scores.reload} />;
  } else if (!scores.data) {
    body = <Loading slow={scores.slow} text="Loading the scores…" />;
  } else if (scores.data.length === 0) {
    body = <NoScores />;
  } else {
    const best = [...scores.data].sort((a, b) => b.score - a.score);
    body = (
      <>
        <p className="muted small">
          How likely this customer is to open each product they do not have, ranked 1–100 among everyone without it (100
          = most likely), with what raises it most.
        </p>
        <div className="table-scroll">
          <table className="data-table profile-scores" aria-label="Next-product scores of this customer">
            <thead>
              <tr>
                <th scope="col">Product family</th>
                <th scope="col">Score</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {best.map((s) => (
                <ScoreRow key={s.family} score={s} />
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="profile-scores-heading">
      <h2 id="profile-scores-heading">Next-product scores{scores.data ? ` (${scores.data.length})` : ''}</h2>
      {body}
    </section>
  );
}
