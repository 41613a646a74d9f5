import { useCallback, useState } from 'react';

/**
 * A server-paged list's page and page size; a new page size goes back to the first page. The
 * Pager's props come from `pager(total)`.
 */
export function usePaging(initialSize: number) {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(initialSize);
  const pageCount = (total: number) => Math.max(1, Math.ceil(total / pageSize));
  // Stable, so an effect can depend on it.
  const restart = useCallback(() => setPage(0), []);
  return {
    page,
    pageSize,
    /** Back to the first page, as when a filter changes what the list holds. */
    restart,
    pager: (total: number) => ({
      page,
      pageCount: pageCount(total),
      pageSize,
      onPage: setPage,
      onPageSize: (size: number) => {
        setPageSize(size);
        setPage(0);
      },
    }),
  };
}
