import { useRef, useState, type KeyboardEvent } from 'react';
import type { AuditRow } from '../../src-shared/audit-log';
import { Pager } from '../customers/pager';
import { formatCount } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { AuditDetail } from './audit-detail';
import { AuditExportButtons } from './audit-export';
import { AuditTable } from './audit-table';
import { entityWords } from './audit-words';
import { useAuditQuery } from './use-audit-query';
import './audit.css';

/** The choices of a filter, keeping the chosen one even when the log no longer holds it. */
const withChosen = (values: string[], chosen: string) =>
  chosen && !values.includes(chosen) ? [chosen, ...values] : values;

/**
 * The audit log for a compliance review: every change people made (imports, rules, approvals),
 * newest first, filtered by kind of record, person and text; an entry opened shows its detail
 * beside the table, an edit as its fields before and after. Export saves what the filters show.
 */
export function AuditLogView() {
  const query = useAuditQuery();
  const result = useCall('audit:list', query.input);
  const { data } = result;
  // An entry stays open while the filters it was opened under hold; new filters close it.
  const filtersKey = JSON.stringify(query.filters);
  const [opened, setOpened] = useState<{ entry: AuditRow; filtersKey: string } | null>(null);
  const entry = opened?.filtersKey === filtersKey ? opened.entry : null;
  const tableWrap = useRef<HTMLDivElement>(null);

  const close = () => {
    const id = entry?.id;
    setOpened(null);
    // Back to the row the detail came from, so the keyboard carries on where it was.
    tableWrap.current?.querySelector<HTMLElement>(`tr[data-entry="${id}"]`)?.focus();
  };
  // From the search box, ArrowDown goes straight to the entries.
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return;
    const first = tableWrap.current?.querySelector<HTMLElement>('tbody tr');
    if (!first) return;
    event.preventDefault();
    first.focus();
  };

  let body;
  if (!data) {
    body = result.error ? null : <Loading slow={result.slow} text="Loading the audit log…" />;
  } else if (data.total === 0) {
    body = query.filtered ? (
      <div className="panel audit-empty">
        <p>No entry matches these filters.</p>
        <button type="button" className="secondary" onClick={query.clear}>
          Clear the filters
        </button>
      </div>
    ) : (
      <p className="panel muted audit-empty">
        Nothing has been recorded yet. Imports, roll-backs, rule and settings changes, audience approvals and KLI
        computes are written here as people make them, with who and when.
      </p>
    );
  } else {
    body = (
      <div className="audit-layout">
        <div className="audit-list">
          <div className="table-wrap audit-table-wrap" ref={tableWrap}>
            <AuditTable
              entries={data.entries}
              total={data.total}
              offset={query.input.offset ?? 0}
              openId={entry?.id ?? null}
              onOpen={(row) => setOpened({ entry: row, filtersKey })}
            />
          </div>
          <Pager {...query.paging.pager(data.total)} />
        </div>
        {entry ? (
          <AuditDetail key={entry.id} entry={entry} onClose={close} />
        ) : (
          <p className="panel muted audit-detail-hint">
            Open an entry (click it, or press Enter on it) to see everything recorded with it; for an edit or an
            approval, each field before and after.
          </p>
        )}
      </div>
    );
  }

  return (
    <>
      <p className="muted audit-intro">
        Who did what and when: every import, roll-back, change of rules or settings and every audience approval made
        with this database. Times are this computer’s local time.
      </p>
      <div className="toolbar audit-filters" role="search" aria-label="Filter the audit log">
        <label className="field">
          <span>Record kind</span>
          <select value={query.entity} onChange={(e) => query.setEntity(e.target.value)}>
            <option value="">All kinds</option>
            {withChosen(data?.entities ?? [], query.entity).map((entity) => (
              <option key={entity} value={entity}>
                {entityWords(entity)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Person</span>
          <select value={query.actor} onChange={(e) => query.setActor(e.target.value)}>
            <option value="">Everyone</option>
            {withChosen(data?.actors ?? [], query.actor).map((actor) => (
              <option key={actor} value={actor}>
                {actor}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Search</span>
          <input
            type="search"
            className="search"
            placeholder="Action, record id or detail"
            value={query.searchText}
            onChange={(e) => query.setSearchText(e.target.value)}
            onKeyDown={onSearchKey}
          />
        </label>
        <AuditExportButtons filters={query.filters} disabled={!data || data.total === 0} />
      </div>
      <p className="muted small audit-count" role="status" data-testid="audit-count">
        {data ? formatCount(data.total, 'entry', 'entries') : ''}
        {data && result.slow ? ' · updating…' : ''}
      </p>
      {result.error ? (
        <ErrorPanel message={`The audit log could not be loaded: ${result.error}`} onRetry={result.reload} />
      ) : null}
      {body}
    </>
  );
}
