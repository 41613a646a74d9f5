import { useId } from 'react';
import type { ImportTargets, SniffedFile } from '../../src-shared/imports';
import type { ImportKind } from '../../src-shared/mapping-profile';
import { IMPORT_KINDS } from '../../src-shared/import-vocabulary';
import { formatBytes } from '../lib/format';
import { entryIndex } from './draft';
import { delimiterLabel, KIND_LABEL } from './field-types';
import { MappingPanel } from './mapping-panel';
import type { SetupState } from './session';
import { removeFile, setKind } from './setup-actions';

const PREVIEW_ROWS = 5;
const LINE_ENDING = { LF: 'LF (Unix, macOS)', CRLF: 'CRLF (Windows)', CR: 'CR (old Mac)' } as const;
const QUOTE = { '"': 'double quote (")', "'": "single quote (')" } as const;

function FileFacts({ file }: { file: SniffedFile }) {
  // A workbook has cells, not delimiters, quotes or line endings.
  if (/\.xlsx$/i.test(file.name)) {
    return (
      <dl className="facts">
        <dt>Size</dt>
        <dd>{formatBytes(file.size_bytes)}</dd>
        <dt>Format</dt>
        <dd>Excel workbook (first sheet; its first row is the header)</dd>
      </dl>
    );
  }
  return (
    <dl className="facts">
      <dt>Size</dt>
      <dd>{formatBytes(file.size_bytes)}</dd>
      <dt>Encoding</dt>
      <dd>
        {file.encoding}
        {file.bom ? ' with byte-order mark' : ''}
      </dd>
      <dt>Delimiter</dt>
      <dd>{delimiterLabel(file.delimiter)}</dd>
      <dt>Quote</dt>
      <dd>{file.quote ? QUOTE[file.quote] : 'none'}</dd>
      <dt>Header row</dt>
      <dd>{file.header ? 'yes' : 'no (columns are numbered)'}</dd>
      <dt>Line ending</dt>
      <dd>{LINE_ENDING[file.line_ending]}</dd>
    </dl>
  );
}

function Preview({ file }: { file: SniffedFile }) {
  const rows = file.rows.slice(0, PREVIEW_ROWS);
  return (
    <div className="table-scroll preview">
      <table className="data-table compact">
        <caption className="visually-hidden">First rows of {file.name}</caption>
        <thead>
          <tr>
            {file.columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {file.columns.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty">The file has no data rows.</p> : null}
    </div>
  );
}

/** One picked file: what it looks like, what it holds, and how its columns map. */
export function FileCard({ file, setup, targets }: { file: SniffedFile; setup: SetupState; targets: ImportTargets }) {
  const id = useId();
  const index = entryIndex(setup.draft, file.name);
  const entry = setup.draft.files[index];
  // Two files read by one entry (say two months of one export) share one mapping: edit it once.
  const first = setup.files.find((f) => entryIndex(setup.draft, f.name) === index);
  const sharedWith = entry && first && first.path !== file.path ? first : null;
  return (
    <section className="panel file-card" aria-labelledby={`${id}-name`} data-testid="file-card">
      <div className="file-card-head">
        <h2 id={`${id}-name`}>{file.name}</h2>
        <label className="field inline">
          <span>Holds</span>
          <select
            aria-label={`What ${file.name} holds`}
            value={entry?.kind ?? ''}
            onChange={(e) => void setKind(file, e.target.value as ImportKind)}
          >
            {entry ? null : (
              <option value="" disabled>
                Choose what this file holds
              </option>
            )}
            {IMPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => removeFile(file.path)}>
          Remove<span className="visually-hidden"> {file.name}</span>
        </button>
      </div>
      <FileFacts file={file} />
      <Preview file={file} />
      {!entry ? (
        <p className="notice">Choose what this file holds to map its columns.</p>
      ) : sharedWith ? (
        <p className="muted">
          Read with the same mapping as {sharedWith.name} (name pattern “{entry.match}”).
        </p>
      ) : (
        <MappingPanel file={file} entry={entry} index={index} hints={setup.hints[file.path]} targets={targets} />
      )}
    </section>
  );
}
