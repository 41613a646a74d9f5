import { useState } from 'react';
import type { ResponseRow } from '../../src-shared/measure';
import { call } from '../lib/api';
import { formatCount } from '../lib/format';
import { href } from '../lib/router';
import type { CallState } from '../lib/use-call';
import { errorText } from '../matrix/plan-words';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { RULE_LABEL, scoreWords, STATUS_LABEL } from './campaign-words';

type Decision = 'confirmed' | 'rejected';

const who = (row: ResponseRow) => row.name ?? row.customer_number ?? `response ${row.id}`;

function ReviewRow({
  row,
  busy,
  onDecide,
}: {
  row: ResponseRow;
  busy: boolean;
  onDecide: (row: ResponseRow, decision: Decision) => void;
}) {
  // The buttons stay where they are once a decision is made (pressed), never disabled, so the
  // focus stays on them and a change of mind is one more press.
  const decide = (decision: Decision) => {
    if (!busy && row.match_status !== decision) onDecide(row, decision);
  };
  return (
    <tr
      data-testid="review-row"
      className={row.match_status === 'doubtful' ? undefined : `decided ${row.match_status}`}
    >
      <td className="wrap" data-testid="review-response">
        <span className="who">{row.name ?? '—'}</span>
        <span className="muted small">
          {[row.address, row.zip].filter(Boolean).join(', ') || 'no address'}
          {row.customer_number ? ` · ${row.customer_number}` : ''}
        </span>
      </td>
      <td className="wrap" data-testid="review-matched">
        {row.customer_id === null ? (
          '—'
        ) : (
          <>
            <a className="who" href={href({ screen: 'customer', id: row.customer_id })}>
              {row.matched_name || `Customer ${row.customer_id}`}
            </a>
            <span className="muted small">{row.matched_address ?? ''}</span>
          </>
        )}
      </td>
      <td>{row.product_code ?? '—'}</td>
      <td>{row.response_date}</td>
      <td className="num">
        {scoreWords(row.match_score)}
        {row.match_rule ? <span className="muted small"> {RULE_LABEL[row.match_rule].toLowerCase()}</span> : null}
      </td>
      <td className="wrap">{row.note ?? ''}</td>
      <td data-testid="review-status">{STATUS_LABEL[row.match_status]}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="small-button"
            aria-label={`Confirm ${who(row)}`}
            aria-pressed={row.match_status === 'confirmed'}
            aria-disabled={busy}
            onClick={() => decide('confirmed')}
          >
            Confirm
          </button>
          <button
            type="button"
            className="secondary small-button"
            aria-label={`Reject ${who(row)}`}
            aria-pressed={row.match_status === 'rejected'}
            aria-disabled={busy}
            onClick={() => decide('rejected')}
          >
            Reject
          </button>
        </div>
      </td>
    </tr>
  );
}

/**
 * Matches by name and address scored between 75% and 90%: the user says whether the new
 * customer is the person mailed. A decided row stays, with its new status, until the list is
 * read again.
 */
export function ReviewPanel({ doubtful, onDecided }: { doubtful: CallState<ResponseRow[]>; onDecided: () => void }) {
  const [decided, setDecided] = useState<Map<number, ResponseRow>>(new Map());
  const [busyId, setBusyId] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (row: ResponseRow, decision: Decision) => {
    setBusyId(row.id);
    setError(null);
    try {
      const updated = await call('responses:decide', { id: row.id, decision });
      setDecided((map) => new Map(map).set(updated.id, updated));
      setSaid(`${who(row)}: ${STATUS_LABEL[updated.match_status].toLowerCase()}.`);
      onDecided();
    } catch (e) {
      setError(`The match of ${who(row)} could not be ${decision}: ${errorText(e)}`);
    } finally {
      setBusyId(null);
    }
  };
  const body = () => {
    if (doubtful.error && !doubtful.data)
      return (
        <ErrorPanel
          message={`The matches to review could not be loaded: ${doubtful.error}`}
          onRetry={doubtful.reload}
        />
      );
    if (!doubtful.data) return <Loading slow={doubtful.slow} text="Loading the matches to review…" />;
    const rows = doubtful.data.map((r) => decided.get(r.id) ?? r);
    if (rows.length === 0) return <p className="empty">Nothing waits for review.</p>;
    const waiting = rows.filter((r) => r.match_status === 'doubtful').length;
    return (
      <>
        <p className="muted">
          {waiting > 0 ? `${formatCount(waiting, 'match', 'matches')} waiting.` : 'All reviewed.'} A confirmed match
          counts as a response of the household; a rejected one never does.
        </p>
        <div className="table-scroll">
          <table className="data-table review-table" aria-label="Matches to review">
            <thead>
              <tr>
                <th scope="col">The response</th>
                <th scope="col">Matched to</th>
                <th scope="col">Product</th>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Note</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Decision</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <ReviewRow key={row.id} row={row} busy={busyId === row.id} onDecide={(r, d) => void decide(r, d)} />
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  };
  return (
    <section className="panel" aria-labelledby="review-title">
      <h2 id="review-title">Review doubtful matches</h2>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {body()}
    </section>
  );
}
