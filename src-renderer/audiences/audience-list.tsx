import type { AudienceSummary } from '../../src-shared/audience';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { openAudience, openNew } from './audience-store';
import { approvalWords, formatDay, STATUS_WORDS } from './version-words';

function Row({ audience }: { audience: AudienceSummary }) {
  const newest = audience.versions[0];
  const approved = audience.versions.find((v) => v.status === 'approved');
  return (
    <tr data-testid="audience-row">
      <th scope="row" className="wrap">
        <button type="button" className="link-button cell-link" onClick={() => void openAudience(audience.id)}>
          {audience.name}
        </button>
      </th>
      <td>{newest ? `Version ${newest.version}` : '—'}</td>
      <td>{newest ? <span className={`status status-${newest.status}`}>{STATUS_WORDS[newest.status]}</span> : '—'}</td>
      <td className="wrap">
        {approved ? approvalWords(approved) : '—'}
        {approved && newest && approved.id !== newest.id ? ` (version ${approved.version})` : ''}
      </td>
      <td>{newest?.product_code ?? '—'}</td>
      <td>
        {formatDay(audience.created_at)} <span className="muted">{audience.created_by}</span>
      </td>
    </tr>
  );
}

/** Every saved audience with its newest version's status, and "New audience". */
export function AudienceList() {
  const list = useCall('audience:list', {});
  return (
    <section className="panel" aria-labelledby="audience-list-heading">
      <div className="panel-head">
        <h2 id="audience-list-heading">Saved audiences</h2>
        <button type="button" onClick={openNew}>
          New audience
        </button>
      </div>
      {list.error && !list.data ? (
        <ErrorPanel message={`The audiences could not be loaded: ${list.error}`} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading slow={list.slow} text="Loading the audiences…" />
      ) : list.data.length === 0 ? (
        <p className="muted">No audiences yet. “New audience” builds one from the bank’s fields, with live counts.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Saved audiences">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Newest version</th>
                <th scope="col">Status</th>
                <th scope="col">Approved</th>
                <th scope="col">Product offered</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <Row key={a.id} audience={a} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
