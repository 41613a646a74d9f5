import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomerSortColumn } from '../../src-shared/domain';
import { formatInt } from '../lib/format';
import { navigate } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { customerColumns, SORTABLE } from './customer-columns';

const PAGE_SIZES = [25, 50, 100];

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    numeric?: boolean;
  }
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function CustomersScreen() {
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 250);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const tableBody = useRef<HTMLTableSectionElement>(null);

  const sort = sorting[0];
  const input = {
    page,
    page_size: pageSize,
    search,
    sort: (sort?.id ?? 'name') as CustomerSortColumn,
    direction: sort?.desc ? ('desc' as const) : ('asc' as const),
  };
  const result = useCall('customers:list', input);
  const data = result.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.page_size)) : 1;

  const table = useReactTable({
    data: data?.rows ?? [],
    columns: customerColumns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    pageCount,
    state: { sorting },
    onSortingChange: (updater) => {
      setSorting(updater);
      setPage(0);
    },
  });

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    const row = event.currentTarget;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      navigate({ screen: 'customer', id });
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      (row.nextElementSibling as HTMLElement | null)?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (row.previousElementSibling as HTMLElement | null)?.focus();
    } else if (event.key === 'Home') {
      event.preventDefault();
      (tableBody.current?.firstElementChild as HTMLElement | null)?.focus();
    } else if (event.key === 'End') {
      event.preventDefault();
      (tableBody.current?.lastElementChild as HTMLElement | null)?.focus();
    }
  };

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Customers</h1>
        <p className="muted">
          Every customer in the open database. Click a row, or press Enter on it, to open a profile.
        </p>
      </header>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          aria-label="Search customers"
          placeholder="Name, customer number or city"
          value={searchText}
          onChange={(e) => {
            setSearchText(e.target.value);
            setPage(0);
          }}
        />
        <span className="muted" role="status" aria-live="polite">
          {data ? `${formatInt(data.total)} customers` : ''}
          {result.loading ? ' · loading…' : ''}
        </span>
      </div>
      {result.error ? <ErrorPanel message={result.error} onRetry={result.reload} /> : null}
      <div className="table-wrap">
        <table className="data-table clickable" aria-rowcount={data?.total ?? -1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = SORTABLE.has(header.column.id) && header.column.getCanSort();
                  const numeric = header.column.columnDef.meta?.numeric;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={numeric ? 'num' : ''}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {canSort ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true" className="sort-mark">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody ref={tableBody}>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-testid="customer-row"
                tabIndex={0}
                onClick={() => navigate({ screen: 'customer', id: row.original.id })}
                onKeyDown={(e) => onRowKey(e, row.original.id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'num' : ''}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.rows.length === 0 ? <p className="empty">No customer matches “{search}”.</p> : null}
      </div>
      <div className="pager">
        <button type="button" onClick={() => setPage((p) => Math.max(0, p - 1))} disabled={page === 0}>
          Previous
        </button>
        <span>
          Page {formatInt(page + 1)} of {formatInt(pageCount)}
        </span>
        <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page + 1 >= pageCount}>
          Next
        </button>
        <label>
          Rows per page{' '}
          <select
            value={pageSize}
            onChange={(e) => {
              setPageSize(Number(e.target.value));
              setPage(0);
            }}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
