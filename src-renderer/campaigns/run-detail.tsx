import type { RunSummary } from '../../src-shared/plan';
import { href } from '../lib/router';
import { FinalizeButton } from '../matrix/finalize-button';
import { CellsTable, WaterfallTable } from '../matrix/run-tables';
import { runStatusLabel, runTitle } from './campaign-words';

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
            <FinalizeButton run={run} title={`Finalize ${runTitle(run)}?`} onFinalized={onFinalized} />
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
