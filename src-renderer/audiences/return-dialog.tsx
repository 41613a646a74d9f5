import { useState } from 'react';
import type { AudienceVersion } from '../../src-shared/audience';
import { FormDialog } from './form-dialog';

/** A reviewer sends a submission back to draft, saying why. */
export function ReturnDialog({
  version,
  busy,
  error,
  onReturn,
  onCancel,
}: {
  version: AudienceVersion;
  busy: boolean;
  error: string | null;
  onReturn: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={`Return version ${version.version} to draft`}
      submitLabel="Return to draft"
      canSubmit
      busy={busy}
      error={error}
      onSubmit={() => onReturn(reason)}
      onCancel={onCancel}
    >
      <div className="field">
        <label htmlFor="return-reason">
          <span>Reason</span>
        </label>
        <textarea id="return-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        <span className="muted small">Kept in the audit log with the return.</span>
      </div>
    </FormDialog>
  );
}
