import { createColumnHelper } from '@tanstack/react-table';
import type { KliSummary } from '../../src-shared/kli';
import { formatInt, formatShare } from '../lib/format';
import { navigate } from '../lib/router';
import { DataGrid } from '../shell/data-grid';
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
  return (
    <DataGrid
      label="KLI library"
      className="kli-table"
      data={klis}
      columns={columns}
      getRowId={(k) => k.id}
      rowTestId="kli-row"
      rowIdAttribute="data-kli"
      sortable
      onOpen={(row) => navigate({ screen: 'kli', id: row.id })}
    />
  );
}
