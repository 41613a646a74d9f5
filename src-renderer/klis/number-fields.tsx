import { useId, useState } from 'react';
import { formatCents } from '../lib/format';

/**
 * "2,500", "2500.5", "$2,500.00", "CZK 2 500" → cents; null when it is not a plain amount of
 * money (negative amounts are not thresholds anyone means).
 */
export function parseMoney(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[A-Za-z]{3}(?=[\s\d])|[A-Za-z]{3}$/g, '')
    .replace(/[\p{Sc}\s,]/gu, '');
  if (!/^\d+(\.\d{0,2})?$|^\.\d{1,2}$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export function centsToText(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return Number.isInteger(cents / 100) ? String(cents / 100) : (cents / 100).toFixed(2);
}

export function parseNumber(text: string, integer: boolean): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  if (!(integer ? /^\d+$/ : /^\d+(\.\d+)?$|^\.\d+$/).test(cleaned)) return null;
  return Number(cleaned);
}

interface FieldProps {
  label: string;
  /** Said after the input ("months", "× monthly net pay"). */
  unit?: string;
  hint?: string;
  /** An error from outside (a range, the server); the field's own parse error wins. */
  error?: string | null;
  disabled?: boolean;
  testId?: string;
  /** Empty is allowed (the value is then null and nothing is said). */
  optional?: boolean;
}

/** The label, the typed text with its unit, and the error or hint beneath. */
function FieldShell({
  label,
  unit,
  hint,
  error,
  disabled,
  testId,
  text,
  onText,
  inputMode,
  inputClass,
}: FieldProps & {
  text: string;
  onText: (text: string) => void;
  inputMode: 'decimal' | 'numeric';
  inputClass: string;
}) {
  const id = useId();
  return (
    <div className="field number-field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      <div className="number-row">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          className={inputClass}
          value={text}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
          data-testid={testId}
          onChange={(e) => onText(e.target.value)}
        />
        {unit ? <span className="muted">{unit}</span> : null}
      </div>
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : hint ? (
        <span className="muted small" id={`${id}-error`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * An amount of money typed as people write it; the value is cents. What was understood is
 * echoed in the bank's currency, so "2500" visibly means $2,500.00 (or 2,500 koruna).
 */
export function MoneyInput({
  cents,
  onChange,
  ...props
}: FieldProps & { cents: number | null; onChange: (cents: number | null) => void }) {
  const [text, setText] = useState(centsToText(cents));
  const parsed = parseMoney(text);
  const empty = text.trim() === '';
  const own = empty ? (props.optional ? null : 'Enter an amount.') : parsed === null ? 'Not an amount of money.' : null;
  const error = own ?? props.error ?? null;
  return (
    <FieldShell
      {...props}
      error={error}
      hint={parsed !== null ? `= ${formatCents(parsed)}` : undefined}
      text={text}
      inputMode="decimal"
      inputClass="money-input"
      onText={(next) => {
        setText(next);
        onChange(parseMoney(next));
      }}
    />
  );
}

/** A count, a number of months or a multiple; `integer` refuses fractions. */
export function NumberInput({
  value,
  onChange,
  integer = true,
  min,
  max,
  ...props
}: FieldProps & {
  value: number | null;
  onChange: (value: number | null) => void;
  integer?: boolean;
  min: number;
  max: number;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const parsed = parseNumber(text, integer);
  const own =
    props.optional && text.trim() === ''
      ? null
      : parsed === null
        ? integer
          ? 'Enter a whole number.'
          : 'Enter a number.'
        : parsed < min || parsed > max
          ? `Between ${min} and ${max}.`
          : null;
  const error = own ?? props.error ?? null;
  return (
    <FieldShell
      {...props}
      error={error}
      text={text}
      inputMode={integer ? 'numeric' : 'decimal'}
      inputClass="number-input"
      onText={(typed) => {
        setText(typed);
        const next = parseNumber(typed, integer);
        onChange(next !== null && next >= min && next <= max ? next : null);
      }}
    />
  );
}
