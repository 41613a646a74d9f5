import { useEffect, useState } from 'react';
import type { SortingState } from '@tanstack/react-table';
import type { ApiInput } from '../../src-shared/api';
import { CUSTOMER_SORT_COLUMNS, type CustomerSortColumn } from '../../src-shared/domain';

export const PAGE_SIZES = [25, 50, 100] as const;
export const SEARCH_DEBOUNCE_MS = 250;

function isSortColumn(id: string): id is CustomerSortColumn {
  return (CUSTOMER_SORT_COLUMNS as readonly string[]).includes(id);
}

export interface CustomerQuery {
  input: ApiInput<'customers:list'>;
  searchText: string;
  setSearchText: (text: string) => void;
  sorting: SortingState;
  setSorting: (sorting: SortingState) => void;
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
}

/**
 * What the Customers screen asks the server for. The search box is debounced so a name typed
 * quickly sends one request, and every change of what is shown (search, sort, page size)
 * starts again at the first page.
 */
export function useCustomerQuery(): CustomerQuery {
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sorting, setSortingState] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSizeState] = useState<number>(50);

  const wanted = searchText.trim();
  useEffect(() => {
    if (wanted === search) return undefined;
    const timer = setTimeout(() => {
      setSearch(wanted);
      setPage(0);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [wanted, search]);

  const sort = sorting[0];
  const input: ApiInput<'customers:list'> = {
    page,
    page_size: pageSize,
    search,
    sort: sort && isSortColumn(sort.id) ? sort.id : 'name',
    direction: sort?.desc ? 'desc' : 'asc',
  };

  return {
    input,
    searchText,
    setSearchText,
    sorting,
    setSorting: (next) => {
      setSortingState(next);
      setPage(0);
    },
    setPage,
    setPageSize: (size) => {
      setPageSizeState(size);
      setPage(0);
    },
  };
}
