import { useId, type ReactNode } from 'react';

/** A labelled text input with its hint or error beneath, the error told to screen readers. */
export function TextInput({
  label,
  value,
  onChange,
  hint,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      <input
        id={id}
        type="text"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      <Note id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

export function TextArea({
  label,
  value,
  onChange,
  hint,
  error,
  rows = 3,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  rows?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(e) => onChange(e.target.value)}
      />
      <Note id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

function Note({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  if (error)
    return (
      <span className="field-error" id={id}>
        {error}
      </span>
    );
  return hint ? (
    <span className="muted small" id={id}>
      {hint}
    </span>
  ) : null;
}

/** A labelled select; the label points at it by id, so its name is the label alone (not its options' text). */
export function SelectField({
  label,
  value,
  onChange,
  children,
  className = 'field',
}: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
