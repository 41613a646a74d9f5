import { createColumnHelper } from '@tanstack/react-table';
import { Outcome } from '../shell/outcome';
import { PersonalDataWarning } from '../shell/personal-data-warning';
import { useState } from 'react';
import type { TriggerHit } from '../../src-shared/kli';
import { PAGE_SIZES } from '../customers/use-customer-query';
import { Pager } from '../customers/pager';
import { errorText } from '../klis/session';
import { call } from '../lib/api';
import { saveDownload } from '../lib/download';
import { formatCount, formatDateTime } from '../lib/format';
import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { DataGrid } from '../shell/data-grid';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { usePaging } from '../lib/use-paging';

const column = createColumnHelper<TriggerHit>();

const columns = [
  column.accessor('trigger_name', { header: 'Trigger', meta: { wrap: true } }),
  column.accessor('name', {
    header: 'Customer',
    cell: (c) => (
      <>
        <a href={href({ screen: 'customer', id: c.row.original.customer_id })}>{c.getValue()}</a>
        <div className="muted small">{c.row.original.customer_number}</div>
      </>
    ),
    meta: { wrap: true },
  }),
  column.accessor((h) => h.account_number ?? '', {
    id: 'account',
    header: 'Account',
    cell: (c) => c.getValue() || '—',
  }),
  column.accessor('as_of', { header: 'As of' }),
  column.accessor('evidence', { header: 'Evidence', meta: { wrap: true } }),
  column.accessor('action', { header: 'Action', meta: { wrap: true } }),
];

/** The personal-data warning is given once per evaluation of the triggers shown (a run of the lead list). */
let warnedFor: string | null = null;

function ExportButtons({ disabled, evaluation }: { disabled: boolean; evaluation: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<'csv' | 'xlsx' | null>(null);
  const ask = (format: 'csv' | 'xlsx') => {
    if (warnedFor === evaluation) void exportAs(format);
    else setAsking(format);
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setError(null);
    try {
      saveDownload(await call('triggers:export', { format }));
    } catch (e) {
      setError(`The hits could not be exported: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => ask('csv')} disabled={disabled || busy}>
        Export CSV
      </button>
      <button type="button" className="secondary" onClick={() => ask('xlsx')} disabled={disabled || busy}>
        Export XLSX
      </button>
      {asking ? (
        <PersonalDataWarning
          what="The trigger hits lead list"
          destination="the folder you save the download to"
          holds="customers’ names and customer numbers with what their accounts show"
          onCancel={() => setAsking(null)}
          onGo={() => {
            warnedFor = evaluation;
            setAsking(null);
            void exportAs(asking);
          }}
        />
      ) : null}
      <Outcome error={error} />
    </>
  );
}

/** The hits of the last evaluation, a page at a time, with the customer, the evidence and the action. */
export function HitsPanel() {
  const paging = usePaging(PAGE_SIZES[1]);
  const hits = useCall('triggers:hits', { page: paging.page, page_size: paging.pageSize });
  let body;
  if (hits.error && !hits.data) {
    body = <ErrorPanel message={`The hits could not be loaded: ${hits.error}`} onRetry={hits.reload} />;
  } else if (!hits.data) {
    body = <Loading slow={hits.slow} text="Loading the hits…" />;
  } else if (hits.data.evaluated_at === null) {
    body = <p className="muted">The triggers have not been evaluated yet: Run now, or import a new snapshot.</p>;
  } else {
    const data = hits.data;
    body = (
      <>
        <div className="toolbar">
          <p data-testid="trigger-hits-summary">
            {formatCount(data.total, 'hit')} · evaluated {formatDateTime(data.evaluated_at ?? '')} on the snapshots as
            of {data.as_of ?? '—'}
          </p>
          <div className="actions push-right">
            <ExportButtons disabled={data.total === 0} evaluation={data.evaluated_at ?? ''} />
          </div>
        </div>
        {data.hits.length === 0 ? (
          <p className="muted">No customer met a trigger.</p>
        ) : (
          <>
            <div className="table-scroll">
              <DataGrid
                label="Trigger hits"
                data={data.hits}
                columns={columns}
                getRowId={(h, i) => `${h.trigger_id}|${h.customer_id}|${h.account_number ?? ''}|${i}`}
                rowTestId="trigger-hit"
                sortable
              />
            </div>
            <p className="muted small">Sorting orders the rows of this page.</p>
            <Pager {...paging.pager(data.total)} />
          </>
        )}
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="trigger-hits-heading">
      <h2 id="trigger-hits-heading">Hits</h2>
      {body}
    </section>
  );
}
