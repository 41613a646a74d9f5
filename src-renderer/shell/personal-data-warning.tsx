import { useState } from 'react';
import { call, errorText } from '../lib/api';
import { ConfirmDialog } from './confirm-dialog';

/**
 * Said before files that hold customers' personal data leave the app (a run's vendor files, a
 * lead list): what they hold and how to handle them. Going ahead records who saved what where.
 */
export function PersonalDataWarning({
  what,
  destination,
  holds,
  onGo,
  onCancel,
}: {
  /** What is being saved, e.g. "The files of December 2026". */
  what: string;
  destination: string;
  /** The personal data it carries, in words. */
  holds: string;
  onGo: () => void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    try {
      await call('exports:acknowledge', { what, destination });
      onGo();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      title="These files hold personal data"
      confirmLabel="Save them there"
      tone="primary"
      busy={busy}
      onConfirm={() => void go()}
      onCancel={onCancel}
    >
      <p>
        {what} will hold {holds}. Once saved to <span className="path">{destination}</span> they are outside
        Mainstreet’s protection.
      </p>
      <ul>
        <li>Keep them on an encrypted drive, and delete them when the vendor has them.</li>
        <li>Send them only by your vendor’s secure transfer, never by ordinary email.</li>
      </ul>
      <p className="muted">Your name, the files and the folder are recorded in the audit log.</p>
      {error && <p role="alert">{error}</p>}
    </ConfirmDialog>
  );
}
