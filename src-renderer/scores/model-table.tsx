import { createColumnHelper } from '@tanstack/react-table';
import type { ProductFamily } from '../../src-shared/domain';
import type { ScoreModel } from '../../src-shared/scores';
import { formatInt } from '../lib/format';
import { formatDay } from '../audiences/version-words';
import { DataGrid } from '../shell/data-grid';
import { aucWords, familyLabel, openedWords, topTenthWords } from './score-words';

const column = createColumnHelper<ScoreModel>();
const topLift = (m: ScoreModel) => m.deciles.find((d) => d.decile === 1)?.lift ?? -1;

const columns = [
  column.accessor((m) => familyLabel(m.family), { id: 'family', header: 'Product family', meta: { wrap: true } }),
  column.accessor('openers', {
    header: 'Opened in the window',
    cell: (c) => openedWords(c.row.original),
    sortingFn: 'basic',
    meta: { numeric: true },
  }),
  column.accessor((m) => m.auc ?? -1, {
    id: 'auc',
    header: 'Holdout AUC',
    cell: (c) => <span data-testid="scores-auc">{aucWords(c.row.original.auc)}</span>,
    sortingFn: 'basic',
  }),
  column.accessor(topLift, {
    id: 'lift',
    header: 'Top tenth',
    cell: (c) => <span data-testid="scores-lift">{topTenthWords(c.row.original)}</span>,
    sortingFn: 'basic',
  }),
  column.accessor('scored', {
    header: 'Customers scored',
    cell: (c) => formatInt(c.getValue()),
    sortingFn: 'basic',
    meta: { numeric: true },
  }),
  column.accessor('trained_at', { header: 'Learned', cell: (c) => formatDay(c.getValue()) }),
];

/**
 * One row per family scored, sortable by any figure. Tab enters the table once, the arrow keys
 * move between rows, and a click, Enter or Space opens a family's detail below.
 */
export function ModelTable({
  models,
  openFamily,
  onOpen,
}: {
  models: ScoreModel[];
  openFamily: ProductFamily | null;
  onOpen: (family: ProductFamily) => void;
}) {
  return (
    <DataGrid
      label="Next-product scores by family"
      className="scores-table"
      data={models}
      columns={columns}
      getRowId={(m) => m.family}
      rowTestId="scores-row"
      rowIdAttribute="data-family"
      sortable
      currentRowId={openFamily}
      onOpen={(row) => onOpen(row.original.family)}
    />
  );
}
