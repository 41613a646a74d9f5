import type { SniffedFile, TargetField } from '../../src-shared/imports';
import type { FieldMapping, FileMapping } from '../../src-shared/mapping-profile';
import { fillTemplate, firstValue } from './column-values';
import { isMapped, withField } from './draft';
import { FieldSource } from './field-source';
import { TransformEditor } from './transform-editor';

function example(file: SniffedFile, field: FieldMapping | undefined): string {
  if (!field) return '';
  if (field.transform?.type === 'constant') return field.transform.value;
  if (field.transform?.type === 'template') return fillTemplate(file, field.transform.template);
  if (field.columns) return field.columns.map((c) => firstValue(file, c)).join('|');
  return field.column === undefined ? '' : firstValue(file, field.column);
}

function MappingRow({
  target,
  field,
  file,
  reason,
  sensitive,
  onChange,
}: {
  target: TargetField;
  field: FieldMapping | undefined;
  file: SniffedFile;
  reason: string | undefined;
  sensitive: string[];
  onChange: (field: FieldMapping | null) => void;
}) {
  const missing = target.required && !isMapped(field);
  return (
    <tr className={missing ? 'unmapped' : ''} data-testid="mapping-row">
      <th scope="row" className="wrap">
        <code>{target.name}</code>
        {target.required ? <span className={missing ? 'required missing' : 'required'}>required</span> : null}
        <div className="muted small">{target.hint}</div>
      </th>
      <td>
        <FieldSource target={target} field={field} columns={file.columns} sensitive={sensitive} onChange={onChange} />
      </td>
      <td className="wrap example">{example(file, field)}</td>
      <td>
        <TransformEditor target={target} field={field} file={file} onChange={onChange} />
      </td>
      <td className="wrap small reason">{field ? (reason ?? '') : ''}</td>
    </tr>
  );
}

/** Every standard field of the file's kind, in the standard layout's order. */
export function MappingTable({
  file,
  entry,
  targets,
  reasons,
  sensitive,
  onChange,
}: {
  file: SniffedFile;
  entry: FileMapping;
  targets: TargetField[];
  reasons: Record<string, string>;
  sensitive: string[];
  onChange: (entry: FileMapping) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table mapping-table">
        <caption className="visually-hidden">
          Mapping of {file.name} to the standard {entry.kind} fields
        </caption>
        <thead>
          <tr>
            <th scope="col">Standard field</th>
            <th scope="col">Comes from</th>
            <th scope="col">First value</th>
            <th scope="col">Read as</th>
            <th scope="col">Why it was suggested</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => (
            <MappingRow
              key={target.name}
              target={target}
              field={entry.fields[target.name]}
              file={file}
              reason={reasons[target.name]}
              sensitive={sensitive}
              onChange={(field) => onChange(withField(entry, target.name, field))}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
