/**
 * The import history: every import with who, when, its files' fingerprints and counts; the
 * data-quality view of one import; its quarantined rows; and rolling the newest one back.
 */
import type { FileQuality, ImportIssue, ImportQuality, ImportRecord, QuarantinePage } from '../../src-shared/imports';
import { AppError } from '../app/errors';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { refreshCustomerSummaries } from './standard-writers';
import { undoImport } from './undo-journal';

type ImportRow = Omit<ImportRecord, 'files' | 'can_roll_back'>;

/** The newest import still in effect: the only one that can be rolled back. */
function rollbackCandidate(db: Db): number | null {
  const id = db.prepare("SELECT MAX(id) FROM imports WHERE status = 'done'").pluck().get() as number | null;
  return id ?? null;
}

const FILE_COLUMNS = 'path, kind, fingerprint, rows_read, rows_loaded, rows_quarantined';

function withFiles(db: Db, rows: ImportRow[]): ImportRecord[] {
  const files = db.prepare(`SELECT ${FILE_COLUMNS} FROM import_files WHERE import_id = ? ORDER BY id`);
  const candidate = rollbackCandidate(db);
  return rows.map((i) => ({
    ...i,
    files: files.all(i.id) as ImportRecord['files'],
    can_roll_back: i.id === candidate,
  }));
}

const IMPORT_COLUMNS = 'id, started_at, finished_at, actor, profile, source, status';

/** Every import, newest first, with its files, fingerprints and counts. */
export function listImports(db: Db): ImportRecord[] {
  return withFiles(db, db.prepare(`SELECT ${IMPORT_COLUMNS} FROM imports ORDER BY id DESC`).all() as ImportRow[]);
}

export function getImport(db: Db, id: number): ImportRecord {
  const row = db.prepare(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE id = ?`).get(id) as ImportRow | undefined;
  if (!row) throw new AppError('not_found', `There is no import #${id}.`);
  const [record] = withFiles(db, [row]);
  if (!record) throw new AppError('not_found', `There is no import #${id}.`);
  return record;
}

/**
 * Puts the database back as it was before the import: rows it added are removed, rows it
 * changed get their earlier values. Only the newest import still in effect can be rolled
 * back; roll back later ones first.
 */
export function rollbackImport(db: Db, id: number, actor: string): ImportRecord {
  const record = getImport(db, id);
  if (record.status === 'rolled_back') throw new AppError('invalid_input', `Import #${id} was already rolled back.`);
  if (record.status !== 'done')
    throw new AppError('invalid_input', `Import #${id} did not finish; nothing of it was kept.`);
  const candidate = rollbackCandidate(db);
  if (candidate !== id) {
    throw new AppError(
      'invalid_input',
      `Import #${id} cannot be rolled back while a later import (#${candidate}) is in effect; roll that one back first.`,
    );
  }
  db.transaction(() => {
    undoImport(db, id);
    refreshCustomerSummaries(db);
    db.prepare('DELETE FROM quarantine WHERE import_id = ?').run(id);
    db.prepare('DELETE FROM import_undo WHERE import_id = ?').run(id);
    db.prepare("UPDATE imports SET status = 'rolled_back', rolled_back_at = ? WHERE id = ?").run(
      new Date().toISOString(),
      id,
    );
    audit(db, { actor, action: 'import.rollback', entity: 'import', entity_id: String(id) });
  })();
  return getImport(db, id);
}

export function importQuality(db: Db, id: number): ImportQuality {
  const record = getImport(db, id);
  const rows = db
    .prepare(`SELECT ${FILE_COLUMNS}, quality FROM import_files WHERE import_id = ? ORDER BY id`)
    .all(id) as (ImportRecord['files'][number] & { quality: string | null })[];
  const files: FileQuality[] = rows.map(({ quality, ...file }) => {
    const parsed = quality ? (JSON.parse(quality) as Partial<FileQuality>) : {};
    return { ...file, missing_by_field: parsed.missing_by_field ?? {}, duplicates: parsed.duplicates ?? 0 };
  });
  const count = (sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  return {
    import: record,
    files,
    accounts_without_owners: count(
      'SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM account_owners o WHERE o.account_id = a.id)',
    ),
    transactions_without_accounts: count(
      `SELECT COUNT(*) FROM quarantine WHERE import_id = ? AND kind = 'transactions'
         AND issues LIKE '%no account with this number%'`,
      id,
    ),
    coverage: db
      .prepare(
        `SELECT substr(posted_date, 1, 7) AS month, COUNT(*) AS transactions
         FROM transactions GROUP BY month ORDER BY month`,
      )
      .all() as ImportQuality['coverage'],
    quarantined: count('SELECT COUNT(*) FROM quarantine WHERE import_id = ?', id),
  };
}

export function quarantinePage(db: Db, id: number, page: number, pageSize: number): QuarantinePage {
  getImport(db, id);
  const total = db.prepare('SELECT COUNT(*) FROM quarantine WHERE import_id = ?').pluck().get(id) as number;
  const rows = db
    .prepare(
      'SELECT id, file, kind, row, record, issues FROM quarantine WHERE import_id = ? ORDER BY id LIMIT ? OFFSET ?',
    )
    .all(id, pageSize, page * pageSize) as {
    id: number;
    file: string;
    kind: string;
    row: number;
    record: string;
    issues: string;
  }[];
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      record: JSON.parse(r.record) as string[],
      issues: JSON.parse(r.issues) as ImportIssue[],
    })),
  };
}

/** Every problem of an import's quarantined rows, for the report export. */
export function quarantineIssues(db: Db, id: number): ImportIssue[] {
  getImport(db, id);
  const rows = db.prepare('SELECT issues FROM quarantine WHERE import_id = ? ORDER BY id').pluck().all(id) as string[];
  return rows.flatMap((text) => JSON.parse(text) as ImportIssue[]);
}
