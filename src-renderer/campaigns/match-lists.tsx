import { createColumnHelper } from '@tanstack/react-table';
import type { ResponseRow } from '../../src-shared/measure';
import { Pager } from '../customers/pager';
import { formatCount, formatInt } from '../lib/format';
import type { CallState } from '../lib/use-call';
import { usePaging } from '../lib/use-paging';
import { DataGrid } from '../shell/data-grid';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { countByRule, LIST_LIMIT } from './campaign-words';

/** "5,000" when the list stopped at the limit, so a capped count never passes for the whole. */
const listCount = (rows: ResponseRow[]) =>
  rows.length >= LIST_LIMIT ? `at least ${formatInt(rows.length)}` : formatInt(rows.length);

/** How many responses each rule matched, and how many the user confirmed. */
export function MatchedSummary({
  matched,
  confirmed,
}: {
  matched: CallState<ResponseRow[]>;
  confirmed: CallState<ResponseRow[]>;
}) {
  const body = () => {
    const failed = matched.error ?? confirmed.error;
    if (failed && (!matched.data || !confirmed.data))
      return (
        <ErrorPanel
          message={`The matches could not be counted: ${failed}`}
          onRetry={() => {
            matched.reload();
            confirmed.reload();
          }}
        />
      );
    if (!matched.data || !confirmed.data)
      return <Loading slow={matched.slow || confirmed.slow} text="Counting the matches…" />;
    if (matched.data.length === 0 && confirmed.data.length === 0)
      return <p className="empty">No response has been matched yet.</p>;
    return (
      <table className="data-table compact matched-summary" aria-label="Matched responses by rule">
        <thead>
          <tr>
            <th scope="col">Matched by</th>
            <th scope="col" className="num">
              Responses
            </th>
          </tr>
        </thead>
        <tbody>
          {countByRule(matched.data).map((r) => (
            <tr key={r.rule} data-testid="matched-rule">
              <th scope="row">{r.label}</th>
              <td className="num">{formatInt(r.count)}</td>
            </tr>
          ))}
          {confirmed.data.length > 0 ? (
            <tr data-testid="matched-rule">
              <th scope="row">Name and address, confirmed by you</th>
              <td className="num">{listCount(confirmed.data)}</td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row">All matched</th>
            <td className="num">
              {matched.data.length >= LIST_LIMIT || confirmed.data.length >= LIST_LIMIT
                ? `at least ${formatInt(matched.data.length + confirmed.data.length)}`
                : formatInt(matched.data.length + confirmed.data.length)}
            </td>
          </tr>
        </tfoot>
      </table>
    );
  };
  return (
    <section className="panel" aria-labelledby="matched-title">
      <h2 id="matched-title">Matched</h2>
      {body()}
    </section>
  );
}

const column = createColumnHelper<ResponseRow>();
const dash = (value: string | null) => value ?? '—';

const unmatchedColumns = [
  column.accessor('name', { header: 'Name', cell: (c) => dash(c.getValue()), meta: { wrap: true } }),
  column.accessor('customer_number', { header: 'Customer number', cell: (c) => dash(c.getValue()) }),
  column.accessor('keycode', { header: 'Keycode', cell: (c) => dash(c.getValue()) }),
  column.accessor('product_code', { header: 'Product', cell: (c) => dash(c.getValue()) }),
  column.accessor('response_date', { header: 'Date' }),
  column.accessor('note', { header: 'Why not matched', cell: (c) => dash(c.getValue()), meta: { wrap: true } }),
  column.accessor((r) => `#${r.import_id}, row ${r.row}`, { id: 'from', header: 'Import, row' }),
];

const FIRST_PAGE_SIZE = 25;

/** Responses no rule tied to a household mailed or held out, each with the reason. */
export function UnmatchedPanel({ unmatched }: { unmatched: CallState<ResponseRow[]> }) {
  const { page, pageSize, pager } = usePaging(FIRST_PAGE_SIZE);
  const body = () => {
    if (unmatched.error && !unmatched.data)
      return (
        <ErrorPanel
          message={`The unmatched responses could not be loaded: ${unmatched.error}`}
          onRetry={unmatched.reload}
        />
      );
    if (!unmatched.data) return <Loading slow={unmatched.slow} text="Loading the unmatched responses…" />;
    const rows = unmatched.data;
    if (rows.length === 0) return <p className="empty">Every response is matched or waiting for review.</p>;
    // The list may have shrunk under the page shown (an import taken back).
    const at = Math.min(page, Math.max(0, Math.ceil(rows.length / pageSize) - 1));
    const shown = rows.slice(at * pageSize, (at + 1) * pageSize);
    return (
      <>
        <p className="muted">
          {rows.length >= LIST_LIMIT
            ? `The first ${formatInt(rows.length)} unmatched responses.`
            : `${formatCount(rows.length, 'response')} not matched.`}{' '}
          They do not count for any campaign: usually people who were neither mailed nor held out.
        </p>
        <div className="table-scroll">
          <DataGrid
            label="Unmatched responses"
            data={shown}
            columns={unmatchedColumns}
            getRowId={(r) => String(r.id)}
            rowTestId="unmatched-row"
            firstRowIndex={at * pageSize}
            totalRows={rows.length}
          />
        </div>
        {rows.length > FIRST_PAGE_SIZE ? <Pager {...pager(rows.length)} page={at} /> : null}
      </>
    );
  };
  return (
    <section className="panel" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title">Unmatched</h2>
      {body()}
    </section>
  );
}
