import { useState } from 'react';
import { call } from '../lib/api';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';

/** The bank's own names: how the app names it, and how KLIs tell its own loans and cards from others'. */
export function BankNamesPanel() {
  const current = useCall('bank:get', {});
  const [draft, setDraft] = useState<{ name: string; short_name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  if (current.error) return <ErrorPanel message={current.error} onRetry={current.reload} />;
  if (!current.data) return <Loading slow={current.slow} text="Loading the bank’s names…" />;
  const saved = current.data;
  const names = draft ?? { name: saved.name, short_name: saved.short_name };
  const changed = names.name !== saved.name || names.short_name !== saved.short_name;

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await call('bank:set', names);
      setDraft(null);
      setMessage({ text: 'Saved. Recompute the KLIs to read payments with these names.', error: false });
      current.reload();
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="bank-names-title">
      <h2 id="bank-names-title">This bank</h2>
      <p className="muted">
        KLIs treat payments naming this bank as its own: a payment to its own card or loan is never “elsewhere”.
      </p>
      <div className="fields wide">
        <label htmlFor="bank-name">Name</label>
        <input
          id="bank-name"
          value={names.name}
          disabled={busy}
          onChange={(e) => setDraft({ ...names, name: e.target.value })}
        />
        <label htmlFor="bank-short-name">Short name in descriptions</label>
        <input
          id="bank-short-name"
          value={names.short_name}
          placeholder="e.g. PVCB"
          disabled={busy}
          onChange={(e) => setDraft({ ...names, short_name: e.target.value })}
        />
      </div>
      <p data-testid="bank-recognised">
        {saved.recognised.length > 0
          ? `Recognised as this bank: ${saved.recognised.join(', ')}.`
          : 'No name yet: no payment is recognised as this bank’s own.'}
      </p>
      {message && <p role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <div className="actions">
        <button type="button" disabled={!changed || busy || names.name.trim() === ''} onClick={() => void save()}>
          Save names
        </button>
      </div>
    </section>
  );
}
