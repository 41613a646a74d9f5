import { useId, useRef, useState } from 'react';
import { call } from '../lib/api';
import { useDialogKeys } from './use-dialog-keys';

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
  /** What is being saved, e.g. "Month run December 2026: letters, mail, email and branch files". */
  what: string;
  destination: string;
  /** The personal data it carries, in words. */
  holds: string;
  onGo: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const { dialog, onKeyDown } = useDialogKeys<HTMLDivElement>('button:not(:disabled)', onCancel, cancel);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    try {
      await call('exports:acknowledge', { what, destination });
      onGo();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>These files hold personal data</h2>
        <div id={`${id}-body`}>
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
        </div>
        <div className="dialog-buttons">
          <button ref={cancel} type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" onClick={() => void go()} disabled={busy}>
            Save them there
          </button>
        </div>
      </div>
    </div>
  );
}
