import { useState } from 'react';
import type { RunSummary } from '../../src-shared/plan';
import { call } from '../lib/api';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { count, errorText, runTotals } from './plan-words';
import { runStore, showRun } from './run-store';

/**
 * Finalize…, after a confirmation: the run locks and its contact history is written. The Matrix's
 * Run a month tab, if it shows the same run, is told so it no longer offers Finalize.
 */
export function FinalizeButton({
  run,
  title,
  onFinalized,
}: {
  run: RunSummary;
  title: string;
  onFinalized: (final: RunSummary) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const finalize = async () => {
    setBusy(true);
    setError(null);
    try {
      const final = await call('plan:finalize', { run_id: run.run_id });
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
          title={title}
          confirmLabel={busy ? 'Finalizing…' : 'Finalize'}
          busy={busy}
          onConfirm={() => void finalize()}
          onCancel={() => setAsking(false)}
        >
          <p>
            A final run cannot change; the contact history of {count(runTotals(run).mailed)} mailed pieces is written.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
