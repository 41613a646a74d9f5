/**
 * The importer: files read through a mapping profile (the Mainstreet standard layout is one),
 * every row validated and its references checked, everything written in one transaction, so an
 * import lands whole or not at all. The demo bank is built through it, exactly as a bank's own
 * files are. With quarantine, good rows load and bad ones are kept with their reasons.
 */
import { basename } from 'node:path';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { matchesPattern, type FileMapping, type MappingProfile } from '../../src-shared/mapping-profile';
import { readCsv, type CsvFormat } from './csv-stream';
import { MAINSTREET_STANDARD } from './profiles/mainstreet-standard';
import { createAdapter, type RecordAdapter } from './record-adapter';
import { sniff } from './sniff';
import { deferIndexesIfEmpty } from './deferred-indexes';
import { LAYOUT, STANDARD_KINDS, type StandardKind } from './standard-layout';
import { createWriters, refreshCustomerSummaries } from './standard-writers';
import { layoutBindings, validateRecord, type LoadIssue } from './validate-row';

const TABLE_OF: Record<StandardKind, string> = {
  products: 'products',
  customers: 'customers',
  accounts: 'accounts',
  transactions: 'transactions',
  balances: 'balance_snapshots',
};

/** Derived data rebuilt in bulk after a load into an empty table (its triggers were off). */
const REBUILD_AFTER_BULK: Partial<Record<StandardKind, string[]>> = {
  customers: [`INSERT INTO customer_search (customer_search) VALUES ('rebuild')`],
};

export interface LoadedFile {
  path: string;
  kind: StandardKind;
  rows_read: number;
  rows_loaded: number;
  rows_quarantined: number;
  fingerprint: string;
}

export interface LoadResult {
  import_id: number;
  files: LoadedFile[];
  /** Problems with rows that were quarantined (empty unless options.quarantine). */
  issues: LoadIssue[];
}

export interface LoadProgress {
  step: string;
  current: number;
  total: number;
}

export interface LoadOptions {
  actor: string;
  source: string;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
  /** Stop collecting issues after this many (the load fails either way). */
  maxIssues?: number;
  /** Called as each file finishes, with its wall time: for benchmarks. */
  onFileLoaded?: (file: LoadedFile, seconds: number) => void;
  /** Load the good rows and keep the bad ones in quarantine, instead of loading nothing. */
  quarantine?: boolean;
  /** Record each imported account's balance as the snapshot of this date (YYYY-MM-DD). */
  asOf?: string;
}

export class LoadError extends Error {
  constructor(
    readonly issues: LoadIssue[],
    /** The files read before the load stopped; nothing of them was written. */
    readonly files: LoadedFile[] = [],
  ) {
    // (an empty list means every file was empty)
    const first = issues[0];
    super(
      first
        ? `${issues.length} problem(s) found; nothing was imported. First: ${first.file} row ${first.row}, column ${first.column}, value "${first.value}": ${first.reason}`
        : 'nothing was imported: the files hold no rows',
    );
    this.name = 'LoadError';
  }
}

interface PlannedFile {
  path: string;
  kind: StandardKind;
  mapping: FileMapping;
}

/** Each file's mapping in the profile, by file name; files load in dependency order. */
function planFiles(paths: string[], profile: MappingProfile): PlannedFile[] {
  const planned = paths.map((path) => {
    const mapping = profile.files.find((f) => matchesPattern(path, f.match));
    if (!mapping) {
      throw new LoadError([
        {
          file: basename(path),
          row: 0,
          column: '',
          value: basename(path),
          reason: `no file of profile "${profile.name}" matches this name; expected ${profile.files.map((f) => f.match).join(', ')}`,
        },
      ]);
    }
    return { path, kind: mapping.kind, mapping };
  });
  return planned.sort((a, b) => STANDARD_KINDS.indexOf(a.kind) - STANDARD_KINDS.indexOf(b.kind));
}

/** The profile's format where it says, what the file's first bytes show elsewhere. */
function formatOf(path: string, mapping: FileMapping): CsvFormat & { header: boolean } {
  const needsSniff = Object.keys(mapping.format).length < 4;
  const sniffed = needsSniff ? sniffFile(path) : null;
  return {
    encoding: mapping.format.encoding ?? sniffed?.encoding ?? 'utf-8',
    delimiter: mapping.format.delimiter ?? sniffed?.delimiter ?? ',',
    quote: mapping.format.quote === undefined ? (sniffed?.quote ?? '"') : mapping.format.quote,
    header: mapping.format.header ?? sniffed?.header ?? true,
  };
}

function sniffFile(path: string) {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return sniff(new Uint8Array(buffer.subarray(0, read)));
  } finally {
    closeSync(fd);
  }
}

/** The foundation's entry point: files in the Mainstreet standard layout. */
export function loadStandardFiles(db: Db, paths: string[], options: LoadOptions): Promise<LoadResult> {
  return importFiles(db, paths, MAINSTREET_STANDARD, options);
}

