import { createColumnHelper } from '@tanstack/react-table';
import type { RecipientRow } from '../../src-shared/plan';
import { Pager } from '../customers/pager';
import { formatCount, formatInt } from '../lib/format';
import { href, navigate } from '../lib/router';
import { useCall } from '../lib/use-call';
import { usePaging } from '../lib/use-paging';
import { DataGrid } from '../shell/data-grid';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';

const column = createColumnHelper<RecipientRow>();

const columns = [
  column.accessor('keycode', { header: 'Keycode', cell: (c) => <code>{c.getValue()}</code> }),
  column.accessor('customer_id', {
    header: 'Customer',
    // The row opens the customer (Enter or a click); the link is for the mouse and for
    // screen readers, and stays out of the Tab order so the table keeps one tab stop.
    cell: (c) => (
      <a href={href({ screen: 'customer', id: c.getValue() })} tabIndex={-1}>
        {c.row.original.name || `Customer ${c.getValue()}`}
      </a>
    ),
  }),
  column.accessor('customer_number', { header: 'Customer number' }),
  column.accessor('household_id', {
    header: 'Household',
    cell: (c) => formatInt(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor('audience', { header: 'Audience', meta: { wrap: true } }),
  column.accessor('offer', { header: 'Offer' }),
  column.accessor('group', {
    header: 'Group',
    cell: (c) => (c.getValue() === 'mailed' ? 'Mailed' : 'Held out (control)'),
  }),
];

/** A run's recipients a page at a time: who was mailed and who held out, each with a keycode. */
export function RecipientsPanel({ runId }: { runId: number }) {
  const { page, pageSize, pager } = usePaging(25);
  const recipients = useCall('plan:recipients', { run_id: runId, page: page + 1, page_size: pageSize });
  const body = () => {
    if (recipients.error && !recipients.data)
      return (
        <ErrorPanel message={`The recipients could not be loaded: ${recipients.error}`} onRetry={recipients.reload} />
      );
    if (!recipients.data) return <Loading slow={recipients.slow} text="Loading the recipients…" />;
    const { rows, total } = recipients.data;
    if (total === 0) return <p className="empty">This run selected no one.</p>;
    return (
      <>
        <p className="muted">
          {formatCount(total, 'recipient')}, by keycode. Tab into the table, ↑/↓ (Home/End) between rows, Enter opens
          the customer.
        </p>
        <div className="table-wrap recipients-wrap" aria-busy={recipients.loading}>
          <DataGrid
            label={`Recipients of run ${runId}`}
            data={rows}
            columns={columns}
            getRowId={(r) => r.keycode}
            rowTestId="recipient-row"
            firstRowIndex={page * pageSize}
            totalRows={total}
            onOpen={(row) => navigate({ screen: 'customer', id: row.original.customer_id })}
          />
        </div>
        <Pager {...pager(total)} />
      </>
    );
  };
  return (
    <section className="panel" aria-labelledby="recipients-title">
      <h2 id="recipients-title">Recipients</h2>
      {body()}
    </section>
  );
}
