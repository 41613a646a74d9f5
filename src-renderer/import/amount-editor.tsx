import { useState } from 'react';
import type { SniffedFile } from '../../src-shared/imports';
import type { FieldTransform } from '../../src-shared/mapping-profile';
import { distinctValues } from './column-values';

type Amount = Extract<FieldTransform, { type: 'amount' }>;

const parseList = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** A comma-separated list typed freely; the list is sent on each change, the text kept as typed. */
function ListInput({ label, values, onChange }: { label: string; values: string[]; onChange: (v: string[]) => void }) {
  const [text, setText] = useState(values.join(', '));
  return (
    <input
      type="text"
      aria-label={label}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseList(e.target.value));
      }}
    />
  );
}

/** Amounts: the decimal mark, and an optional column that says debit or credit for unsigned amounts. */
export function AmountEditor({
  name,
  transform,
  file,
  onChange,
}: {
  name: string;
  transform: Amount | undefined;
  file: SniffedFile;
  onChange: (t: Amount) => void;
}) {
  const amount: Amount = transform ?? { type: 'amount', decimal: '.' };
  const sign = amount.sign;
  const setSignColumn = (column: string) => {
    const { sign: _, ...rest } = amount;
    onChange(column ? { ...rest, sign: { column, debit: sign?.debit ?? [], credit: sign?.credit ?? [] } } : rest);
  };
  const seen = distinctValues(file, sign?.column, 10);
  return (
    <div className="transform amount">
      <select
        aria-label={`Decimal mark of ${name}`}
        value={amount.decimal}
        onChange={(e) => onChange({ ...amount, decimal: e.target.value === ',' ? ',' : '.' })}
      >
        <option value=".">1,234.56</option>
        <option value=",">1.234,56</option>
      </select>
      <select
        aria-label={`Debit or credit column of ${name}`}
        value={sign?.column ?? ''}
        onChange={(e) => setSignColumn(e.target.value)}
      >
        <option value="">Sign is in the amount</option>
        {file.columns.map((column) => (
          <option key={column} value={column}>
            Sign from {column}
          </option>
        ))}
      </select>
      {sign ? (
        <div key={sign.column} className="sign-codes">
          <label>
            Debit values{' '}
            <ListInput
              label={`Debit values of ${sign.column}`}
              values={sign.debit}
              onChange={(debit) => onChange({ ...amount, sign: { ...sign, debit } })}
            />
          </label>
          <label>
            Credit values{' '}
            <ListInput
              label={`Credit values of ${sign.column}`}
              values={sign.credit}
              onChange={(credit) => onChange({ ...amount, sign: { ...sign, credit } })}
            />
          </label>
          <span className="muted small">
            Separate values with commas. With no credit values, anything but a debit value is a credit.
            {seen.length > 0 ? ` In the file: ${seen.join(', ')}.` : ''}
          </span>
        </div>
      ) : null}
    </div>
  );
}
