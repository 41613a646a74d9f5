import type { FieldGroup, FieldSpec, FieldType, RuleOp } from '../../src-shared/audience';
import { isYesNo, opsFor, withField, withOp, type DraftCondition } from './rule-draft';

const OP_WORDS: Record<RuleOp, string> = {
  '=': 'is',
  '!=': 'is not',
  '<': 'less than',
  '<=': 'at most',
  '>': 'more than',
  '>=': 'at least',
  in: 'is one of',
  between: 'between',
};

const DATE_WORDS: Partial<Record<RuleOp, string>> = {
  '<': 'before',
  '<=': 'on or before',
  '>': 'after',
  '>=': 'on or after',
};

export function opWords(op: RuleOp, type: FieldType | undefined): string {
  return (type === 'date' ? DATE_WORDS[op] : undefined) ?? OP_WORDS[op];
}

/** The catalog's fields under their groups, in the catalog's order. */
export function groupFields(fields: readonly FieldSpec[]): [FieldGroup, FieldSpec[]][] {
  const groups = new Map<FieldGroup, FieldSpec[]>();
  for (const field of fields) groups.set(field.group, [...(groups.get(field.group) ?? []), field]);
  return [...groups];
}

function ValueBox({
  type,
  unit,
  label,
  value,
  placeholder,
  problem,
  describedBy,
  disabled,
  onChange,
}: {
  disabled: boolean;
  type: FieldType | undefined;
  unit: string | undefined;
  label: string;
  value: string;
  placeholder?: string;
  problem: boolean;
  describedBy: string | undefined;
  onChange: (value: string) => void;
}) {
  const common = {
    'aria-label': label,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    value,
    disabled,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  if (type === 'date') return <input type="date" className="value-input" {...common} />;
  const numeric = type === 'number' || type === 'money' || type === 'kli';
  return (
    <span className="value-box">
      {type === 'money' ? <span aria-hidden="true">$</span> : null}
      <input
        type="text"
        className={numeric ? 'value-input number' : 'value-input'}
        inputMode={numeric ? 'decimal' : undefined}
        placeholder={placeholder}
        {...common}
      />
      {unit && unit !== '$' ? <span className="muted small">{unit}</span> : null}
    </span>
  );
}

/** One condition: field, operator and a value box suited to the field; "Remove" takes it out. */
export function ConditionRow({
  condition,
  name,
  fields,
  specs,
  problem,
  readOnly,
  onChange,
  onRemove,
}: {
  condition: DraftCondition;
  /** Its place in the rule as people count ("2", "3.1"), in every control's label. */
  name: string;
  fields: readonly FieldSpec[];
  specs: ReadonlyMap<string, FieldSpec>;
  problem: string | undefined;
  readOnly: boolean;
  onChange: (next: DraftCondition) => void;
  onRemove: () => void;
}) {
  const spec = specs.get(condition.field);
  const type = spec?.type;
  const problemId = problem ? `problem-${condition.key}` : undefined;
  const setValue = (index: number, text: string) =>
    onChange({ ...condition, values: condition.values.map((v, i) => (i === index ? text : v)) });
  const box = (index: number, label: string, placeholder?: string) => (
    <ValueBox
      type={type}
      unit={spec?.unit}
      label={label}
      value={condition.values[index] ?? ''}
      placeholder={placeholder}
      problem={problem !== undefined}
      describedBy={problemId}
      disabled={readOnly}
      onChange={(text) => setValue(index, text)}
    />
  );

  return (
    <li className="condition" data-testid="rule-condition">
      <div className="condition-controls">
        <select
          className="field-picker"
          aria-label={`Field ${name}`}
          value={condition.field}
          disabled={readOnly}
          onChange={(e) => {
            const next = specs.get(e.target.value);
            if (next) onChange(withField(condition, next, spec));
          }}
        >
          {spec ? null : <option value={condition.field}>Unknown field {condition.field}</option>}
          {groupFields(fields).map(([group, members]) => (
            <optgroup key={group} label={group}>
              {members.map((f) => (
                <option key={f.field} value={f.field}>
                  {f.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <select
          aria-label={`Operator ${name}`}
          value={condition.op}
          disabled={readOnly}
          onChange={(e) => onChange(withOp(condition, e.target.value as RuleOp, spec))}
        >
          {opsFor(spec).map((op) => (
            <option key={op} value={op}>
              {opWords(op, type)}
            </option>
          ))}
        </select>
        {isYesNo(type, condition.op) ? (
          <select
            aria-label={`Value ${name}`}
            value={condition.values[0] ?? 'true'}
            disabled={readOnly}
            onChange={(e) => setValue(0, e.target.value)}
          >
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
        ) : condition.op === 'between' ? (
          <span className="value-box between">
            {box(0, `From ${name}`)}
            <span className="muted">and</span>
            {box(1, `To ${name}`)}
          </span>
        ) : condition.op === 'in' ? (
          box(0, `Values ${name}`, type === 'text' ? 'NE, KS, IA' : '1, 2, 3')
        ) : (
          box(0, `Value ${name}`)
        )}
        {readOnly ? null : (
          <button
            type="button"
            className="secondary small-button"
            aria-label={`Remove condition ${name}`}
            onClick={onRemove}
          >
            Remove
          </button>
        )}
      </div>
      {problem ? (
        <span className="field-error" id={problemId}>
          {problem}
        </span>
      ) : null}
    </li>
  );
}
