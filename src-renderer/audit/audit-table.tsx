import { createColumnHelper } from '@tanstack/react-table';
import type { AuditRow } from '../../src-shared/audit-log';
import { DataGrid } from '../shell/data-grid';
import { actionWords, localDay, localTime, recordWords } from './audit-words';
import { parseDetail, readDetail, summaryLine } from './detail-fields';

const column = createColumnHelper<AuditRow>();

const columns = [
  column.accessor('at', {
    header: 'When',
    cell: (c) => (
      <time dateTime={c.getValue()} title={`${c.getValue()} (UTC)`}>
        {localDay(c.getValue())}
        <span className="audit-time">{localTime(c.getValue())}</span>
      </time>
    ),
  }),
  column.accessor('actor', { header: 'Who', meta: { wrap: true } }),
  column.accessor((row) => actionWords(row.action), { id: 'what', header: 'What', meta: { wrap: true } }),
  column.accessor((row) => recordWords(row), { id: 'record', header: 'Record', meta: { wrap: true } }),
  column.accessor((row) => summaryLine(readDetail(parseDetail(row.detail))), {
    id: 'detail',
    header: 'Detail',
    cell: (c) =>
      c.getValue() ? (
        <span className="audit-summary" title={c.getValue()}>
          {c.getValue()}
        </span>
      ) : (
        <span className="muted">—</span>
      ),
  }),
];

/** One page of the log, newest first; a click, Enter or Space opens an entry's detail. */
export function AuditTable({
  entries,
  total,
  offset,
  openId,
  onOpen,
}: {
  entries: AuditRow[];
  total: number;
  offset: number;
  openId: number | null;
  onOpen: (row: AuditRow) => void;
}) {
  return (
    <DataGrid
      label="Audit log"
      data={entries}
      columns={columns}
      getRowId={(row) => String(row.id)}
      rowTestId="audit-row"
      rowIdAttribute="data-entry"
      className="audit-table"
      firstRowIndex={offset}
      totalRows={total}
      currentRowId={openId === null ? null : String(openId)}
      onOpen={(row) => onOpen(row.original)}
    />
  );
}
