import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Row,
  type SortingState,
  type TableOptions,
} from '@tanstack/react-table';
import { useState } from 'react';
import { GridSections } from './grid-sections';

/**
 * A table for lists held whole in memory, such as import problems: Tab enters it once, the
 * arrow keys, Home and End move between rows (a roving tab stop, as in the customer list), with
 * `sortable` the column headers sort the rows in place, and with `onOpen` a click, Enter or
 * Space opens a row.
 */
export function DataGrid<T>({
  label,
  data,
  columns,
  getRowId,
  rowTestId,
  rowIdAttribute,
  sortable = false,
  className,
  firstRowIndex,
  totalRows,
  currentRowId,
  onOpen,
}: {
  label: string;
  data: T[];
  columns: TableOptions<T>['columns'];
  getRowId: (row: T, index: number) => string;
  rowTestId?: string;
  rowIdAttribute?: `data-${string}`;
  sortable?: boolean;
  /** Added to the table's own classes. */
  className?: string;
  /** Where the first row stands in the whole list, when `data` is one page of it. */
  firstRowIndex?: number;
  /** Rows in the whole list, when `data` is one page of it. */
  totalRows?: number;
  /** The row whose detail is open, marked with aria-current. */
  currentRowId?: string | null;
  onOpen?: (row: Row<T>) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
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
  const classes = ['data-table', onOpen ? 'clickable' : 'focusable-rows', className].filter(Boolean).join(' ');

  return (
    <table className={classes} aria-label={label} aria-rowcount={(totalRows ?? data.length) + 1}>
      <GridSections
        table={table}
        rowTestId={rowTestId}
        rowIdAttribute={rowIdAttribute}
        firstRowIndex={firstRowIndex}
        currentRowId={currentRowId}
        onOpen={onOpen}
      />
    </table>
  );
}
