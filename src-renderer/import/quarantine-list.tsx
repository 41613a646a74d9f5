import { createColumnHelper } from '@tanstack/react-table';
import type { QuarantineRow } from '../../src-shared/imports';
import { Pager } from '../customers/pager';
import { fileName, formatCount, formatInt } from '../lib/format';
import { useCall } from '../lib/use-call';
import { DataGrid } from '../shell/data-grid';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { ReportExport } from './report-export';
import { usePaging } from '../lib/use-paging';

const column = createColumnHelper<QuarantineRow>();

const columns = [
  column.accessor((r) => fileName(r.file), { id: 'file', header: 'File' }),
  column.accessor('row', { header: 'Row', cell: (c) => formatInt(c.getValue()), meta: { numeric: true } }),
  column.accessor((r) => r.issues.map((i) => `${i.column}: ${i.reason} (“${i.value}”)`).join('\n'), {
    id: 'problems',
    header: 'Problems',
    cell: (c) =>
      c.row.original.issues.map((issue, i) => (
        <div key={i}>
          {issue.column}: {issue.reason} (“{issue.value}”)
        </div>
      )),
    meta: { wrap: true },
  }),
  column.accessor((r) => r.record.join(' | '), { id: 'record', header: 'Row as read', meta: { wrap: true } }),
];

/** Rows kept out of the database with their reasons, a page at a time, and their export. */
export function QuarantineList({ importId, total }: { importId: number; total: number }) {
  const paging = usePaging(50);
  const result = useCall('imports:quarantine', { id: importId, page: paging.page, page_size: paging.pageSize });
  return (
    <section className="panel step" aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">Quarantined rows</h2>
      {total === 0 ? (
        <p className="muted">No rows were quarantined: every row read was loaded.</p>
      ) : (
        <>
          <p className="muted">
            {formatCount(total, 'row')} kept out of the database with the reasons below. Corrected in the core system,
            they load with the next import of these files.
          </p>
          <ReportExport source={{ import_id: importId }} what="quarantined rows" />
          {result.error ? (
            <ErrorPanel message={`The quarantined rows could not be loaded: ${result.error}`} onRetry={result.reload} />
          ) : null}
          {result.data ? (
            <>
              <div className="table-wrap">
                <DataGrid
                  label="Quarantined rows"
                  data={result.data.rows}
                  columns={columns}
                  getRowId={(r) => String(r.id)}
                  rowTestId="quarantine-row"
                />
              </div>
              <Pager {...paging.pager(result.data.total)} />
            </>
          ) : (
            <Loading slow={result.slow} text="Loading the quarantined rows…" />
          )}
        </>
      )}
    </section>
  );
}
