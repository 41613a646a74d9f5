import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import type { RunSummary } from '../../src-shared/plan';
import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { count, monthLabel } from '../matrix/plan-words';
import { DataGrid } from '../shell/data-grid';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { runStatusLabel, runTotals } from './campaign-words';
import { RecipientsPanel } from './recipients-panel';
import { RunDetail } from './run-detail';

const column = createColumnHelper<RunSummary>();

const columns = [
  column.accessor('month', { header: 'Month', cell: (c) => monthLabel(c.getValue()) }),
  column.accessor('run_id', { header: 'Run', meta: { numeric: true } }),
  column.accessor('status', {
    header: 'Status',
    cell: (c) => <span className={`status-tag ${c.getValue()}`}>{runStatusLabel(c.getValue())}</span>,
  }),
  column.accessor((run) => runTotals(run).mailed, {
    id: 'mailed',
    header: 'Pieces mailed',
    cell: (c) => count(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor((run) => runTotals(run).control, {
    id: 'control',
    header: 'Held out',
    cell: (c) => count(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor((run) => run.cells.map((c) => `${c.audience} · ${c.offer}`).join('; '), {
    id: 'cells',
    header: 'Cells',
    cell: (c) => (
      <ul className="plain cell-list">
        {c.row.original.cells.map((cell) => (
          <li key={`${cell.audience}|${cell.offer}`}>
            {cell.audience} · <strong>{cell.offer}</strong>
          </li>
        ))}
      </ul>
    ),
    meta: { wrap: true },
  }),
];

/** The Runs tab: every month run, newest first; the one chosen with its cells, waterfall and recipients. */
export function RunsTab() {
  const runs = useCall('plan:runs', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const [finalized, setFinalized] = useState<RunSummary | null>(null);
  if (runs.error && !runs.data)
    return <ErrorPanel message={`The runs could not be loaded: ${runs.error}`} onRetry={runs.reload} />;
  if (!runs.data) return <Loading slow={runs.slow} text="Loading the runs…" />;
  if (runs.data.length === 0)
    return (
      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Campaign history</h2>
        <p className="empty">
          No month has been run yet. A campaign starts as a month run of the matrix: the letters, the mail file and the
          control group held out.
        </p>
        <a className="button-link" href={href({ screen: 'month-run' })}>
          Run a month
        </a>
      </section>
    );
  // A run finalized here shows as final at once, before the list comes back.
  const list = runs.data.map((r) => (finalized?.run_id === r.run_id ? { ...r, ...finalized } : r));
  const shown = list.find((r) => r.run_id === chosen) ?? list[0];
  return (
    <>
      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Campaign history</h2>
        <p className="muted">
          Every month run, newest first. Choose one (click it, or Enter on its row) to see its cells, waterfall and
          recipients.
        </p>
        <div className="table-scroll">
          <DataGrid
            label="Campaigns"
            data={list}
            columns={columns}
            getRowId={(r) => String(r.run_id)}
            rowTestId="campaign-row"
            currentRowId={shown ? String(shown.run_id) : null}
            onOpen={(row) => setChosen(row.original.run_id)}
          />
        </div>
      </section>
      {shown ? (
        <>
          <RunDetail
            key={shown.run_id}
            run={shown}
            onFinalized={(final) => {
              setFinalized(final);
              runs.reload();
            }}
          />
          <RecipientsPanel key={`recipients-${shown.run_id}`} runId={shown.run_id} />
        </>
      ) : null}
    </>
  );
}
