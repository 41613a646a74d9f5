import { useState, type FormEvent } from 'react';
import type { ErasurePreview, PurgeKind, RetentionPolicy } from '../../src-shared/privacy';
import { call, errorText } from '../lib/api';
import { formatBytes, formatCount } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { Outcome } from '../shell/outcome';
import { Loading } from '../shell/loading';

const size = (bytes: number | null) => (bytes === null ? 'not made yet' : formatBytes(bytes));

function WhereDataLives() {
  const overview = useCall('privacy:overview', {});
  if (overview.error) return <ErrorPanel message={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading slow={overview.slow} text="Looking at the data folder…" />;
  const data = overview.data;
  return (
    <>
      <section className="panel" aria-labelledby="privacy-where-title">
        <h2 id="privacy-where-title">Where the data lives</h2>
        <p>Everything stays on this computer. Mainstreet makes no network connections.</p>
        <table className="data-table compact" aria-label="Where the data lives">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Where</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Personal data</th>
              <th scope="col">Protection</th>
            </tr>
          </thead>
          <tbody>
            {data.locations.map((l) => (
              <tr key={l.what}>
                <th scope="row">{l.what}</th>
                <td className="path">{l.path}</td>
                <td className="num">{size(l.size)}</td>
                <td>{l.holds_personal_data ? 'Yes' : 'No'}</td>
                <td className="wrap">{l.protection}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="privacy-exports-title">
        <h2 id="privacy-exports-title">What each export carries</h2>
        <table className="data-table compact" aria-label="What each export carries">
          <thead>
            <tr>
              <th scope="col">Export</th>
              <th scope="col">Personal data</th>
              <th scope="col">Other fields</th>
            </tr>
          </thead>
          <tbody>
            {data.exports.map((e) => (
              <tr key={e.name}>
                <th scope="row">{e.name}</th>
                <td className="wrap">{e.personal.length ? e.personal.join(', ') : 'None'}</td>
                <td className="wrap">{e.other.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Before a month run’s files or a lead list are saved, Mainstreet warns once and records who saved them where
          (in the audit log).
        </p>
      </section>
    </>
  );
}

function EraseCustomer() {
  const [number, setNumber] = useState('');
  const [preview, setPreview] = useState<ErasurePreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const look = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage(null);
    try {
      setPreview(await call('privacy:erase-preview', { customer_number: number }));
    } catch (e) {
      setPreview(null);
      setError(errorText(e));
    }
  };
  const erase = async () => {
    if (!preview) return;
    setConfirming(false);
    try {
      await call('privacy:erase', { customer_number: preview.customer_number });
      setMessage(
        `Customer ${preview.customer_number} was erased. Their id and number stay, so counts and past runs add up; the audit log records the erasure.`,
      );
      setPreview(null);
      setNumber('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="panel" aria-labelledby="privacy-erase-title">
      <h2 id="privacy-erase-title">Erase a customer on request</h2>
      <p>
        Removes the name, address, phone, email and birth date, the rows of files that quoted them, and the copies in
        response files. The customer’s id and number stay, marked do-not-solicit and do-not-mail. Later imports of the
        core’s files leave the erased fields blank, and rolling back an earlier import brings nothing back.
      </p>
      <form className="inline-form" onSubmit={look} aria-label="Find the customer to erase">
        <label className="field">
          <span>Customer number</span>
          <input type="text" value={number} maxLength={40} onChange={(e) => setNumber(e.target.value)} />
        </label>
        <button type="submit" className="secondary" disabled={!number.trim()}>
          Look up
        </button>
      </form>
      {preview && (
        <div className="erase-preview" data-testid="erase-preview">
          {preview.already_erased ? (
            <p>Customer {preview.customer_number} is already erased.</p>
          ) : (
            <>
              <p>
                <strong>{preview.name}</strong> (customer {preview.customer_number}):{' '}
                {formatCount(preview.accounts, 'account')} (kept, by number),{' '}
                {formatCount(preview.responses, 'response')} and{' '}
                {formatCount(preview.quarantined_rows, 'quarantined row')} to clear.
              </p>
              <button type="button" className="danger" onClick={() => setConfirming(true)}>
                Erase…
              </button>
            </>
          )}
        </div>
      )}
      <Outcome message={message} error={error} />
      {confirming && preview && (
        <ConfirmDialog
          title={`Erase ${preview.name}?`}
          confirmLabel="Erase"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void erase()}
        >
          <p>This cannot be undone, except by restoring a backup made before it.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

const PURGE_WORDS: Record<PurgeKind, string> = {
  responses: 'responses',
  contacts: 'contact history entries',
  prescreen: 'prescreened recipients',
};

function Retention() {
  const policy = useCall('retention:get', {});
  const [draft, setDraft] = useState<{ responses_months: number; contacts_months: number } | null>(null);
  const [purging, setPurging] = useState<{ kind: PurgeKind; count: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (policy.error && !policy.data) return <ErrorPanel message={policy.error} onRetry={policy.reload} />;
  if (!policy.data) return <Loading slow={policy.slow} text="Loading the retention policy…" />;
  const p: RetentionPolicy = policy.data;
  const value = draft ?? { responses_months: p.responses_months, contacts_months: p.contacts_months };
  const changed = value.responses_months !== p.responses_months || value.contacts_months !== p.contacts_months;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('retention:set', value);
      setDraft(null);
      setMessage('The retention policy is saved.');
      setError(null);
      policy.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const purge = async (kind: PurgeKind) => {
    setPurging(null);
    try {
      await call('retention:purge', { kind });
      setMessage(`The ${PURGE_WORDS[kind]} due were removed.`);
      setError(null);
      policy.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const prescreen = p.due.prescreen_runs.reduce((s, r) => s + r.recipients, 0);
  const dueRows: { kind: PurgeKind; label: string; count: number }[] = [
    { kind: 'responses', label: `Responses older than ${p.responses_months} months`, count: p.due.responses },
    { kind: 'contacts', label: `Contact history older than ${p.contacts_months} months`, count: p.due.contacts },
    {
      kind: 'prescreen',
      label: `Prescreen lists past FCRA’s ${p.prescreen_years} years (${formatCount(p.due.prescreen_runs.length, 'run')})`,
      count: prescreen,
    },
  ];
  return (
    <section className="panel" aria-labelledby="privacy-retention-title">
      <h2 id="privacy-retention-title">Retention</h2>
      <form className="inline-form" onSubmit={save} aria-label="Retention policy">
        <label className="field">
          <span>Keep responses (months)</span>
          <input
            type="number"
            min={12}
            max={120}
            value={value.responses_months}
            onChange={(e) => setDraft({ ...value, responses_months: Number(e.target.value) })}
          />
        </label>
        <label className="field">
          <span>Keep contact history (months)</span>
          <input
            type="number"
            min={12}
            max={120}
            value={value.contacts_months}
            onChange={(e) => setDraft({ ...value, contacts_months: Number(e.target.value) })}
          />
        </label>
        <button type="submit" disabled={!changed}>
          Save policy
        </button>
      </form>
      <p className="muted">
        FCRA prescreen selection lists are kept {p.prescreen_years} years after the mail drop, then offered here for
        purging. Nothing is removed until an administrator says so.
      </p>
      <table className="data-table compact" aria-label="Due for purging">
        <thead>
          <tr>
            <th scope="col">Due for purging</th>
            <th scope="col" className="num">
              Records
            </th>
            <th scope="col">
              <span className="visually-hidden">Purge</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {dueRows.map((row) => (
            <tr key={row.kind}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.count.toLocaleString()}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  disabled={row.count === 0}
                  onClick={() => setPurging({ kind: row.kind, count: row.count })}
                >
                  Purge<span className="visually-hidden"> {row.label}</span>…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Outcome message={message} error={error} />
      {purging && (
        <ConfirmDialog
          title={`Purge ${purging.count.toLocaleString()} ${PURGE_WORDS[purging.kind]}?`}
          confirmLabel="Purge"
          onCancel={() => setPurging(null)}
          onConfirm={() => void purge(purging.kind)}
        >
          <p>They are removed from the database for good (backups made before keep them until they rotate out).</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Settings › Privacy: where the data lives, what exports carry, erasure on request, retention. */
export function PrivacyPanel() {
  return (
    <>
      <WhereDataLives />
      <EraseCustomer />
      <Retention />
    </>
  );
}
