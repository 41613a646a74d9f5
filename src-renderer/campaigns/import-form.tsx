import { useState, type FormEvent } from 'react';
import type { ResponseImportResult } from '../../src-shared/measure';
import type { RunSummary } from '../../src-shared/plan';
import { call } from '../lib/api';
import { stageFiles } from '../lib/stage-files';
import { useCall } from '../lib/use-call';
import { errorText } from '../matrix/plan-words';
import { importResultWords, RESPONSE_PROFILE, responseProfiles, runLabel } from './campaign-words';

const EVERY_FINAL = 'final';

/** The file, chosen or typed: in browser mode a chosen file is copied to the data folder first. */
function FileField({ path, onPath, busy }: { path: string; onPath: (path: string) => void; busy: boolean }) {
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setReading(true);
    setError(null);
    try {
      const [staged] = await stageFiles([file]);
      if (staged) onPath(staged);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setReading(false);
    }
  };
  return (
    <div className="response-file">
      <label className="field">
        <span>Response file</span>
        <input
          type="text"
          value={path}
          placeholder="/path/to/responses.csv"
          aria-describedby="response-file-hint"
          spellCheck={false}
          onChange={(e) => onPath(e.target.value)}
          disabled={busy}
        />
      </label>
      <label className={busy || reading ? 'file-button secondary disabled' : 'file-button secondary'}>
        {reading ? 'Reading…' : 'Choose file…'}
        <input
          type="file"
          accept=".csv,.txt,text/csv"
          className="visually-hidden"
          disabled={busy || reading}
          onChange={(e) => {
            void choose(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      <p className="muted" id="response-file-hint">
        A file on this computer: type its path, or choose it.
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Imports a response file through a profile, matched to one run or to every final run; the
 * outcome in words, or the refusal in full (each bad row by file, row, column and value).
 */
export function ImportForm({ runs, onImported }: { runs: RunSummary[]; onImported: () => void }) {
  const profiles = useCall('profiles:list', {});
  const options = responseProfiles(profiles.data ?? []);
  const hasFinal = runs.some((r) => r.status === 'final');
  const [path, setPath] = useState('');
  const [profile, setProfile] = useState(RESPONSE_PROFILE);
  const [run, setRun] = useState(hasFinal ? EVERY_FINAL : String(runs[0]?.run_id ?? ''));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ResponseImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runInput = run === EVERY_FINAL ? {} : { run_id: Number(run) };
  const take = async (work: () => Promise<ResponseImportResult>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await work());
      onImported();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) return;
    await take(() => call('responses:import', { path: path.trim(), profile, ...runInput }));
  };
  const scan = () => take(() => call('responses:scan', runInput));
  return (
    <section className="panel" aria-labelledby="response-import-title">
      <h2 id="response-import-title">Import responses</h2>
      <form className="response-form" aria-label="Import responses" onSubmit={(e) => void submit(e)} noValidate>
        <FileField path={path} onPath={setPath} busy={busy} />
        <label className="field">
          <span>Read it as</span>
          <select value={profile} onChange={(e) => setProfile(e.target.value)} disabled={busy}>
            {options.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name === RESPONSE_PROFILE ? p.title : `${p.title}: its accounts file`}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Match to</span>
          <select value={run} onChange={(e) => setRun(e.target.value)} disabled={busy}>
            {hasFinal ? <option value={EVERY_FINAL}>Every final run</option> : null}
            {runs.map((r) => (
              <option key={r.run_id} value={String(r.run_id)}>
                {runLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !path.trim()}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      <div className="scan-row">
        <button type="button" className="secondary" disabled={busy} onClick={() => void scan()}>
          Take responses from the bank&rsquo;s data
        </button>
        <span className="muted">
          New accounts already imported with the monthly core export (Import), opened on or after the drop, each taken
          once — no response file needed.
        </span>
      </div>
      <p className="muted profile-hint">
        {profile === RESPONSE_PROFILE
          ? 'The response layout: response_type (account, application, approval or keycode), response_date, and any of customer_number, account_number, keycode, first_name, last_name, address_line1, zip, product_code, opening_balance and the balances 30, 60 and 90 days on.'
          : 'Every account in the file is a candidate response: its owner’s new account, read through the profile’s accounts mapping.'}
      </p>
      {profiles.error ? (
        <p className="field-error">
          The saved profiles could not be loaded ({profiles.error}); the response layout works.
        </p>
      ) : null}
      <div aria-live="polite">
        {result ? (
          <p className="notice" data-testid="import-result">
            <strong>Import #{result.import_id}</strong> — {importResultWords(result)}.
          </p>
        ) : null}
      </div>
      {error ? (
        <div className="blocked preformatted" role="alert" data-testid="import-error">
          {error}
        </div>
      ) : null}
    </section>
  );
}
