import type { AudienceVersion } from '../../src-shared/audience';
import { formatDay, STATUS_WORDS } from './version-words';

/** Every version, newest first, with who moved it along and when. */
export function VersionHistory({ versions }: { versions: AudienceVersion[] }) {
  return (
    <section className="panel" aria-labelledby="audience-history-heading">
      <h2 id="audience-history-heading">Version history</h2>
      <div className="table-scroll">
        <table className="data-table compact" aria-label="Version history">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Submitted</th>
              <th scope="col">Approved</th>
              <th scope="col">Comment</th>
              <th scope="col">Fair-lending warnings</th>
              <th scope="col">Retired</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} data-testid="audience-version-row">
                <td>{v.version}</td>
                <td>
                  <span className={`status status-${v.status}`}>{STATUS_WORDS[v.status]}</span>
                </td>
                <td>
                  {formatDay(v.created_at)} <span className="muted">{v.created_by}</span>
                </td>
                <td>{v.submitted_at ? `${formatDay(v.submitted_at)} ${v.submitted_by ?? ''}` : '—'}</td>
                <td>{v.approved_by ? `${formatDay(v.approved_at)} ${v.approved_by}` : '—'}</td>
                <td className="wrap">{v.approval_comment || '—'}</td>
                <td className="wrap">
                  {v.fair_lending.length === 0
                    ? '—'
                    : `${v.fair_lending.map((w) => w.field).join(', ')}${v.fair_lending_ack_by ? ` (acknowledged by ${v.fair_lending_ack_by})` : ''}`}
                </td>
                <td>{v.retired_at ? `${formatDay(v.retired_at)} ${v.retired_by ?? ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
