import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useState, type KeyboardEvent } from 'react';
import type { KliSummary } from '../../src-shared/kli';
import { formatInt, formatShare } from '../lib/format';
import { navigate } from '../lib/router';
import { SortableHeader } from '../shell/sortable-header';
import { productLabel } from './labels';
import { TrendSpark } from './trend-spark';

const column = createColumnHelper<KliSummary>();
const count = (n: number | null) => (n === null ? '—' : formatInt(n));
/** Not computed sorts below zero. */
const orNegative = (n: number | null) => n ?? -1;

const columns = [
  column.accessor('name', {
    header: 'KLI',
    cell: (c) => (
      <>
        <span className="kli-name">{c.getValue()}</span>
        {c.row.original.builtin ? null : <span className="tag">Custom</span>}
      </>
    ),
    meta: { wrap: true },
  }),
  column.accessor((k) => productLabel(k.product), { id: 'product', header: 'Product', meta: { wrap: true } }),
  column.accessor((k) => orNegative(k.customers), {
    id: 'customers',
    header: 'Customers',
    cell: (c) => <span data-testid="kli-customers">{count(c.row.original.customers)}</span>,
    sortingFn: 'basic',
    meta: { numeric: true },
  }),
  column.accessor((k) => orNegative(k.households), {
    id: 'households',
    header: 'Households',
    cell: (c) => count(c.row.original.households),
    sortingFn: 'basic',
    meta: { numeric: true },
  }),
  column.accessor((k) => orNegative(k.coverage), {
    id: 'coverage',
    header: 'Coverage',
    cell: (c) => count(c.row.original.coverage),
    sortingFn: 'basic',
    meta: { numeric: true },
  }),
  column.accessor((k) => (k.customers !== null && k.coverage ? k.customers / k.coverage : -1), {
    id: 'share',
    header: 'Share of covered',
    cell: (c) => (c.getValue() < 0 ? '—' : formatShare(c.getValue())),
    sortingFn: 'basic',
    meta: { numeric: true },
  }),
  column.display({
    id: 'trend',
    header: 'Trend',
    cell: (c) => <TrendSpark trend={c.row.original.trend} />,
  }),
];

/**
 * The library: one row per KLI, sortable by any figure. Tab enters the table once, the arrow
 * keys (Home, End) move between rows, Enter or a click opens the KLI.
 */
export function KliTable({ klis }: { klis: KliSummary[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [activeRow, setActiveRow] = useState(0);
  const table = useReactTable({
    data: klis,
    columns,
    getRowId: (k) => k.id,
    defaultColumn: { sortingFn: 'alphanumeric' },
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;
  const tabStop = Math.min(activeRow, Math.max(0, rows.length - 1));

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    const row = event.currentTarget;
    const target = {
      ArrowDown: row.nextElementSibling,
      ArrowUp: row.previousElementSibling,
      Home: row.parentElement?.firstElementChild,
      End: row.parentElement?.lastElementChild,
    }[event.key];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      navigate({ screen: 'kli', id });
      return;
    }
    if (target === undefined) return;
    event.preventDefault();
    if (target instanceof HTMLElement) target.focus();
  };

  return (
    <table className="data-table clickable kli-table" aria-label="KLI library" aria-rowcount={klis.length + 1}>
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
            data-testid="kli-row"
            data-kli={row.id}
            aria-rowindex={index + 2}
            tabIndex={index === tabStop ? 0 : -1}
            onFocus={() => setActiveRow(index)}
            onClick={() => navigate({ screen: 'kli', id: row.id })}
            onKeyDown={(e) => onRowKey(e, row.id)}
          >
            {row.getVisibleCells().map((cell) => (
              <td
                key={cell.id}
                className={cell.column.columnDef.meta?.numeric ? 'num' : cell.column.columnDef.meta?.wrap ? 'wrap' : ''}
              >
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
