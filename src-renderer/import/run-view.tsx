import { useEffect, useRef, type ReactNode } from 'react';
import type { ImportOutcome } from '../../src-shared/imports';
import { formatCount, formatInt } from '../lib/format';
import { ErrorPanel } from '../shell/error-panel';
import { ImportProgress } from './import-progress';
import { QualityView } from './quality-view';
import { RefusedReport } from './refused-report';
import { closeRun } from './run-actions';
import { setupStore, viewStore, type RunState } from './session';

/** The outcome's heading takes focus, so keyboard and screen-reader users land on the news. */
function useFocusedHeading() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return heading;
}

function importMore(): void {
  closeRun();
  setupStore.set({ files: [], hints: {}, notice: null });
}

function Loaded({ outcome }: { outcome: Extract<ImportOutcome, { status: 'loaded' }> }) {
  const heading = useFocusedHeading();
  const loaded = outcome.files.reduce((sum, f) => sum + f.rows_loaded, 0);
  const quarantined = outcome.files.reduce((sum, f) => sum + f.rows_quarantined, 0);
  return (
    <>
      <section className="panel step" aria-labelledby="loaded-heading">
        <h2 id="loaded-heading" ref={heading} tabIndex={-1}>
          Import #{outcome.import_id} is loaded
        </h2>
        <p role="status">
          {formatCount(loaded, 'row')} loaded from {formatCount(outcome.files.length, 'file')}
          {quarantined > 0 ? `; ${formatInt(quarantined)} quarantined with their reasons (listed below)` : ''}.
        </p>
        <div className="actions">
          <button type="button" onClick={importMore}>
            Import more files
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => viewStore.set({ tab: 'history', qualityOf: null })}
          >
            See all imports
          </button>
        </div>
      </section>
      <QualityView importId={outcome.import_id} />
    </>
  );
}

function Ended({ title, children }: { title: string; children: ReactNode }) {
  const heading = useFocusedHeading();
  return (
    <section className="panel step" aria-labelledby="ended-heading">
      <h2 id="ended-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
      <button type="button" onClick={closeRun}>
        Back to the files
      </button>
    </section>
  );
}

/** An import from its start to its outcome. */
export function RunView({ run }: { run: RunState }) {
  const { outcome } = run;
  if (!outcome && run.error && run.job?.state !== 'running') {
    return (
      <Ended title="The import did not finish">
        <ErrorPanel message={run.error} />
      </Ended>
    );
  }
  if (!outcome) {
    return (
      <>
        <ImportProgress run={run} />
        {run.error ? <ErrorPanel message={run.error} /> : null}
      </>
    );
  }
  switch (outcome.status) {
    case 'loaded':
      return <Loaded outcome={outcome} />;
    case 'refused':
      return <RefusedReport outcome={outcome} jobId={run.job?.id ?? ''} />;
    case 'cancelled':
      return (
        <Ended title="Import cancelled">
          <p role="status">Nothing was imported: the database is exactly as it was before the import started.</p>
        </Ended>
      );
    case 'failed':
      return (
        <Ended title="The import failed">
          <ErrorPanel message={`${outcome.message} Nothing was imported.`} />
        </Ended>
      );
  }
}
