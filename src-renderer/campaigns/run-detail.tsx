import { useState } from 'react';
import type { RunSummary } from '../../src-shared/plan';
import { call } from '../lib/api';
import { href } from '../lib/router';
import { count, errorText } from '../matrix/plan-words';
import { runStore, showRun } from '../matrix/run-store';
import { CellsTable, WaterfallTable } from '../matrix/run-tables';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { runStatusLabel, runTitle, runTotals } from './campaign-words';

function FinalizeButton({ run, onFinalized }: { run: RunSummary; onFinalized: (final: RunSummary) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const finalize = async () => {
    setBusy(true);
    setError(null);
    try {
      const final = await call('plan:finalize', { run_id: run.run_id });
      // The Matrix's Run a month tab may be showing the same run: it should not offer Finalize again.
      if (runStore.get().summary?.run_id === final.run_id) showRun(final);
      setAsking(false);
      onFinalized(final);
    } catch (e) {
      setAsking(false);
      setError(`The run could not be finalized: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => setAsking(true)}>
        Finalize…
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`Finalize ${runTitle(run)}?`}
          confirmLabel={busy ? 'Finalizing…' : 'Finalize'}
          busy={busy}
          onConfirm={() => void finalize()}
          onCancel={() => setAsking(false)}
        >
          <p>
            A final run cannot change; the contact history of {count(runTotals(run).mailed)} mailed pieces is written,
            and responses can be matched to it.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** One run: its cells and waterfall, and what comes next (Finalize, or its results). */
export function RunDetail({ run, onFinalized }: { run: RunSummary; onFinalized: (final: RunSummary) => void }) {
  return (
    <section className="panel run-detail" aria-labelledby="run-detail-title" data-testid="run-detail">
      <div className="panel-head">
        <h2 id="run-detail-title">
          {runTitle(run)} · <span data-testid="run-detail-status">{runStatusLabel(run.status)}</span>
        </h2>
        <div className="actions">
          {run.status === 'final' ? (
            <a
              className="button-link"
              href={href({ screen: 'stage', stage: 'results' })}
              aria-label={`Results of run ${run.run_id}`}
            >
              Results
            </a>
          ) : (
            <FinalizeButton run={run} onFinalized={onFinalized} />
          )}
        </div>
      </div>
      <p className="muted">
        {run.status === 'final'
          ? 'Final: the contact history of its mailed pieces is written and the run cannot change. Responses are matched to the households it mailed or held out.'
          : 'For review: check the counts and the letters, then finalize. Running the month again replaces this run.'}
      </p>
      <div className="panels">
        <div>
          <h3>Cells</h3>
          <CellsTable run={run} />
        </div>
        <div>
          <h3>Waterfall</h3>
          <WaterfallTable run={run} />
        </div>
      </div>
    </section>
  );
}
