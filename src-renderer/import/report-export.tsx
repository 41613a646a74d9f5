import { useState } from 'react';
import type { ApiInput } from '../../src-shared/api';
import { call } from '../lib/api';
import { saveDownload } from '../lib/download';
import { ErrorPanel } from '../shell/error-panel';
import { errorText } from './setup-actions';

type Format = ApiInput<'import:report'>['format'];

/** The problem list as a file to fix the core's export from, or to send to whoever can. */
export function ReportExport({ source, what }: { source: ApiInput<'import:report'>['source']; what: string }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      saveDownload(await call('import:report', { source, format }));
    } catch (e) {
      setError(`The ${what} could not be exported: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="actions">
      <button type="button" className="secondary" disabled={busy !== null} onClick={() => void download('csv')}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" className="secondary" disabled={busy !== null} onClick={() => void download('xlsx')}>
        {busy === 'xlsx' ? 'Exporting…' : 'Export XLSX'}
      </button>
      {error ? <ErrorPanel message={error} /> : null}
    </div>
  );
}
