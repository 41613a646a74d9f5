import { formatInt } from '../lib/format';
import { PAGE_SIZES } from './use-customer-query';

/** Previous / Next, where we are, and how many rows a page holds. */
export function Pager({
  page,
  pageCount,
  pageSize,
  onPage,
  onPageSize,
}: {
  page: number;
  pageCount: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>
        Previous
      </button>
      <span aria-live="polite">
        Page {formatInt(page + 1)} of {formatInt(pageCount)}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page + 1 >= pageCount}>
        Next
      </button>
      <label>
        Rows per page{' '}
        <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
