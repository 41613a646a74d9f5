import { flexRender, type Header } from '@tanstack/react-table';

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A column header of our tables: a button that sorts when the column can be sorted, the
 * direction shown by a mark and told to screen readers by aria-sort.
 */
export function SortableHeader<T>({ header }: { header: Header<T, unknown> }) {
  const sorted = header.column.getIsSorted();
  const numeric = header.column.columnDef.meta?.numeric === true;
  const label = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th scope="col" className={numeric ? 'num' : ''} aria-sort={sorted ? SORT_LABEL[sorted] : undefined}>
      {header.column.getCanSort() ? (
        <button
          type="button"
          className={numeric ? 'sort-button numeric' : 'sort-button'}
          onClick={header.column.getToggleSortingHandler()}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
