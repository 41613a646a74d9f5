import { useId, useRef, type ReactNode } from 'react';
import { useDialogKeys } from './use-dialog-keys';

/**
 * Asks before something that cannot be taken back (a rollback, a delete, an overwrite). Focus
 * starts on Cancel, stays inside the dialog, Escape cancels, and focus goes back to the
 * button that opened it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy = false,
  tone = 'danger',
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  /** A step that cannot be taken back is red; one that only needs a second look is not. */
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const { dialog, onKeyDown } = useDialogKeys<HTMLDivElement>('button:not(:disabled)', onCancel, cancel);

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
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`}>{children}</div>
        <div className="dialog-buttons">
          <button ref={cancel} type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className={tone === 'danger' ? 'danger' : undefined}
            onClick={onConfirm}
            disabled={busy}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
