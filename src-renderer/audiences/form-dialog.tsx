import { useId, type FormEvent, type ReactNode } from 'react';
import { useDialogKeys } from '../shell/use-dialog-keys';

const FOCUSABLE = 'input:not(:disabled), textarea:not(:disabled), select:not(:disabled), button:not(:disabled)';

/**
 * A dialog that asks for something (a name, a reason) before a step is taken. Focus starts on
 * the first box, stays inside, Escape cancels, and goes back to the button that opened it.
 */
export function FormDialog({
  title,
  children,
  submitLabel,
  canSubmit,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  submitLabel: string;
  canSubmit: boolean;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const { dialog, onKeyDown } = useDialogKeys<HTMLFormElement>(FOCUSABLE, onCancel);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit && !busy) onSubmit();
  };

  return (
    <div className="dialog-backdrop">
      <form
        ref={dialog}
        className="dialog form-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={onKeyDown}
        onSubmit={submit}
        noValidate
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-buttons">
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" disabled={!canSubmit || busy}>
            {busy ? 'Working…' : submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
