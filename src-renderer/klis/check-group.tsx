/** A group of checkboxes under a legend: a multi-select that shows every choice and needs no mouse skills. */
export function CheckGroup<T extends string>({
  legend,
  options,
  labels,
  value,
  onChange,
  error,
  columns = 3,
  testId,
}: {
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string | undefined;
  columns?: number;
  testId?: string;
}) {
  const toggle = (option: T, on: boolean) =>
    onChange(on ? options.filter((o) => o === option || value.includes(o)) : value.filter((v) => v !== option));
  return (
    <fieldset className="check-group" data-testid={testId} aria-invalid={error ? true : undefined}>
      <legend>
        {legend}
        {value.length > 0 ? <span className="muted small"> ({value.length} chosen)</span> : null}
      </legend>
      <div className="check-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {options.map((option) => (
          <label key={option} className="check-option">
            <input
              type="checkbox"
              checked={value.includes(option)}
              onChange={(e) => toggle(option, e.target.checked)}
            />
            {labels[option]}
          </label>
        ))}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
