import { useState } from 'react';
import type { KliRule, KliSummary } from '../../src-shared/kli';
import { KLI_MEASURE_LABELS } from '../../src-shared/kli';
import { call } from '../lib/api';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { isMoneyMeasure } from './labels';
import { MoneyInput, NumberInput } from './number-fields';
import { errorText } from './session';

type Values = Record<string, number | null>;

/** The numbers of a rule a marketer may change; the rest (what counts, the direction) is the KLI itself. */
function valuesOf(rule: KliRule): Values {
  switch (rule.type) {
    case 'activity':
      return { min: rule.min, min_months: rule.min_months ?? 0 };
    case 'cash-flow':
      return { min_months: rule.min_months };
    case 'savings-vs-pay':
      return { multiple: rule.multiple };
    case 'balance':
      return { threshold_cents: rule.threshold_cents, months: rule.months };
  }
}

/** The rule with the edited numbers, or null while one of them is not a valid number. */
function ruleWith(rule: KliRule, v: Values): KliRule | null {
  if (Object.values(v).some((n) => n === null)) return null;
  const n = (key: string) => v[key] ?? 0;
  switch (rule.type) {
    case 'activity':
      return { ...rule, min: n('min'), min_months: n('min_months') };
    case 'cash-flow':
      return { ...rule, min_months: n('min_months') };
    case 'savings-vs-pay':
      return { ...rule, multiple: n('multiple') };
    case 'balance':
      return { ...rule, threshold_cents: n('threshold_cents'), months: n('months') };
  }
}

function Fields({
  rule,
  values,
  set,
}: {
  rule: KliRule;
  values: Values;
  set: (key: string, n: number | null) => void;
}) {
  // Each field names its key once, for what it shows and what it changes.
  const number = (key: string) => ({ value: values[key] ?? null, onChange: (n: number | null) => set(key, n) });
  const money = (key: string) => ({ cents: values[key] ?? null, onChange: (n: number | null) => set(key, n) });
  switch (rule.type) {
    case 'activity':
      return (
        <>
          {isMoneyMeasure(rule.measure) ? (
            <MoneyInput label={`At least (${KLI_MEASURE_LABELS[rule.measure]})`} {...money('min')} />
          ) : (
            <NumberInput
              label={`At least (${KLI_MEASURE_LABELS[rule.measure]})`}
              {...number('min')}
              min={0}
              max={rule.measure === 'months' ? 60 : 1_000_000}
            />
          )}
          <NumberInput
            label="In at least this many months"
            hint="0: no condition on months"
            unit="months"
            {...number('min_months')}
            min={0}
            max={60}
          />
        </>
      );
    case 'cash-flow':
      return (
        <NumberInput
          label="Months with more money in than out, at least"
          unit="months"
          {...number('min_months')}
          min={1}
          max={60}
        />
      );
    case 'savings-vs-pay':
      return (
        <NumberInput
          label="Deposit balances of at least"
          unit="× monthly net pay"
          integer={false}
          {...number('multiple')}
          min={0.1}
          max={120}
        />
      );
    case 'balance':
      return (
        <>
          <MoneyInput
            label={`Average collected balance ${rule.direction === 'below' ? 'below' : 'above'}`}
            {...money('threshold_cents')}
          />
          <NumberInput label="For consecutive months" unit="months" {...number('months')} min={1} max={24} />
        </>
      );
  }
}

/** A built-in KLI's numbers, changed (kli:tune) or put back to the library's defaults (rule null). */
export function KliParameters({ kli, onSaved }: { kli: KliSummary; onSaved: () => void }) {
  const [values, setValues] = useState<Values>(() => valuesOf(kli.rule));
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped when the rule comes back from the main process, so the inputs show its numbers.
  const [formKey, setFormKey] = useState(0);
  const [tuned, setTuned] = useState(kli.tuned);
  const next = ruleWith(kli.rule, values);
  const changed = next !== null && JSON.stringify(next) !== JSON.stringify(kli.rule);

  const tune = async (rule: KliRule | null) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const saved = await call('kli:tune', { id: kli.id, rule });
      setValues(valuesOf(saved.rule));
      setTuned(saved.tuned);
      setFormKey((k) => k + 1);
      setAsking(false);
      setMessage(
        rule === null
          ? 'Defaults restored. Recompute to see the figures under them.'
          : 'Saved. Recompute to see the figures under the new parameters.',
      );
      onSaved();
    } catch (e) {
      setAsking(false);
      setError(`The parameters could not be saved: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="kli-parameters-heading">
      <h2 id="kli-parameters-heading">Parameters</h2>
      <div className="param-fields" key={formKey}>
        <Fields rule={kli.rule} values={values} set={(key, n) => setValues((v) => ({ ...v, [key]: n }))} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => next && void tune(next)} disabled={busy || !changed}>
          {busy && !asking ? 'Saving…' : 'Save parameters'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => setAsking(true)}
          disabled={busy || !tuned}
          title={tuned ? undefined : 'These are the built-in numbers.'}
        >
          Restore defaults…
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`Restore the defaults of ${kli.name}?`}
          confirmLabel={busy ? 'Restoring…' : 'Restore defaults'}
          busy={busy}
          onConfirm={() => void tune(null)}
          onCancel={() => setAsking(false)}
        >
          <p>The parameters go back to the library’s defaults; the ones set here are forgotten.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
