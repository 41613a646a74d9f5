import { createColumnHelper } from '@tanstack/react-table';
import type { ImportIssue } from '../../src-shared/imports';
import { fileName, formatInt } from '../lib/format';
import { DataGrid } from '../shell/data-grid';

const column = createColumnHelper<ImportIssue>();

const columns = [
  column.accessor('file', { header: 'File', cell: (c) => fileName(c.getValue()) }),
  column.accessor('row', { header: 'Row', cell: (c) => formatInt(c.getValue()), meta: { numeric: true } }),
  column.accessor('column', { header: 'Column' }),
  column.accessor('value', { header: 'Value', cell: (c) => c.getValue() || '(empty)', meta: { wrap: true } }),
  column.accessor('reason', { header: 'Problem', meta: { wrap: true } }),
];

/** The validation report: one row per problem, sortable, read with the arrow keys. */
export function IssueTable({ issues, label }: { issues: ImportIssue[]; label: string }) {
  return (
    <DataGrid
      label={label}
      data={issues}
      columns={columns}
      getRowId={(issue, i) => `${i}:${issue.file}:${issue.row}:${issue.column}`}
      rowTestId="import-report-row"
      sortable
    />
  );
}
