import { useState } from 'react';
import {
  MERCHANT_CATEGORIES,
  MERCHANT_CATEGORY_LABELS,
  MERCHANT_RULE_MATCHES,
  type MerchantCategory,
  type MerchantRuleMatch,
} from '../../src-shared/merchant-categories';
import type { MerchantRule } from '../../src-shared/merchants';
import { call } from '../lib/api';
import { formatCount } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { RuleTester } from './rule-tester';

const MATCH_LABEL: Record<MerchantRuleMatch, string> = {
  contains: 'contains',
  starts_with: 'starts with',
  exact: 'is exactly',
};

const blank = (): MerchantRule => ({ pattern: '', match: 'contains', merchant: '', category: 'other' });
const incomplete = (r: MerchantRule) => r.pattern.trim() === '' || r.merchant.trim() === '';

function RuleRow({
  rule,
  index,
  onChange,
  onRemove,
}: {
  rule: MerchantRule;
  index: number;
  onChange: (rule: MerchantRule) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <tr data-testid="merchant-rule">
      <td>
        <select
          aria-label={`Rule ${n}: how the description is compared`}
          value={rule.match}
          onChange={(e) => onChange({ ...rule, match: e.target.value as MerchantRuleMatch })}
        >
          {MERCHANT_RULE_MATCHES.map((m) => (
            <option key={m} value={m}>
              {MATCH_LABEL[m]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`Rule ${n}: description text`}
          value={rule.pattern}
          onChange={(e) => onChange({ ...rule, pattern: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={`Rule ${n}: merchant name`}
          value={rule.merchant}
          onChange={(e) => onChange({ ...rule, merchant: e.target.value })}
        />
      </td>
      <td>
        <select
          aria-label={`Rule ${n}: category`}
          value={rule.category}
          onChange={(e) => onChange({ ...rule, category: e.target.value as MerchantCategory })}
        >
          {MERCHANT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {MERCHANT_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" className="secondary" onClick={onRemove} aria-label={`Remove rule ${n}`}>
          Remove
        </button>
      </td>
    </tr>
  );
}

/**
 * The bank's own merchant rules: they win over the built-in dictionary of merchants. Saving
 * cleans every loaded transaction again.
 */
export function MerchantRulesPanel() {
  const saved = useCall('merchants:rules', {});
  const [draft, setDraft] = useState<MerchantRule[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (saved.error) return <ErrorPanel message={saved.error} onRetry={saved.reload} />;
  if (!saved.data) return <Loading slow={saved.slow} text="Loading the merchant rules…" />;
  const rules = draft ?? saved.data;
  const update = (next: MerchantRule[]) => {
    setDraft(next);
    setMessage(null);
  };
  const blocked = rules.some(incomplete);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('merchants:save-rules', { rules });
      setDraft(null);
      setMessage(`Saved. ${formatCount(result.changed, 'transaction')} got a new merchant or category.`);
      saved.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="merchant-rules-title">
      <h2 id="merchant-rules-title">Merchant rules</h2>
      <p className="muted">
        Each transaction&apos;s description is cleaned into a merchant and a category: your rules first (top to bottom),
        then the built-in list of common merchants and payees, then the card&apos;s MCC. The description as the core
        wrote it is kept beside it.
      </p>
      {rules.length === 0 ? (
        <p>No rules of your own yet.</p>
      ) : (
        <table className="data-table rules-table">
          <thead>
            <tr>
              <th scope="col">When the description…</th>
              <th scope="col">Text</th>
              <th scope="col">Merchant</th>
              <th scope="col">Category</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, i) => (
              <RuleRow
                key={i}
                rule={rule}
                index={i}
                onChange={(next) => update(rules.map((r, j) => (j === i ? next : r)))}
                onRemove={() => update(rules.filter((_, j) => j !== i))}
              />
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => update([...rules, blank()])} disabled={busy}>
          Add a rule
        </button>
        <button type="button" onClick={() => void save()} disabled={busy || draft === null || blocked}>
          {busy ? 'Saving and re-cleaning…' : 'Save rules'}
        </button>
        {blocked && <span className="muted">Every rule needs its text and a merchant name.</span>}
      </div>
      {message && <p role="status">{message}</p>}
      {error && <p role="alert">{error}</p>}
      <RuleTester rules={rules.filter((r) => !incomplete(r))} />
    </section>
  );
}
