import { getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import type { CustomerPage } from '../../src-shared/domain';
import { navigate } from '../lib/router';
import { GridSections } from '../shell/grid-sections';
import { customerColumns } from './customer-columns';

const NO_ROWS: CustomerPage['rows'] = [];

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
  const table = useReactTable({
    data: page?.rows ?? NO_ROWS,
    columns: customerColumns,
    getRowId: (customer) => String(customer.id),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
  });

  return (
    <table
      className="data-table clickable"
      aria-label="Customers"
      aria-busy={loading}
      aria-rowcount={page ? page.total + 1 : -1}
    >
      <GridSections
        table={table}
        rowTestId="customer-row"
        firstRowIndex={page ? page.page * page.page_size : 0}
        onOpen={(row) => navigate({ screen: 'customer', id: row.original.id })}
      />
    </table>
  );
}
