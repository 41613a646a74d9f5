import { useEffect, useRef } from 'react';
import type { ImportOutcome } from '../../src-shared/imports';
import { formatCount, formatInt } from '../lib/format';
import { IssueTable } from './issue-table';
import { ReportExport } from './report-export';
import { closeRun, importWithQuarantine } from './run-actions';
import { setupStore } from './session';

type Refused = Extract<ImportOutcome, { status: 'refused' }>;

function fixFiles(): void {
  closeRun();
  setupStore.set({
    notice:
      'Correct the rows the report lists, in the files or in the mapping below, then choose the corrected files again and import.',
  });
}

/** A refused import: nothing was written; what is wrong, where, and the two ways on. */
export function RefusedReport({ outcome, jobId }: { outcome: Refused; jobId: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const listed = outcome.errors.length;
  const rows = new Set(outcome.errors.map((e) => `${e.file}\n${e.row}`)).size;
  return (
    <section className="panel step" aria-labelledby="refused-heading">
      <h2 id="refused-heading" ref={heading} tabIndex={-1}>
        Nothing was imported
      </h2>
      {/* The message names the first problem; with the problems listed below it only repeats them. */}
      {listed === 0 && <p>{outcome.message}</p>}
      <p role="status" data-testid="report-count">
        {formatCount(outcome.error_count, 'problem')} found
        {listed < outcome.error_count
          ? `; the first ${formatInt(listed)} are listed.`
          : ` in ${formatCount(rows, 'row')}.`}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={fixFiles}>
          Fix the files and try again
        </button>
        <button type="button" onClick={importWithQuarantine}>
          Import the good rows, quarantine the rest
        </button>
      </div>
      <p className="muted small">
        Quarantined rows are kept with their reasons, out of the customer file, and can be exported from the import’s
        data-quality view.
      </p>
      <h3>Problems</h3>
      <ReportExport source={{ job_id: jobId }} what="report" />
      <div className="table-wrap tall">
        <IssueTable issues={outcome.errors} label="Problems found in the files" />
      </div>
    </section>
  );
}
