import { useState } from 'react';
import type { DownloadFile } from '../../src-shared/imports';
import type { Offer, RunSummary } from '../../src-shared/plan';
import { call } from '../lib/api';
import { FinalizeButton } from './finalize-button';
import { LetterPreview, useLetter } from './letter-preview';
import { CellsTable, WaterfallTable } from './run-tables';
import { errorText, longMonthLabel } from './plan-words';

/** The first mailed recipient's letter: the run's recipients give the customer and the offer. */
async function firstLetter(run: RunSummary, offers: Offer[]): Promise<DownloadFile> {
  const { rows } = await call('plan:recipients', { run_id: run.run_id, page: 1, page_size: 100 });
  const first = rows.find((r) => r.group === 'mailed');
  if (!first) throw new Error('This run mailed no one.');
  // A household given several offers has them joined in one letter: the first names it.
  const offer = offers.find((o) => first.offer.split(/[,+\s]+/).includes(o.code));
  if (!offer) throw new Error(`The offer ${first.offer} is no longer in the plan.`);
  const customer = await call('customers:get', { id: first.customer_id });
  return call('plan:preview', { offer_id: offer.id, customer: customer.customer_number });
}

/** What a run made: its cells, the waterfall, the files written, the first letter, and Finalize. */
export function RunResult({ run, offers, onFinalized }: { run: RunSummary; offers: Offer[]; onFinalized: () => void }) {
  const [letter, showLetter] = useLetter();
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const preview = async () => {
    setLoading(true);
    setPreviewError(null);
    try {
      showLetter(await firstLetter(run, offers));
    } catch (e) {
      setPreviewError(`The letter could not be previewed: ${errorText(e)}`);
    } finally {
      setLoading(false);
    }
  };
  return (
    <section className="panel run-result" aria-labelledby="run-result-title" data-testid="run-result">
      <h2 id="run-result-title">
        Run {run.run_id} · {longMonthLabel(run.month)} ·{' '}
        <span data-testid="run-status">{run.status === 'final' ? 'Final' : 'For review'}</span>
      </h2>
      <p className="muted">
        {run.status === 'final'
          ? 'Final: the contact history of its mailed pieces is written and the run cannot change.'
          : 'For review: check the counts and the letters, then finalize. Running the month again replaces this run.'}
      </p>
      <div className="panels">
        <div>
          <h3>Cells</h3>
          <CellsTable run={run} />
          <h3>Files written</h3>
          <ul className="run-files" aria-label="Files written">
            {run.files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Waterfall</h3>
          <WaterfallTable run={run} />
        </div>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void preview()} disabled={loading}>
          {loading ? 'Merging the letter…' : 'Preview the first letter'}
        </button>
        {run.status === 'review' ? (
          <FinalizeButton
            run={run}
            title={`Finalize the ${longMonthLabel(run.month)} run?`}
            onFinalized={() => onFinalized()}
          />
        ) : null}
      </div>
      {previewError ? (
        <p className="field-error" role="alert">
          {previewError}
        </p>
      ) : null}
      {letter ? <LetterPreview letter={letter} title="The run’s first letter" /> : null}
    </section>
  );
}
