import { useState } from 'react';
import type { SniffedFile } from '../../src-shared/imports';
import type { FieldTransform } from '../../src-shared/mapping-profile';
import { distinctValues } from './column-values';
import { knownValues } from './field-types';

type Lookup = Extract<FieldTransform, { type: 'lookup' }>;
type Pair = [code: string, value: string];

function ValueInput({
  known,
  label,
  value,
  emptyLabel,
  onChange,
}: {
  known: readonly string[] | undefined;
  label: string;
  value: string;
  emptyLabel: string;
  onChange: (value: string) => void;
}) {
  if (!known) return <input type="text" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {known.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  );
}

/**
 * Codes of the core translated to standard values ("PRIJEM" → "DEP"), as an editable list.
 * Rows being typed (no code yet) stay on screen without reaching the mapping.
 */
export function LookupEditor({
  name,
  transform,
  file,
  column,
  onChange,
}: {
  name: string;
  transform: Lookup;
  file: SniffedFile;
  column: string | undefined;
  onChange: (t: Lookup) => void;
}) {
  const known = knownValues(name);
  const [pairs, setPairs] = useState<Pair[]>(() => Object.entries(transform.map));
  const [mapShown, setMapShown] = useState(transform.map);
  // A suggestion or another profile replaced the table: show that one.
  if (mapShown !== transform.map) {
    setMapShown(transform.map);
    const typed = JSON.stringify(Object.fromEntries(pairs.filter(([code]) => code !== '')));
    if (typed !== JSON.stringify(transform.map)) setPairs(Object.entries(transform.map));
  }
  const commit = (next: Pair[]) => {
    setPairs(next);
    onChange({ ...transform, map: Object.fromEntries(next.filter(([code]) => code !== '')) });
  };
  const set = (index: number, pair: Pair) => commit(pairs.map((p, i) => (i === index ? pair : p)));
  const fromFile = distinctValues(file, column).filter((code) => !pairs.some(([c]) => c === code));
  const { default: otherwise, ...rest } = transform;
  return (
    <div className="transform lookup">
      <table className="lookup-table">
        <thead>
          <tr>
            <th scope="col">Code in the file</th>
            <th scope="col">Standard value</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map(([code, value], i) => (
            <tr key={i}>
              <td>
                <input
                  type="text"
                  aria-label={`Code ${i + 1} of ${name}`}
                  value={code}
                  onChange={(e) => set(i, [e.target.value, value])}
                />
              </td>
              <td>
                <ValueInput
                  known={known}
                  label={`Standard value for code ${code || i + 1} of ${name}`}
                  value={value}
                  emptyLabel="Choose a value"
                  onChange={(v) => set(i, [code, v])}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="secondary small-button"
                  onClick={() => commit(pairs.filter((_, j) => j !== i))}
                >
                  Remove<span className="visually-hidden"> code {code || i + 1}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="lookup-actions">
        <button type="button" className="secondary small-button" onClick={() => setPairs([...pairs, ['', '']])}>
          Add a code
        </button>
        {fromFile.length > 0 ? (
          <button
            type="button"
            className="secondary small-button"
            onClick={() => commit([...pairs, ...fromFile.map((c): Pair => [c, known?.includes(c) ? c : ''])])}
          >
            Add the file’s codes ({fromFile.length})
          </button>
        ) : null}
      </div>
      <label className="field">
        <span>Any other code</span>
        <ValueInput
          known={known}
          label={`Standard value for any other code of ${name}`}
          value={otherwise ?? ''}
          emptyLabel="is refused (the row is listed)"
          onChange={(v) => onChange(v === '' ? rest : { ...rest, default: v })}
        />
        {known ? null : <span className="muted small">Left empty, a row with any other code is refused.</span>}
      </label>
    </div>
  );
}
