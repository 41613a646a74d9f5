import { flexRender, getCoreRowModel, useReactTable, type ColumnMeta, type SortingState } from '@tanstack/react-table';
import { useState, type KeyboardEvent } from 'react';
import type { CustomerPage, CustomerRow } from '../../src-shared/domain';
import { navigate } from '../lib/router';
import { SortableHeader } from '../shell/sortable-header';
import { customerColumns } from './customer-columns';

const NO_ROWS: CustomerPage['rows'] = [];

function cellClass(meta: ColumnMeta<CustomerRow, unknown> | undefined): string {
  if (meta?.numeric) return 'num';
  return meta?.wrap ? 'wrap' : '';
}

/**
 * One page of customers. Sorting and paging happen on the server (only this page is ever in
 * memory, whatever the size of the bank). Rows use a roving tab stop: Tab enters the table
 * once, the arrow keys move between rows, Enter opens the customer.
 */
export function CustomersTable({
  page,
  loading,
  sorting,
  onSortingChange,
}: {
  page: CustomerPage | null;
  loading: boolean;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
}) {
  const [activeRow, setActiveRow] = useState(0);
  const table = useReactTable({
    data: page?.rows ?? NO_ROWS,
    columns: customerColumns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
  });
  const rows = table.getRowModel().rows;
  const tabStop = Math.min(activeRow, Math.max(0, rows.length - 1));
  const firstIndex = page ? page.page * page.page_size : 0;

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    const row = event.currentTarget;
    const body = row.parentElement;
    const moveTo = (target: Element | null | undefined) => {
      event.preventDefault();
      if (target instanceof HTMLElement) target.focus();
    };
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        navigate({ screen: 'customer', id });
        break;
      case 'ArrowDown':
        moveTo(row.nextElementSibling);
        break;
      case 'ArrowUp':
        moveTo(row.previousElementSibling);
        break;
      case 'Home':
        moveTo(body?.firstElementChild);
        break;
      case 'End':
        moveTo(body?.lastElementChild);
        break;
    }
  };

  return (
    <table
      className="data-table clickable"
      aria-label="Customers"
      aria-busy={loading}
      aria-rowcount={page ? page.total + 1 : -1}
    >
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
            key={row.original.id}
            data-testid="customer-row"
            aria-rowindex={firstIndex + index + 2}
            tabIndex={index === tabStop ? 0 : -1}
            onFocus={() => setActiveRow(index)}
            onClick={() => navigate({ screen: 'customer', id: row.original.id })}
            onKeyDown={(e) => onRowKey(e, row.original.id)}
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
