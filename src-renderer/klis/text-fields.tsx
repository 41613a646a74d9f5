import { useId, type ChangeEvent, type ReactNode } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
}

/** What the input or text area of a field is given: its id, value, state and note. */
interface ControlProps {
  id: string;
  value: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

/** A labelled text input with its hint or error beneath, the error told to screen readers. */
export function TextInput({ testId, ...field }: TextFieldProps & { testId?: string }) {
  return <TextField {...field}>{(control) => <input type="text" data-testid={testId} {...control} />}</TextField>;
}

export function TextArea({ rows = 3, ...field }: TextFieldProps & { rows?: number }) {
  return <TextField {...field}>{(control) => <textarea rows={rows} {...control} />}</TextField>;
}

/** The label, the control and the hint or error beneath it, which the control names as its description. */
function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  children,
}: TextFieldProps & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      {children({
        id,
        value,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': `${id}-note`,
        onChange: (e) => onChange(e.target.value),
      })}
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
