import { flexRender, type Header } from '@tanstack/react-table';
import type { MouseEvent } from 'react';
import { announce } from '../lib/announce';

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A column header of our tables: a button that sorts when the column can be sorted, the
 * direction shown by a mark, told to screen readers by aria-sort and said aloud when it changes
 * ("Sorted by City, ascending").
 */
export function SortableHeader<T>({ header }: { header: Header<T, unknown> }) {
  const sorted = header.column.getIsSorted();
  const numeric = header.column.columnDef.meta?.numeric === true;
  const label = flexRender(header.column.columnDef.header, header.getContext());
  const sort = (event: MouseEvent<HTMLButtonElement>) => {
    const next = header.column.getNextSortingOrder();
    const name = event.currentTarget.textContent?.replace(/[▲▼]/g, '').trim() || header.column.id;
    header.column.getToggleSortingHandler()?.(event);
    announce(next ? `Sorted by ${name}, ${SORT_LABEL[next]}` : `${name}: no longer sorted`);
  };
  return (
    <th scope="col" className={numeric ? 'num' : ''} aria-sort={sorted ? SORT_LABEL[sorted] : undefined}>
      {header.column.getCanSort() ? (
        <button type="button" className={numeric ? 'sort-button numeric' : 'sort-button'} onClick={sort}>
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
