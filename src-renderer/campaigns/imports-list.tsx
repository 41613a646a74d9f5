import { useEffect, useRef, useState } from 'react';
import type { ResponseImport } from '../../src-shared/measure';
import type { RunSummary } from '../../src-shared/plan';
import { call } from '../lib/api';
import { formatCount, formatDateTime, formatInt } from '../lib/format';
import type { CallState } from '../lib/use-call';
import { errorText } from '../matrix/plan-words';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { runLabel } from './campaign-words';

function TakeBack({
  record,
  onGone,
  onError,
}: {
  record: ResponseImport;
  onGone: (left: ResponseImport[]) => void;
  onError: (message: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const takeBack = async () => {
    setBusy(true);
    try {
      const left = await call('responses:delete-import', { import_id: record.id });
      setAsking(false);
      onGone(left);
    } catch (e) {
      setAsking(false);
      onError(`Import #${record.id} could not be taken back: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="secondary small-button"
        aria-label={`Take back import #${record.id}`}
        onClick={() => setAsking(true)}
      >
        Take back…
      </button>
      {asking ? (
        <ConfirmDialog
          title={`Take back import #${record.id}?`}
          confirmLabel={busy ? 'Taking it back…' : 'Take it back'}
          busy={busy}
          onConfirm={() => void takeBack()}
          onCancel={() => setAsking(false)}
        >
          <p>
            This removes the {formatCount(record.rows, 'row')} of {record.file} imported{' '}
            {formatDateTime(record.imported_at)}, and every match made from them, confirmed or not. The results are
            counted again without them. This cannot be undone; the file can be imported again.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** The response files imported, newest first, each of which can be taken back whole. */
export function ImportsList({
  imports,
  runs,
  onChanged,
}: {
  imports: CallState<ResponseImport[]>;
  runs: RunSummary[];
  onChanged: () => void;
}) {
  const [left, setLeft] = useState<ResponseImport[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  // The row whose button opened the dialog is gone: focus goes to the words saying so.
  useEffect(() => {
    if (message && !message.error) said.current?.focus();
  }, [message]);
  const body = () => {
    if (imports.error && !imports.data)
      return <ErrorPanel message={`The imports could not be loaded: ${imports.error}`} onRetry={imports.reload} />;
    if (!imports.data) return <Loading slow={imports.slow} text="Loading the imports…" />;
    // What the take-back answered, until the list itself comes back.
    const list = imports.loading && left ? left : imports.data;
    if (list.length === 0) return <p className="empty">No response file has been imported yet.</p>;
    const run = (id: number | null) => {
      if (id === null) return 'Every final run';
      const found = runs.find((r) => r.run_id === id);
      return found ? runLabel(found) : `Run ${id}`;
    };
    return (
      <div className="table-scroll">
        <table className="data-table" aria-label="Response imports">
          <thead>
            <tr>
              <th scope="col">Import</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">File</th>
              <th scope="col">Profile</th>
              <th scope="col">Matched to</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Matched
              </th>
              <th scope="col" className="num">
                Unmatched or doubtful at import
              </th>
              <th scope="col">
                <span className="visually-hidden">Take back</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((record) => (
              <tr key={record.id} data-testid="response-import-row">
                <td>#{record.id}</td>
                <td>{formatDateTime(record.imported_at)}</td>
                <td>{record.imported_by}</td>
                <td className="wrap">{record.file}</td>
                <td>{record.profile}</td>
                <td>{run(record.run_id)}</td>
                <td className="num">
                  {formatInt(record.rows)}
                  {record.not_responses > 0 ? (
                    <div className="muted small">{formatInt(record.not_responses)} before the drop</div>
                  ) : null}
                </td>
                <td className="num">{formatInt(record.matched)}</td>
                <td className="num">{formatInt(record.unmatched)}</td>
                <td>
                  <TakeBack
                    record={record}
                    onGone={(rest) => {
                      setLeft(rest);
                      setMessage({ text: `Import #${record.id} was taken back.`, error: false });
                      onChanged();
                    }}
                    onError={(text) => setMessage({ text, error: true })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  };
  return (
    <section className="panel" aria-labelledby="response-imports-title">
      <h2 id="response-imports-title">Imports</h2>
      {message ? (
        <p
          ref={said}
          tabIndex={-1}
          className={message.error ? 'field-error' : 'success'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      {body()}
    </section>
  );
}
