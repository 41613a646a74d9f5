/**
 * The importer: files read through a mapping profile (the Mainstreet standard layout is one),
 * every row validated and its references checked, everything written in one transaction, so an
 * import lands whole or not at all. The demo bank is built through it, exactly as a bank's own
 * files are. With quarantine, good rows load and bad ones are kept with their reasons.
 */
import { basename } from 'node:path';
import { getHouseholdRule, regroupHouseholds } from '../bank/households';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { matchesPattern, type FileMapping, type MappingProfile } from '../../src-shared/mapping-profile';
import { readCsv, type CsvFormat } from './csv-stream';
import { readFixedWidth } from './fixed-width-stream';
import { isXlsx, readXlsx } from './xlsx-stream';
import { MAINSTREET_STANDARD } from './profiles/mainstreet-standard';
import { createAdapter, type RecordAdapter } from './record-adapter';
import { sniff } from './sniff';
import { deferIndexesIfEmpty } from './deferred-indexes';
import { LAYOUT, STANDARD_KINDS, type StandardKind } from './standard-layout';
import { randomBytes } from 'node:crypto';
import { bankMerchantCleaner } from './merchant-rules';
import { MASK, maskRecord } from './sensitive';
import { createWriters, refreshCustomerSummaries, type MerchantCleaner, type RowWriter } from './standard-writers';
import { createUndoJournal, type UndoJournal } from './undo-journal';
import { layoutBindings, validateRecord, type LoadIssue } from './validate-row';

const TABLE_OF: Record<StandardKind, string> = {
  products: 'products',
  geography: 'geography',
  customers: 'customers',
  accounts: 'accounts',
  owners: 'account_owners',
  payees: 'payees',
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
  /** Standard field → loaded rows where it was empty (mapped fields only). */
  missing_by_field: Record<string, number>;
  duplicates: number;
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
  /** Rows read so far, over all files. */
  rows: number;
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
  /** Merchant cleanup for transaction descriptions; default: the bank's rules, then the dictionary. */
  cleanMerchant?: MerchantCleaner;
}

