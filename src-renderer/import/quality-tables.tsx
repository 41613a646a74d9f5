import type { FileQuality } from '../../src-shared/imports';
import { fileName, formatInt, formatShare } from '../lib/format';
import { KIND_LABEL } from './field-types';

/** A file's SHA-256, shortened; the whole of it on hover. */
export function Fingerprint({ value }: { value: string }) {
  return (
    <abbr className="fingerprint" title={`SHA-256 ${value}`}>
      {value.slice(0, 12)}
    </abbr>
  );
}

/** Rows read, loaded and quarantined per file, and the duplicates among them. */
export function QualityFiles({ files }: { files: FileQuality[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="quality-files">
        <caption className="visually-hidden">Rows per file</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Holds</th>
            <th scope="col">Fingerprint</th>
            <th scope="col" className="num">
              Read
            </th>
            <th scope="col" className="num">
              Loaded
            </th>
            <th scope="col" className="num">
              Quarantined
            </th>
            <th scope="col" className="num">
              Duplicates
            </th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.path}>
              <th scope="row" title={f.path}>
                {fileName(f.path)}
              </th>
              <td>{f.kind in KIND_LABEL ? KIND_LABEL[f.kind as keyof typeof KIND_LABEL] : f.kind}</td>
              <td>
                <Fingerprint value={f.fingerprint} />
              </td>
              <td className="num">{formatInt(f.rows_read)}</td>
              <td className="num">{formatInt(f.rows_loaded)}</td>
              <td className="num">{formatInt(f.rows_quarantined)}</td>
              <td className="num">{formatInt(f.duplicates)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Fields left empty, by file and field: a core that stopped sending phone numbers shows here. */
export function MissingFields({ files }: { files: FileQuality[] }) {
  const rows = files.flatMap((f) =>
    Object.entries(f.missing_by_field)
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([field, count]) => ({ file: f, field, count })),
  );
  if (rows.length === 0) return <p className="muted">No field was left empty in the loaded rows.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="quality-missing">
        <caption className="visually-hidden">Empty values by field</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Field</th>
            <th scope="col" className="num">
              Rows without it
            </th>
            <th scope="col" className="num">
              Share of loaded rows
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ file, field, count }) => (
            <tr key={`${file.path}:${field}`}>
              <td>{fileName(file.path)}</td>
              <th scope="row">
                <code>{field}</code>
              </th>
              <td className="num">{formatInt(count)}</td>
              <td className="num">{file.rows_loaded > 0 ? formatShare(count / file.rows_loaded) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
