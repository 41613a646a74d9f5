import { useRef, type KeyboardEvent } from 'react';
import { formatCount } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { CustomersTable } from './customers-table';
import { Pager } from './pager';
import { useCustomerQuery } from './use-customer-query';

export function CustomersScreen() {
  const query = useCustomerQuery();
  const result = useCall('customers:list', query.input);
  const { data } = result;
  const tableWrap = useRef<HTMLDivElement>(null);
  const pageSize = data?.page_size ?? query.input.page_size;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;

  // From the search box, ArrowDown goes straight to the results.
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return;
    const first = tableWrap.current?.querySelector<HTMLElement>('tbody tr');
    if (!first) return;
    event.preventDefault();
    first.focus();
  };

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Customers</h1>
        <p className="muted">
          Every customer in the open database. Click a row, or press Enter on it, to open a profile.
        </p>
      </header>
      <div className="toolbar" role="search">
        <input
          type="search"
          className="search"
          aria-label="Search customers"
          placeholder="Name, customer number or city"
          value={query.searchText}
          onChange={(e) => query.setSearchText(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <span className="muted" role="status" data-testid="customer-count">
          {data ? formatCount(data.total, 'customer') : ''}
        </span>
        {data && result.slow ? (
          <span className="muted small" aria-hidden="true">
            Updating…
          </span>
        ) : null}
      </div>
      {result.error ? (
        <ErrorPanel message={`Customers could not be loaded: ${result.error}`} onRetry={result.reload} />
      ) : null}
      {!data && !result.error ? <Loading slow={result.slow} text="Loading customers…" /> : null}
      {data ? (
        <>
          <div className="table-wrap tall" ref={tableWrap}>
            <CustomersTable
              page={data}
              loading={result.loading}
              sorting={query.sorting}
              onSortingChange={query.setSorting}
            />
            {data.rows.length === 0 ? (
              <p className="empty">
                {query.input.search ? `No customer matches “${query.input.search}”.` : 'No customers yet.'}
              </p>
            ) : null}
          </div>
          <Pager
            page={query.input.page}
            pageCount={pageCount}
            pageSize={query.input.page_size}
            onPage={query.setPage}
            onPageSize={query.setPageSize}
          />
        </>
      ) : null}
    </div>
  );
}
