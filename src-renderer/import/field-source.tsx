import type { TargetField } from '../../src-shared/imports';
import type { FieldMapping, FieldTransform } from '../../src-shared/mapping-profile';
import { knownValues } from './field-types';

const NONE = '';
const CONSTANT = '=constant';
const TEMPLATE = '=template';
const COMBINED = '=columns';
const COLUMN = 'column:';

function sourceOf(field: FieldMapping | undefined): string {
  if (!field) return NONE;
  if (field.column !== undefined) return COLUMN + field.column;
  if (field.columns) return COMBINED;
  if (field.transform?.type === 'constant') return CONSTANT;
  return field.transform?.type === 'template' ? TEMPLATE : NONE;
}

/** Value readings survive a change of column; a constant or a template does not. */
function readingOf(transform: FieldTransform | undefined): { transform?: FieldTransform } {
  return transform && transform.type !== 'constant' && transform.type !== 'template' ? { transform } : {};
}

function ConstantInput({
  target,
  value,
  onChange,
}: {
  target: TargetField;
  value: string;
  onChange: (v: string) => void;
}) {
  const known = knownValues(target.name);
  const label = `Fixed value of ${target.name}`;
  if (known) {
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {known.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  }
  return <input type="text" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
}

/** Where a standard field's value comes from: a column, a fixed value, or text built from several columns. */
export function FieldSource({
  target,
  field,
  columns,
  sensitive,
  onChange,
}: {
  target: TargetField;
  field: FieldMapping | undefined;
  columns: string[];
  sensitive: string[];
  onChange: (field: FieldMapping | null) => void;
}) {
  const source = sourceOf(field);
  const choose = (value: string) => {
    if (value === NONE) onChange(null);
    else if (value === CONSTANT)
      onChange({ transform: { type: 'constant', value: knownValues(target.name)?.[0] ?? '' } });
    else if (value === TEMPLATE)
      onChange({ transform: { type: 'template', template: `{${field?.column ?? columns[0] ?? ''}}` } });
    else if (value.startsWith(COLUMN)) onChange({ column: value.slice(COLUMN.length), ...readingOf(field?.transform) });
  };
  const missing = field?.column !== undefined && !columns.includes(field.column) ? field.column : null;
  const transform = field?.transform;
  return (
    <div className="source">
      <select aria-label={`Source of ${target.name}`} value={source} onChange={(e) => choose(e.target.value)}>
        <option value={NONE}>— not imported</option>
        {columns.map((column) => {
          // Social Security and tax id columns may feed tax_id (stored hashed) and nothing else.
          const locked = sensitive.includes(column) && target.name !== 'tax_id';
          return (
            <option key={column} value={COLUMN + column} disabled={locked}>
              {column}
              {sensitive.includes(column) ? ' (sensitive)' : ''}
            </option>
          );
        })}
        {missing !== null ? <option value={COLUMN + missing}>{missing} (not in this file)</option> : null}
        {field?.columns ? <option value={COMBINED}>{field.columns.join(' + ')}</option> : null}
        <option value={CONSTANT}>A fixed value</option>
        <option value={TEMPLATE}>Text from several columns</option>
      </select>
      {transform?.type === 'constant' ? (
        <ConstantInput
          target={target}
          value={transform.value}
          onChange={(value) => onChange({ transform: { ...transform, value } })}
        />
      ) : null}
      {transform?.type === 'template' ? (
        <input
          type="text"
          aria-label={`Template of ${target.name}, with column names in braces`}
          value={transform.template}
          onChange={(e) => onChange({ transform: { type: 'template', template: e.target.value } })}
        />
      ) : null}
    </div>
  );
}
