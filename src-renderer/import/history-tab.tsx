import { useState } from 'react';
import type { ImportRecord, ImportStatus } from '../../src-shared/imports';
import { call } from '../lib/api';
import { fileName, formatCount, formatDateTime, formatInt } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { Fingerprint } from './quality-tables';
import { QualityView } from './quality-view';
import { viewStore } from './session';
import { errorText } from './setup-actions';

const STATUS_LABEL: Record<ImportStatus, string> = {
  running: 'Running',
  done: 'Loaded',
  failed: 'Failed',
  rolled_back: 'Rolled back',
};

const total = (record: ImportRecord, pick: (f: ImportRecord['files'][number]) => number) =>
  record.files.reduce((sum, f) => sum + pick(f), 0);

function RollbackQuestion({
  record,
  busy,
  onConfirm,
  onCancel,
}: {
  record: ImportRecord;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Roll back import #${record.id}?`}
      confirmLabel={busy ? 'Rolling back…' : 'Roll it back'}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        This removes from the database everything import #{record.id} of {formatDateTime(record.started_at)} loaded:
      </p>
      <ul>
        {record.files.map((f) => (
          <li key={f.path}>
            {formatCount(f.rows_loaded, 'row')} of {fileName(f.path)} ({f.kind})
          </li>
        ))}
      </ul>
      <p>Rows it changed are put back as they were before it. This cannot be undone.</p>
    </ConfirmDialog>
  );
}

function HistoryRow({ record, onRollBack }: { record: ImportRecord; onRollBack: () => void }) {
  return (
    <tr data-testid="history-row">
      <td>{formatDateTime(record.started_at)}</td>
      <td>{record.actor}</td>
      <td>{record.profile}</td>
      <td className="wrap">
        <ul className="plain">
          {record.files.map((f) => (
            <li key={f.path}>
              <span title={f.path}>{fileName(f.path)}</span> <Fingerprint value={f.fingerprint} />
            </li>
          ))}
        </ul>
      </td>
      <td className="num">
        {formatInt(total(record, (f) => f.rows_loaded))}
        <div className="muted small">
          of {formatInt(total(record, (f) => f.rows_read))} read
          {total(record, (f) => f.rows_quarantined) > 0
            ? ` · ${formatInt(total(record, (f) => f.rows_quarantined))} quarantined`
            : ''}
        </div>
      </td>
      <td>{STATUS_LABEL[record.status]}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="secondary small-button"
            onClick={() => viewStore.set({ qualityOf: record.id })}
          >
            Data quality<span className="visually-hidden"> of import #{record.id}</span>
          </button>
          {record.can_roll_back ? (
            <button type="button" className="secondary small-button" onClick={onRollBack}>
              Roll back<span className="visually-hidden"> import #{record.id}</span>
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

function HistoryList() {
  const list = useCall('imports:list', {});
  const [asking, setAsking] = useState<ImportRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rollBack = async (record: ImportRecord) => {
    setBusy(true);
    setError(null);
    try {
      await call('imports:rollback', { id: record.id });
      setDone(`Import #${record.id} was rolled back.`);
      list.reload();
    } catch (e) {
      setError(`Import #${record.id} could not be rolled back: ${errorText(e)}`);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  if (list.error)
    return <ErrorPanel message={`The imports could not be loaded: ${list.error}`} onRetry={list.reload} />;
  if (!list.data) return <Loading slow={list.slow} text="Loading the imports…" />;
  const records = [...list.data].sort((a, b) => b.id - a.id);
  return (
    <section className="panel step" aria-labelledby="history-heading">
      <h2 id="history-heading">Imports</h2>
      {done ? (
        <p role="status" className="success">
          {done}
        </p>
      ) : null}
      {error ? <ErrorPanel message={error} /> : null}
      {records.length === 0 ? (
        <p className="muted">Nothing has been imported into this database yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Imports, newest first">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Profile</th>
                <th scope="col">Files</th>
                <th scope="col" className="num">
                  Rows loaded
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <HistoryRow key={record.id} record={record} onRollBack={() => setAsking(record)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">Only the newest import still in effect can be rolled back.</p>
      {asking ? (
        <RollbackQuestion
          record={asking}
          busy={busy}
          onConfirm={() => void rollBack(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </section>
  );
}

/** Every import into this database, with its data quality and the rollback of the newest. */
export function HistoryTab({ qualityOf }: { qualityOf: number | null }) {
  if (qualityOf === null) return <HistoryList />;
  return (
    <>
      <button type="button" className="link-button" onClick={() => viewStore.set({ qualityOf: null })}>
        ← All imports
      </button>
      <QualityView importId={qualityOf} />
    </>
  );
}
