/**
 * The foundation's loader for the Mainstreet standard layout. It validates every row, checks
 * references, and writes everything in one transaction: the import lands whole or not at all.
 * The demo bank is built through it, exactly as a bank's own files would be.
 */
import { basename } from 'node:path';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { readCsv } from './csv-stream';
import { deferIndexesIfEmpty } from './deferred-indexes';
import { LAYOUT, STANDARD_KINDS, standardKindOf, type StandardKind } from './standard-layout';
import { createWriters, refreshCustomerSummaries } from './standard-writers';
import { bindColumns, validateRecord, type LoadIssue } from './validate-row';

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
}

export class LoadError extends Error {
  constructor(readonly issues: LoadIssue[]) {
    const first = issues[0];
    super(
      first
        ? `${issues.length} problem(s) found; nothing was imported. First: ${first.file} row ${first.row}, column ${first.column}, value "${first.value}": ${first.reason}`
        : 'nothing was imported',
    );
    this.name = 'LoadError';
  }
}

function orderFiles(paths: string[]): { path: string; kind: StandardKind }[] {
  const files = paths.map((path) => {
    const kind = standardKindOf(path);
    if (!kind) {
      throw new LoadError([
        {
          file: basename(path),
          row: 0,
          column: '',
          value: basename(path),
          reason: `not a standard-layout file name; expected one of ${STANDARD_KINDS.map((k) => `${k}.csv`).join(', ')}`,
        },
      ]);
    }
    return { path, kind };
  });
  return files.sort((a, b) => STANDARD_KINDS.indexOf(a.kind) - STANDARD_KINDS.indexOf(b.kind));
}

export async function loadStandardFiles(db: Db, paths: string[], options: LoadOptions): Promise<LoadResult> {
  const files = orderFiles(paths);
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
           VALUES (?, ?, 'mainstreet-standard', ?, 'running')`,
        )
        .run(now(), options.actor, options.source).lastInsertRowid,
    );
    const writers = createWriters(db);
    for (const [position, file] of files.entries()) {
      options.signal?.throwIfAborted();
      const name = basename(file.path);
      const writer = writers[file.kind];
      let bindings: ReturnType<typeof bindColumns>['bindings'] = [];
      let loadedRows = 0;
      const fileStarted = performance.now();
      const restoreIndexes = deferIndexesIfEmpty(db, TABLE_OF[file.kind], REBUILD_AFTER_BULK[file.kind]);
      const step = `Loading ${name} (${position + 1} of ${files.length})`;
      const result = await readCsv(file.path, {
        signal: options.signal,
        onHeader(header) {
          const bound = bindColumns(name, header, LAYOUT[file.kind]);
          bound.issues.forEach(note);
          bindings = bound.bindings;
          return bound.issues.length === 0;
        },
        onRecord(record, row) {
          const values = validateRecord(name, row, record, bindings, issues);
          if (issues.length > maxIssues) issues.length = maxIssues;
          if (!values) return;
          const problem = writer(values);
          if (problem) note({ file: name, row, column: problem[0], value: problem[1], reason: problem[2] });
          else loadedRows += 1;
        },
        onProgress(p) {
          options.onProgress?.({ step, current: p.bytes, total: p.totalBytes });
        },
      });
      restoreIndexes();
      const done: LoadedFile = {
        path: file.path,
        kind: file.kind,
        rows_read: result.records,
        rows_loaded: loadedRows,
        rows_quarantined: 0,
        fingerprint: result.fingerprint,
      };
      loaded.push(done);
      options.onFileLoaded?.(done, (performance.now() - fileStarted) / 1000);
    }
    if (issues.length > 0) throw new LoadError(issues);

    options.onProgress?.({ step: 'Grouping households and totals', current: 0, total: 1 });
    refreshCustomerSummaries(db);
    const insertFile = db.prepare(
      `INSERT INTO import_files (import_id, path, kind, fingerprint, rows_read, rows_loaded, rows_quarantined)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of loaded) {
      insertFile.run(importId, f.path, f.kind, f.fingerprint, f.rows_read, f.rows_loaded, 0);
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
    options.onProgress?.({ step: 'Done', current: 1, total: 1 });
    return { import_id: importId, files: loaded };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
