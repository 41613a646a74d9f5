import { useMemo } from 'react';
import type { AudienceCatalog, AudienceVersion, FieldSpec } from '../../src-shared/audience';
import { useStore } from '../lib/store';
import { audienceStore, backToList, editDraft, isDirty, isLocked, newestVersion } from './audience-store';
import { CountsPanel } from './counts-panel';
import { DetailsPanel } from './details-panel';
import { ExplainPanel } from './explain-panel';
import { GovernanceBar } from './governance-bar';
import { OfferPanel } from './offer-panel';
import { RuleBuilder } from './rule-builder';
import { readDraft } from './rule-draft';
import { useLiveCounts, type AudienceQuery } from './use-live-counts';
import { VersionHistory } from './version-history';
import { approvalWords, formatDay, STATUS_WORDS } from './version-words';

function LockNotice({ version }: { version: AudienceVersion }) {
  const words =
    version.status === 'approved'
      ? `${approvalWords(version)} — locked.`
      : `Retired on ${formatDay(version.retired_at)}${version.approved_by ? ` (${approvalWords(version).toLowerCase()})` : ''} — locked.`;
  return (
    <div className="notice locked-notice" role="status" data-testid="audience-locked">
      <p>
        <strong>{words}</strong> An approved version never changes; “Edit as new version” starts the next one as a
        draft.
      </p>
      {version.approval_comment ? <p className="muted">“{version.approval_comment}”</p> : null}
    </div>
  );
}

/** The builder, its live counts, the steps of approval, the history, and "explain a customer". */
export function AudienceEditor({ catalog }: { catalog: AudienceCatalog }) {
  const state = useStore(audienceStore);
  const specs = useMemo(() => new Map<string, FieldSpec>(catalog.fields.map((f) => [f.field, f])), [catalog]);
  const version = newestVersion(state);
  const locked = isLocked(version);
  const dirty = isDirty(state);
  const read = useMemo(() => readDraft(state.root, specs), [state.root, specs]);
  const query: AudienceQuery | null = read.ok
    ? { rule: read.rule, product_code: state.productCode || null, suppressions_off: state.suppressionsOff }
    : null;
  const live = useLiveCounts(query);
  const problems = read.ok ? new Map<string, string>() : read.problems;
  const title = state.audience?.name ?? 'New audience';

  if (state.busy === 'open') return <p className="loading">Opening the audience…</p>;

  return (
    <div className="audience-editor">
      <button type="button" className="link-button" onClick={backToList}>
        ← All audiences
      </button>
      <div className="audience-title">
        <h2 data-testid="audience-title">{title}</h2>
        {version ? (
          <span className={`status status-${version.status}`} data-testid="audience-status">
            Version {version.version} · {STATUS_WORDS[version.status]}
          </span>
        ) : null}
      </div>
      {!state.audience ? (
        <div className="field audience-name">
          <label htmlFor="audience-name">
            <span>Audience name</span>
          </label>
          <input
            id="audience-name"
            type="text"
            value={state.name}
            placeholder="e.g. Payroll here, no mortgage"
            onChange={(e) => editDraft({ name: e.target.value })}
          />
        </div>
      ) : null}
      {version && locked ? <LockNotice version={version} /> : null}
      {version?.status === 'submitted' ? (
        <p className="notice" data-testid="audience-submitted">
          Submitted {formatDay(version.submitted_at)} by {version.submitted_by}: waiting for approval.
          {version.fair_lending.length > 0
            ? ` The fair-lending check warned about ${version.fair_lending.map((w) => w.field).join(', ')}.`
            : ''}
        </p>
      ) : null}
      <GovernanceBar state={state} version={version} rule={read.ok ? read.rule : null} dirty={dirty} />
      {state.error ? (
        <p className="blocked" role="alert" data-testid="audience-action-error">
          {state.error}
        </p>
      ) : null}
      {state.notice ? (
        <p className="success" role="status" data-testid="audience-notice">
          {state.notice}
        </p>
      ) : null}

      <div className="audience-grid">
        <div className="audience-column">
          <section className="panel" aria-labelledby="audience-rule-heading">
            <h2 id="audience-rule-heading">Rule</h2>
            {live.error ? (
              <p className="blocked" role="alert" data-testid="audience-rule-error">
                {live.error}
              </p>
            ) : null}
            <RuleBuilder
              root={state.root}
              fields={catalog.fields}
              specs={specs}
              problems={problems}
              readOnly={locked}
              onChange={(root) => editDraft({ root })}
            />
          </section>
          <OfferPanel
            catalog={catalog}
            productCode={state.productCode}
            suppressionsOff={state.suppressionsOff}
            readOnly={locked}
            onProduct={(productCode) => editDraft({ productCode })}
            onSuppressionsOff={(suppressionsOff) => editDraft({ suppressionsOff })}
          />
        </div>
        <div className="audience-column audience-side">
          <CountsPanel
            count={live.count}
            outdated={live.outdated}
            waiting={
              !read.ok
                ? 'Finish the conditions marked in red to update the counts.'
                : live.outdated
                  ? 'Counting…'
                  : null
            }
          />
        </div>
      </div>
      {live.details ? <DetailsPanel details={live.details} outdated={live.detailsOutdated} /> : null}
      <ExplainPanel query={query} specs={specs} />
      {state.audience ? <VersionHistory versions={state.audience.versions} /> : null}
    </div>
  );
}
