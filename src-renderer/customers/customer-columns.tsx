import { createColumnHelper } from '@tanstack/react-table';
import type { CustomerRow } from '../../src-shared/domain';
import { formatCents, formatInt } from '../lib/format';

declare module '@tanstack/react-table' {
  // The names must match TanStack's declaration for the merge to apply.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Right-aligned with tabular figures, so digits line up down the column. */
    numeric?: boolean;
    /** Long text (double-barrelled names, long town names) may wrap rather than widen the table. */
    wrap?: boolean;
  }
}

const column = createColumnHelper<CustomerRow>();
const dash = (value: string | number | null) => (value === null || value === '' ? '—' : value);

/** Every column but household size is one of the server's sort columns (CUSTOMER_SORT_COLUMNS). */
export const customerColumns = [
  column.accessor('customer_number', { header: 'Customer #' }),
  column.accessor('name', { header: 'Name', meta: { wrap: true } }),
  column.accessor('city', { header: 'City', meta: { wrap: true } }),
  column.accessor('state', { header: 'State' }),
  column.accessor('age', { header: 'Age', cell: (c) => dash(c.getValue()), meta: { numeric: true } }),
  column.accessor('customer_since', { header: 'Customer since', cell: (c) => dash(c.getValue()) }),
  column.accessor('household_size', {
    header: 'Household size',
    cell: (c) => formatInt(c.getValue()),
    enableSorting: false,
    meta: { numeric: true },
  }),
  column.accessor('accounts', { header: 'Accounts', cell: (c) => formatInt(c.getValue()), meta: { numeric: true } }),
  column.accessor('total_deposits_cents', {
    header: 'Deposits',
    cell: (c) => formatCents(c.getValue()),
    meta: { numeric: true },
  }),
];
