import { useState } from 'react';
import type { HouseholdRule } from '../../src-shared/domain';
import { call } from '../lib/api';
import { formatCount } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';

const OPTIONS: { key: keyof HouseholdRule; label: string }[] = [
  { key: 'use_core_id', label: 'Use the household id from the core, where it has one' },
  { key: 'by_address', label: 'Group customers at the same mailing address' },
  { key: 'ignore_unit', label: 'Count apartments and suites of one building as one address' },
  { key: 'shared_accounts', label: 'Also group customers who own an account together' },
];

/** The householding rule in words, with the switches that change it; changing it regroups every customer. */
export function HouseholdRulePanel() {
  const current = useCall('households:get', {});
  const [draft, setDraft] = useState<HouseholdRule | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (current.error) return <ErrorPanel message={current.error} onRetry={current.reload} />;
  if (!current.data) return <Loading slow={current.slow} text="Loading the householding rule…" />;
  const settings = current.data;
  const rule = draft ?? settings.rule;
  const changed = OPTIONS.some((o) => rule[o.key] !== settings.rule[o.key]);

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('households:set-rule', { rule });
      setDraft(null);
      setConfirming(false);
      current.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="household-rule-title">
      <h2 id="household-rule-title">Households</h2>
      <p data-testid="household-rule">{settings.description}</p>
      <p className="muted">
        {formatCount(settings.customers, 'customer')} in {formatCount(settings.households, 'household')}.
      </p>
      <fieldset className="checks">
        <legend>Rule</legend>
        {OPTIONS.map((o) => (
          <label key={o.key}>
            <input
              type="checkbox"
              checked={rule[o.key]}
              disabled={busy || (o.key === 'ignore_unit' && !rule.by_address)}
              onChange={(e) => setDraft({ ...rule, [o.key]: e.target.checked })}
            />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
      {error && <p role="alert">{error}</p>}
      <div className="actions">
        <button type="button" disabled={!changed || busy} onClick={() => setConfirming(true)}>
          Regroup households…
        </button>
        {changed && (
          <button type="button" className="secondary" disabled={busy} onClick={() => setDraft(null)}>
            Keep the current rule
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Regroup every customer?"
          confirmLabel={busy ? 'Regrouping…' : 'Regroup'}
          busy={busy}
          onConfirm={() => void apply()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            All {formatCount(settings.customers, 'customer')} are grouped again by the new rule. Household counts,
            penetration and audiences follow. You can switch back the same way.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
