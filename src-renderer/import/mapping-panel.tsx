import { useId, useState } from 'react';
import type { ImportTargets, SniffedFile } from '../../src-shared/imports';
import type { FileMapping } from '../../src-shared/mapping-profile';
import { matchesPattern } from '../../src-shared/import-vocabulary';
import { MappingTable } from './mapping-table';
import type { FileHints } from './session';
import { suggest, updateEntry } from './setup-actions';

/** The name pattern is kept only once it still matches this file, so the file never loses its mapping mid-typing. */
function PatternField({ file, entry, index }: { file: SniffedFile; entry: FileMapping; index: number }) {
  const id = useId();
  const [text, setText] = useState(entry.match);
  const [shown, setShown] = useState(entry.match);
  if (shown !== entry.match) {
    setShown(entry.match);
    setText(entry.match);
  }
  const valid = text.trim() !== '' && text.length <= 200 && matchesPattern(file.name, text.trim());
  const commit = () => {
    if (valid && text.trim() !== entry.match) updateEntry(index, { ...entry, match: text.trim() });
  };
  return (
    <label className="field">
      <span>File name pattern</span>
      <input
        type="text"
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${id}-help`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <span id={`${id}-help`} className={valid ? 'muted small' : 'field-error small'}>
        {valid
          ? 'Files whose name matches are read with this mapping; * stands for any characters, ? for one.'
          : `The pattern must match ${file.name}.`}
      </span>
    </label>
  );
}

function SensitiveWarning({ columns }: { columns: string[] }) {
  if (columns.length === 0) return null;
  return (
    <div className="warning" role="note">
      <strong>{columns.join(', ')}</strong> {columns.length === 1 ? 'looks' : 'look'} like Social Security or tax ID
      numbers. They are never imported in clear: mapped to tax_id they are kept only as a salted hash, for matching, and
      they cannot be mapped to any other field.
    </div>
  );
}

/** How one file's columns become standard fields, with the suggestion's reasons. */
export function MappingPanel({
  file,
  entry,
  index,
  hints,
  targets,
}: {
  file: SniffedFile;
  entry: FileMapping;
  index: number;
  hints: FileHints | undefined;
  targets: ImportTargets;
}) {
  return (
    <div className="mapping">
      <div className="mapping-head">
        <PatternField key={index} file={file} entry={entry} index={index} />
        <button type="button" className="secondary" onClick={() => void suggest(file)}>
          Suggest a mapping
        </button>
      </div>
      <SensitiveWarning columns={hints?.sensitive ?? []} />
      <MappingTable
        file={file}
        entry={entry}
        targets={targets[entry.kind]}
        reasons={hints?.reasons ?? {}}
        sensitive={hints?.sensitive ?? []}
        onChange={(next) => updateEntry(index, next)}
      />
    </div>
  );
}
