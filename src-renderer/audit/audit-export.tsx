import { useState } from 'react';
import type { AuditFilters } from '../../src-shared/audit-log';
import { errorText } from '../klis/session';
import { call } from '../lib/api';
import { saveDownload } from '../lib/download';

/** Saves every entry the filters show (all pages, not only this one) as CSV or an Excel workbook. */
export function AuditExportButtons({ filters, disabled }: { filters: AuditFilters; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setError(null);
    try {
      saveDownload(await call('audit:export', { format, ...filters }));
    } catch (e) {
      setError(`The audit log could not be exported: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions push-right">
      <button type="button" className="secondary" onClick={() => void exportAs('csv')} disabled={disabled || busy}>
        Export CSV
      </button>
      <button type="button" className="secondary" onClick={() => void exportAs('xlsx')} disabled={disabled || busy}>
        Export Excel
      </button>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
