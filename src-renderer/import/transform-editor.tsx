import type { SniffedFile, TargetField } from '../../src-shared/imports';
import type { FieldMapping, FieldTransform } from '../../src-shared/mapping-profile';
import { DATE_FORMATS } from '../../src-shared/import-vocabulary';
import { AmountEditor } from './amount-editor';
import { fieldType } from './field-types';
import { LookupEditor } from './lookup-editor';

const AS_WRITTEN = '';
const LOOKUP = 'lookup';
const BIRTH_NUMBER = 'birth-number';

/** A birth number reading, kept as a profile (Berka's) defines it: the screen shows it, it does not build it. */
function birthNumberOption(transform: FieldTransform | undefined) {
  return transform?.type === 'birth-number' ? (
    <option value={BIRTH_NUMBER}>Birth number (YYMMDD, month + 50 for women)</option>
  ) : null;
}

/** How a column's text is read: a date format, an amount's conventions, or codes translated. */
export function TransformEditor({
  target,
  field,
  file,
  onChange,
}: {
  target: TargetField;
  field: FieldMapping | undefined;
  file: SniffedFile;
  onChange: (field: FieldMapping) => void;
}) {
  // Fixed values and templates need no reading; an unmapped field has nothing to read.
  if (!field || (field.column === undefined && field.columns === undefined)) return null;
  const { transform, ...source } = field;
  const set = (next: FieldTransform | undefined) => onChange(next ? { ...source, transform: next } : source);
  const type = fieldType(target.name);

  if (type === 'amount' && transform?.type !== 'birth-number') {
    return (
      <AmountEditor
        name={target.name}
        transform={transform?.type === 'amount' ? transform : undefined}
        file={file}
        onChange={set}
      />
    );
  }
  if (type === 'date') {
    const value =
      transform?.type === 'date' ? transform.format : transform?.type === BIRTH_NUMBER ? BIRTH_NUMBER : 'YYYY-MM-DD';
    return (
      <div className="transform">
        <select
          aria-label={`Date format of ${target.name}`}
          value={value}
          onChange={(e) => {
            const format = DATE_FORMATS.find((f) => f === e.target.value);
            if (format) set({ type: 'date', format });
          }}
        >
          {DATE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {format}
            </option>
          ))}
          {birthNumberOption(transform)}
        </select>
      </div>
    );
  }
  const mode = transform?.type === 'lookup' ? LOOKUP : transform?.type === BIRTH_NUMBER ? BIRTH_NUMBER : AS_WRITTEN;
  return (
    <div className="transform">
      <select
        aria-label={`Reading of ${target.name}`}
        value={mode}
        onChange={(e) => {
          if (e.target.value === AS_WRITTEN) set(undefined);
          else if (e.target.value === LOOKUP) set({ type: 'lookup', map: {} });
        }}
      >
        <option value={AS_WRITTEN}>As written</option>
        <option value={LOOKUP}>Translate codes</option>
        {birthNumberOption(transform)}
      </select>
      {transform?.type === 'lookup' ? (
        <LookupEditor name={target.name} transform={transform} file={file} column={field.column} onChange={set} />
      ) : null}
    </div>
  );
}
