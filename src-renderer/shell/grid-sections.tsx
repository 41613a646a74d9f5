import { flexRender, type ColumnMeta, type Row, type Table } from '@tanstack/react-table';
import { useState, type KeyboardEvent } from 'react';
import { SortableHeader } from './sortable-header';

function cellClass<T>(meta: ColumnMeta<T, unknown> | undefined): string {
  if (meta?.numeric) return 'num';
  return meta?.wrap ? 'wrap' : '';
}

/**
 * The header and body of our row tables, whoever sorts them. Rows use a roving tab stop: Tab
 * enters the table once, the arrow keys, Home and End move between rows, and with `onOpen` a
 * click, Enter or Space opens the row.
 */
export function GridSections<T>({
  table,
  rowTestId,
  rowIdAttribute,
  firstRowIndex = 0,
  currentRowId,
  onOpen,
}: {
  table: Table<T>;
  rowTestId?: string;
  /** An attribute that carries each row's id, so a test can find one row by what it shows. */
  rowIdAttribute?: `data-${string}`;
  /** Where the first row stands in the whole list (a page past the first), for aria-rowindex. */
  firstRowIndex?: number;
  /** The row whose detail is open beside the table, marked with aria-current. */
  currentRowId?: string | null;
  onOpen?: (row: Row<T>) => void;
}) {
  const [activeRow, setActiveRow] = useState(0);
  const rows = table.getRowModel().rows;
  const tabStop = Math.min(activeRow, Math.max(0, rows.length - 1));

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, row: Row<T>) => {
    if (onOpen && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onOpen(row);
      return;
    }
    const element = event.currentTarget;
    const target = {
      ArrowDown: element.nextElementSibling,
      ArrowUp: element.previousElementSibling,
      Home: element.parentElement?.firstElementChild,
      End: element.parentElement?.lastElementChild,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    if (target instanceof HTMLElement) target.focus();
  };

  return (
    <>
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
            {...(rowIdAttribute ? { [rowIdAttribute]: row.id } : {})}
            aria-rowindex={firstRowIndex + index + 2}
            aria-current={currentRowId === row.id ? 'true' : undefined}
            tabIndex={index === tabStop ? 0 : -1}
            onFocus={() => setActiveRow(index)}
            onClick={onOpen ? () => onOpen(row) : undefined}
            onKeyDown={(e) => onRowKey(e, row)}
          >
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className={cellClass(cell.column.columnDef.meta)}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
}
