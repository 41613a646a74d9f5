import { createColumnHelper } from '@tanstack/react-table';
import { CUSTOMER_SORT_COLUMNS, type CustomerRow } from '../../src-shared/domain';
import { formatCents, formatInt } from '../lib/format';

const column = createColumnHelper<CustomerRow>();

/** Column ids that the server can sort by are the sort columns of the contract. */
export const SORTABLE = new Set<string>(CUSTOMER_SORT_COLUMNS);

export const customerColumns = [
  column.accessor('customer_number', { header: 'Customer #' }),
  column.accessor('name', { header: 'Name' }),
  column.accessor('city', { header: 'City' }),
  column.accessor('state', { header: 'State' }),
  column.accessor('age', { header: 'Age', cell: (c) => c.getValue() ?? '—', meta: { numeric: true } }),
  column.accessor('customer_since', { header: 'Customer since', cell: (c) => c.getValue() ?? '—' }),
  column.accessor('household_size', {
    header: 'Household',
    cell: (c) => formatInt(c.getValue()),
    enableSorting: false,
    meta: { numeric: true },
  }),
  column.accessor('accounts', { header: 'Accounts', meta: { numeric: true } }),
  column.accessor('total_deposits_cents', {
    header: 'Deposits',
    cell: (c) => formatCents(c.getValue()),
    meta: { numeric: true },
  }),
];
