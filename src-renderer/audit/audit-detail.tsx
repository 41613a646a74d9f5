import { useId, useState } from 'react';
import type { AuditRow } from '../../src-shared/audit-log';
import { actionWords, localDay, localTime, recordWords } from './audit-words';
import { parseDetail, readDetail, type DetailField, type FieldChange } from './detail-fields';

const NOT_SET = <span className="muted">(not set)</span>;

/** An edit's fields before and after: the ones that changed, or with "Show all fields" every one. */
function Changes({ changes }: { changes: FieldChange[] }) {
  const [showAll, setShowAll] = useState(false);
  const toggleId = useId();
  const changed = changes.filter((c) => c.changed);
  const shown = showAll ? changes : changed;
  return (
    <>
      <div className="audit-changes-head">
        <h3>Before and after</h3>
        <span className="muted small" data-testid="audit-change-count">
          {changed.length} of {changes.length} {changes.length === 1 ? 'field' : 'fields'} changed
        </span>
        {changed.length < changes.length ? (
          <label className="field inline push-right" htmlFor={toggleId}>
            <input id={toggleId} type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            Show all fields
          </label>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <p className="muted">No field changed: before and after hold the same values.</p>
      ) : (
        <table className="data-table compact audit-fields" aria-label="Before and after">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.path} className={c.changed ? 'changed' : 'unchanged'} data-testid="audit-change">
                <th scope="row">{c.path || 'Value'}</th>
                <td className="before">{c.before ?? NOT_SET}</td>
                <td className="after">{c.after ?? NOT_SET}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Fields({ title, fields }: { title: string; fields: DetailField[] }) {
  return (
    <>
      <h3>{title}</h3>
      <table className="data-table compact audit-fields" aria-label={title}>
        <tbody>
          {fields.map((f, index) => (
            <tr key={`${f.path}|${index}`} data-testid="audit-field">
              <th scope="row">{f.path || 'Value'}</th>
              <td>{f.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Everything recorded with one entry: who, what, when, and its detail in fields and as JSON. */
export function AuditDetail({ entry, onClose }: { entry: AuditRow; onClose: () => void }) {
  const detail = parseDetail(entry.detail);
  const view = readDetail(detail);
  return (
    <section className="panel audit-detail" aria-labelledby="audit-detail-heading" data-testid="audit-detail">
      <div className="audit-detail-head">
        <h2 id="audit-detail-heading">
          {actionWords(entry.action)} <span className="muted">#{entry.id}</span>
        </h2>
        <button type="button" className="secondary small-button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="fields">
        <dt>When</dt>
        <dd>
          {localDay(entry.at)}, {localTime(entry.at)}
          <div className="muted small">{entry.at.replace('T', ' ').replace('Z', ' UTC')}</div>
        </dd>
        <dt>Who</dt>
        <dd>{entry.actor}</dd>
        <dt>What</dt>
        <dd>
          {actionWords(entry.action)} <code>{entry.action}</code>
        </dd>
        <dt>Record</dt>
        <dd>{recordWords(entry)}</dd>
      </dl>
      {view.changes ? <Changes changes={view.changes} /> : null}
      {view.fields.length > 0 ? (
        <Fields title={view.changes ? 'Also recorded' : 'Recorded'} fields={view.fields} />
      ) : null}
      {detail === null ? (
        <p className="muted">Nothing else was recorded with this entry.</p>
      ) : (
        <details className="audit-json">
          <summary>The detail as recorded (JSON)</summary>
          <pre>{typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}</pre>
        </details>
      )}
    </section>
  );
}
