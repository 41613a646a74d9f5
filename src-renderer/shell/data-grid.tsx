import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnMeta,
  type SortingState,
  type TableOptions,
} from '@tanstack/react-table';
import { useState, type KeyboardEvent } from 'react';
import { SortableHeader } from './sortable-header';

function cellClass<T>(meta: ColumnMeta<T, unknown> | undefined): string {
  if (meta?.numeric) return 'num';
  return meta?.wrap ? 'wrap' : '';
}

/**
 * A read-only table for lists such as import problems: Tab enters it once, the arrow keys,
 * Home and End move between rows (a roving tab stop, as in the customer list), and with
 * `sortable` the column headers sort the rows in place.
 */
export function DataGrid<T>({
  label,
  data,
  columns,
  getRowId,
  rowTestId,
  sortable = false,
}: {
  label: string;
  data: T[];
  columns: TableOptions<T>['columns'];
  getRowId: (row: T, index: number) => string;
  rowTestId?: string;
  sortable?: boolean;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [activeRow, setActiveRow] = useState(0);
  const table = useReactTable({
    data,
    columns,
    getRowId,
    enableSorting: sortable,
    // Case-insensitive, with digit runs compared as numbers ("row 10" after "row 9"). TanStack's
    // own choice looks at rows past the tenth only, so short lists would sort by code point.
    defaultColumn: { sortingFn: 'alphanumeric' },
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;
  const tabStop = Math.min(activeRow, Math.max(0, rows.length - 1));

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const row = event.currentTarget;
    const target = {
      ArrowDown: row.nextElementSibling,
      ArrowUp: row.previousElementSibling,
      Home: row.parentElement?.firstElementChild,
      End: row.parentElement?.lastElementChild,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    if (target instanceof HTMLElement) target.focus();
  };

  return (
    <table className="data-table focusable-rows" aria-label={label} aria-rowcount={data.length + 1}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} aria-rowindex={1}>
            {group.headers.map((header) => (
              <SortableHeader key={header.id} header={header} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr
            key={row.id}
            data-testid={rowTestId}
            aria-rowindex={index + 2}
            tabIndex={index === tabStop ? 0 : -1}
            onFocus={() => setActiveRow(index)}
            onKeyDown={onRowKey}
          >
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className={cellClass(cell.column.columnDef.meta)}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
