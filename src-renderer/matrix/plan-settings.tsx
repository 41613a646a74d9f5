import { useState, type FormEvent } from 'react';
import type { PlanSettings } from '../../src-shared/plan';
import { call } from '../lib/api';
import { errorText } from './plan-words';

/** Percent shown for a share: 0.1 → "10". */
const percentText = (share: number) => String(Math.round(share * 1000) / 10);

/** The plan's settings: its first month, the control group, offers a household a month, the budget. */
export function PlanSettingsForm({ settings, onSaved }: { settings: PlanSettings; onSaved: () => void }) {
  const [start, setStart] = useState(settings.start_month ?? '');
  const [control, setControl] = useState(percentText(settings.control_share));
  const [perHousehold, setPerHousehold] = useState(settings.offers_per_household);
  const [budget, setBudget] = useState(settings.budget === null ? '' : String(settings.budget));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const controlShare = Number(control) / 100;
    const budgetValue = budget.trim() === '' ? null : Number(budget.replace(/[$,\s]/g, ''));
    if (!Number.isFinite(controlShare) || (budgetValue !== null && !Number.isFinite(budgetValue))) {
      setMessage({ error: true, text: 'The control group and the budget are numbers.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await call('plan:settings', {
        ...(start ? { start_month: start } : {}),
        control_share: controlShare,
        offers_per_household: perHousehold,
        budget: budgetValue,
      });
      setMessage({ error: false, text: 'Settings saved.' });
      onSaved();
    } catch (error) {
      setMessage({ error: true, text: `The settings could not be saved: ${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="plan-settings" aria-label="Plan settings" onSubmit={(e) => void save(e)} noValidate>
      <label className="field">
        <span>First month</span>
        <input type="month" value={start} onChange={(e) => setStart(e.target.value)} />
      </label>
      <label className="field">
        <span>Control group %</span>
        <input type="text" inputMode="decimal" value={control} onChange={(e) => setControl(e.target.value)} />
      </label>
      <label className="field">
        <span>Offers per household a month</span>
        <select value={perHousehold} onChange={(e) => setPerHousehold(Number(e.target.value))}>
          <option value={1}>1</option>
          <option value={2}>2 (in one letter)</option>
          <option value={3}>3 (in one letter)</option>
        </select>
      </label>
      <label className="field">
        <span>Year&rsquo;s budget ($)</span>
        <input
          type="text"
          inputMode="decimal"
          value={budget}
          placeholder="none"
          onChange={(e) => setBudget(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save settings'}
      </button>
      {message ? (
        <p className={message.error ? 'field-error' : 'success'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