export async function importFiles(
  db: Db,
  paths: string[],
  profile: MappingProfile,
  options: LoadOptions,
): Promise<LoadResult> {
  const files = planFiles(paths, profile);
  const maxIssues = options.maxIssues ?? 1000;
  const issues: LoadIssue[] = [];
  const note = (issue: LoadIssue) => {
    if (issues.length < maxIssues) issues.push(issue);
  };
  const loaded: LoadedFile[] = [];
  const now = () => new Date().toISOString();

  db.exec('BEGIN IMMEDIATE');
  try {
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (started_at, actor, profile, source, status)
           VALUES (?, ?, ?, ?, 'running')`,
        )
        .run(now(), options.actor, profile.name, options.source).lastInsertRowid,
    );
    const writers = createWriters(db, options.asOf);
    const quarantine = db.prepare(
      'INSERT INTO quarantine (import_id, file, kind, row, record, issues) VALUES (?, ?, ?, ?, ?, ?)',
    );
    let fatal = false;
    // Progress runs over all files' bytes together, so the bar never goes back between files.
    const sizes = files.map((f) => statSync(f.path).size);
    const allBytes = Math.max(
      1,
      sizes.reduce((sum, size) => sum + size, 0),
    );
    // The last 2% of the bar is the summaries and indexes after the last file.
    const total = Math.ceil(allBytes * 1.02);
    let bytesBefore = 0;
    for (const [position, file] of files.entries()) {
      options.signal?.throwIfAborted();
      const name = basename(file.path);
      const writer = writers[file.kind];
      const bindings = layoutBindings(LAYOUT[file.kind]);
      const format = formatOf(file.path, file.mapping);
      let adapter: RecordAdapter | null = null;
      let loadedRows = 0;
      let quarantinedRows = 0;
      const fileStarted = performance.now();
      const restoreIndexes = deferIndexesIfEmpty(db, TABLE_OF[file.kind], REBUILD_AFTER_BULK[file.kind]);
      const step = `Loading ${name} (${position + 1} of ${files.length})`;

      const handleRecord = (record: string[], row: number) => {
        if (!adapter) return;
        const rowIssues: LoadIssue[] = [];
        const standard = adapter.toStandard(record, row, rowIssues);
        const values = standard ? validateRecord(name, row, standard, bindings, rowIssues) : null;
        const problem = values ? writer(values) : null;
        if (problem) rowIssues.push({ file: name, row, column: problem[0], value: problem[1], reason: problem[2] });
        if (rowIssues.length === 0) {
          loadedRows += 1;
          return;
        }
        for (const issue of rowIssues) note({ ...issue, column: adapter.label(issue.column) });
        if (options.quarantine) {
          quarantinedRows += 1;
          quarantine.run(importId, name, file.kind, row, JSON.stringify(record), JSON.stringify(rowIssues));
        }
      };

      const result = await readCsv(file.path, {
        signal: options.signal,
        format,
        onHeader(header) {
          adapter = createAdapter(name, file.mapping, format.header ? header : null);
          adapter.headerIssues.forEach(note);
          if (adapter.headerIssues.length > 0) {
            fatal = true;
            return false;
          }
          // Without a header the first line is data.
          if (!format.header) handleRecord(header, 1);
          return true;
        },
        onRecord: handleRecord,
        onProgress(p) {
          options.onProgress?.({ step, current: bytesBefore + Math.min(p.bytes, p.totalBytes), total });
        },
      });
      restoreIndexes();
      bytesBefore += sizes[position] ?? 0;
      const done: LoadedFile = {
        path: file.path,
        kind: file.kind,
        rows_read: result.records + (format.header ? 0 : 1),
        rows_loaded: loadedRows,
        rows_quarantined: quarantinedRows,
        fingerprint: result.fingerprint,
      };
      loaded.push(done);
      options.onFileLoaded?.(done, (performance.now() - fileStarted) / 1000);
    }
    const nothingWritten = () => loaded.map((f) => ({ ...f, rows_loaded: 0, rows_quarantined: 0 }));
    if (fatal || (issues.length > 0 && !options.quarantine)) throw new LoadError(issues, nothingWritten());
    if (loaded.every((f) => f.rows_loaded === 0)) throw new LoadError(issues, nothingWritten());

    options.onProgress?.({ step: 'Grouping households and totals', current: allBytes, total });
    refreshCustomerSummaries(db);
    const insertFile = db.prepare(
      `INSERT INTO import_files (import_id, path, kind, fingerprint, rows_read, rows_loaded, rows_quarantined)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of loaded) {
      insertFile.run(importId, f.path, f.kind, f.fingerprint, f.rows_read, f.rows_loaded, f.rows_quarantined);
    }
    db.prepare(`UPDATE imports SET status = 'done', finished_at = ? WHERE id = ?`).run(now(), importId);
    audit(db, {
      actor: options.actor,
      action: 'import',
      entity: 'import',
      entity_id: String(importId),
      detail: {
        source: options.source,
        files: loaded.map((f) => ({ file: basename(f.path), kind: f.kind, rows: f.rows_loaded })),
      },
    });
    db.exec('COMMIT');
    options.onProgress?.({ step: 'Done', current: total, total });
    return { import_id: importId, files: loaded, issues };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
