import { useId } from 'react';
import { formatCount } from '../lib/format';
import { runnableProfile } from './draft';
import { startImport } from './run-actions';
import { setupStore, type SetupState } from './session';

/** The last step: how strict to be, the balances' date, and the button that says what stops it. */
export function RunOptions({ setup, problems }: { setup: SetupState; problems: string[] }) {
  const id = useId();
  const blocked = problems.length > 0;
  const start = () => {
    setupStore.set({ notice: null });
    void startImport({
      paths: setup.files.map((f) => f.path),
      profile: runnableProfile(setup.draft, setup.base, setup.files),
      quarantine: setup.quarantine,
      ...(setup.asOf ? { as_of: setup.asOf } : {}),
    });
  };
  return (
    <section className="panel step" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={setup.quarantine}
          onChange={(e) => setupStore.set({ quarantine: e.target.checked })}
        />
        Import the good rows and quarantine the rest
      </label>
      <p className="muted small">
        Left off, one bad row stops the import: nothing is loaded and every problem is listed for you to fix.
      </p>
      <label className="field narrow">
        <span>Balances as of (optional)</span>
        <input type="date" value={setup.asOf} onChange={(e) => setupStore.set({ asOf: e.target.value })} />
        <span className="muted small">Keeps each imported account’s balance as its balance on this date.</span>
      </label>
      {blocked ? (
        <div id={`${id}-blocked`} className="blocked" role="status">
          <p>Before importing:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <button type="button" onClick={start} disabled={blocked} aria-describedby={blocked ? `${id}-blocked` : undefined}>
        Import {formatCount(setup.files.length, 'file')}
      </button>
    </section>
  );
}