export class LoadError extends Error {
  constructor(
    readonly issues: LoadIssue[],
    /** The files read before the load stopped; nothing of them was written. */
    readonly files: LoadedFile[] = [],
    /** All problems found; `issues` keeps the first ones. */
    readonly count = issues.length,
  ) {
    // (an empty list means every file was empty)
    const first = issues[0];
    super(
      first
        ? `${count} problem(s) found; nothing was imported. First: ${first.file} row ${first.row}, column ${first.column}, value "${first.value}": ${first.reason}`
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

/**
 * Load order: by kind, except that accounts which take their owners from an owners row or
 * another account (cards of a disposition, loans of an account) load after the owners.
 */
function rank(file: PlannedFile): number {
  const linked =
    file.kind === 'accounts' && ('owner_key' in file.mapping.fields || 'owners_from_account' in file.mapping.fields);
  return linked ? STANDARD_KINDS.indexOf('owners') * 2 + 1 : STANDARD_KINDS.indexOf(file.kind) * 2;
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
  return planned.sort((a, b) => rank(a) - rank(b));
}

/** A workbook's cells are already fields; its first non-empty row is the header. */
const XLSX_FORMAT = { encoding: 'utf-8', delimiter: ',', quote: '"', header: true } as const;

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
  let issueCount = 0;
  const note = (issue: LoadIssue) => {
    issueCount += 1;
    if (issues.length < maxIssues) issues.push(issue);
  };
  const loaded: LoadedFile[] = [];
  const now = () => new Date().toISOString();

  const restorePragmas = bulkLoadPragmas(db);
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
    const lastTransactionBefore = (db.prepare('SELECT MAX(id) FROM transactions').pluck().get() as number | null) ?? 0;
    const journal = createUndoJournal(db, importId);
    const householdRule = getHouseholdRule(db);
    const {
      write: writers,
      stats,
      flush,
    } = createWriters(db, {
      journal,
      ...(options.asOf ? { asOf: options.asOf } : {}),
      cleanMerchant: lazyCleaner(db, options.cleanMerchant),
      taxIdSalt: taxIdSalt(db, journal),
      householdRule,
    });
    writeProfileProducts(db, profile, writers.products);
    if (profile.currency) setSettingJournalled(db, journal, 'currency', profile.currency);
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
    let rowsBefore = 0;
    for (const [position, file] of files.entries()) {
      options.signal?.throwIfAborted();
      const name = basename(file.path);
      const writer = writers[file.kind];
      const specs = LAYOUT[file.kind];
      const bindings = layoutBindings(specs);
      const mapped = specs.map((spec) => spec.name in file.mapping.fields);
      const missing = new Array<number>(specs.length).fill(0);
      const xlsx = isXlsx(file.path);
      const format = xlsx ? XLSX_FORMAT : formatOf(file.path, file.mapping);
      let adapter: RecordAdapter | null = null;
      let loadedRows = 0;
      let quarantinedRows = 0;
      stats.duplicates = 0;
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
          for (let i = 0; i < specs.length; i++)
            if (mapped[i] && standard?.[i] === '') missing[i] = (missing[i] ?? 0) + 1;
          return;
        }
        const masked = rowIssues.map((issue) => ({
          ...issue,
          column: adapter?.label(issue.column) ?? issue.column,
          value: issue.column === 'tax_id' ? MASK : issue.value,
        }));
        masked.forEach(note);
        if (options.quarantine) {
          quarantinedRows += 1;
          const kept = maskRecord(record, adapter.sensitive);
          quarantine.run(importId, name, file.kind, row, JSON.stringify(kept), JSON.stringify(masked));
        }
      };

      const widths = file.mapping.format.widths;
      const reader = xlsx ? readXlsx : widths ? readFixedWidth : readCsv;
      const result = await reader(file.path, {
        signal: options.signal,
        format,
        widths: widths ?? [],
        encoding: format.encoding,
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
          options.onProgress?.({
            step,
            current: bytesBefore + Math.min(p.bytes, p.totalBytes),
            total,
            rows: rowsBefore + p.records,
          });
        },
      });
      flush();
      restoreIndexes();
      bytesBefore += sizes[position] ?? 0;
      const rowsRead = result.records + (format.header ? 0 : 1);
      rowsBefore += rowsRead;
      const done: LoadedFile = {
        path: file.path,
        kind: file.kind,
        rows_read: rowsRead,
        rows_loaded: loadedRows,
        rows_quarantined: quarantinedRows,
        fingerprint: result.fingerprint,
        missing_by_field: Object.fromEntries(
          specs.flatMap((spec, i) => (mapped[i] && (missing[i] ?? 0) > 0 ? [[spec.name, missing[i] ?? 0]] : [])),
        ),
        duplicates: stats.duplicates,
      };
      loaded.push(done);
      options.onFileLoaded?.(done, (performance.now() - fileStarted) / 1000);
    }
    const nothingWritten = () => loaded.map((f) => ({ ...f, rows_loaded: 0, rows_quarantined: 0 }));
    if (fatal || (issues.length > 0 && !options.quarantine)) {
      throw new LoadError(issues, nothingWritten(), issueCount);
    }
    if (loaded.every((f) => f.rows_loaded === 0)) throw new LoadError(issues, nothingWritten(), issueCount);

    options.onProgress?.({ step: 'Grouping households and totals', current: allBytes, total, rows: rowsBefore });
    // Joining customers who share an account looks across the whole bank, once all files are in.
    if (householdRule.shared_accounts) regroupHouseholds(db, householdRule, journal);
    else refreshCustomerSummaries(db, journal);
    const insertFile = db.prepare(
      `INSERT INTO import_files (import_id, path, kind, fingerprint, rows_read, rows_loaded, rows_quarantined, quality)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of loaded) {
      const quality = JSON.stringify({ missing_by_field: f.missing_by_field, duplicates: f.duplicates });
      insertFile.run(importId, f.path, f.kind, f.fingerprint, f.rows_read, f.rows_loaded, f.rows_quarantined, quality);
    }
    const lastTransaction = (db.prepare('SELECT MAX(id) FROM transactions').pluck().get() as number | null) ?? 0;
    db.prepare(
      `UPDATE imports SET status = 'done', finished_at = ?, first_transaction_id = ?, last_transaction_id = ?
       WHERE id = ?`,
    ).run(
      now(),
      lastTransaction > lastTransactionBefore ? lastTransactionBefore + 1 : null,
      lastTransaction > lastTransactionBefore ? lastTransaction : null,
      importId,
    );
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
    options.onProgress?.({ step: 'Done', current: total, total, rows: rowsBefore });
    return { import_id: importId, files: loaded, issues };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    restorePragmas();
  }
}

/**
 * Settings for the length of an import, put back after it. A 64 MB page cache keeps the
 * indexes' hot pages in memory (the 2 MB default re-reads them on every row of a large file:
 * 2× slower). Foreign keys are not checked by SQLite row by row: every writer resolves its
 * references itself (and refuses a row whose account, customer or product is unknown), so the
 * check would only repeat that work.
 */
function bulkLoadPragmas(db: Db): () => void {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -65536');
  return () => {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    db.pragma(`cache_size = ${cacheSize}`);
  };
}

/**
 * The merchant cleaner, made when the first transaction needs it: by then this import's
 * customers are in, so their towns are known to it.
 */
function lazyCleaner(db: Db, given: MerchantCleaner | undefined): MerchantCleaner {
  let cleaner = given ?? null;
  return (description, mcc) => {
    cleaner ??= bankMerchantCleaner(db);
    return cleaner(description, mcc);
  };
}

/** Products the profile lists (a core that has no product file) load first, like a products file. */
function writeProfileProducts(db: Db, profile: MappingProfile, write: RowWriter): void {
  for (const p of profile.products ?? []) {
    write({ product_code: p.code, product_name: p.name, family: p.family, interest_bearing: p.interest_bearing });
  }
}

function setSettingJournalled(db: Db, journal: UndoJournal, key: string, value: string): void {
  const existing = db.prepare('SELECT 1 FROM settings WHERE key = ?').pluck().get(key);
  if (existing) journal.before('settings', [key]);
  else journal.added('settings', [key]);
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** This database's own salt for tax ids, made on first use. */
function taxIdSalt(db: Db, journal: UndoJournal): string {
  const salt = db.prepare("SELECT value FROM settings WHERE key = 'tax_id_salt'").pluck().get();
  if (typeof salt === 'string') return salt;
  const made = randomBytes(32).toString('hex');
  setSettingJournalled(db, journal, 'tax_id_salt', made);
  return made;
}
