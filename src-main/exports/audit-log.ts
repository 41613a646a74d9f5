/**
 * The audit log as the user reads and saves it: who did what, when, to which record, with the
 * detail (before/after for approvals and edits), newest first, as JSON or a CSV/XLSX table.
 * Filters reach SQL as parameters only; the statement text never holds what the user typed.
 */
import type { AuditFilters, AuditPage, AuditRow } from '../../src-shared/audit-log';
import type { DownloadFile } from '../../src-shared/imports';
import type { Db } from '../db/open';
import { tableCsv, tableFile, tableXlsx, type TableColumn } from './table-file';

export type { AuditFilters, AuditPage, AuditRow } from '../../src-shared/audit-log';

export interface AuditQuery extends AuditFilters {
  offset?: number | undefined;
  /** At most this many entries (1,000 when not given); null for every entry that matches. */
  limit?: number | null | undefined;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause for the filters given: fixed text, the values as parameters. */
function whereOf(filters: AuditFilters): { where: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (filters.entity) {
    clauses.push('entity = ?');
    params.push(filters.entity);
  }
  if (filters.actor) {
    clauses.push('actor = ?');
    params.push(filters.actor);
  }
  const search = filters.search?.trim();
  if (search) {
    // LIKE folds ASCII letters only: "approve" finds "audience.approve", "CAROL" finds "Carol".
    clauses.push(
      `(action LIKE ? ESCAPE '\\' OR coalesce(entity_id, '') LIKE ? ESCAPE '\\' OR coalesce(detail, '') LIKE ? ESCAPE '\\')`,
    );
    const pattern = `%${likeEscape(search)}%`;
    params.push(pattern, pattern, pattern);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function readAuditLog(db: Db, options: AuditQuery = {}): AuditRow[] {
  const { where, params } = whereOf(options);
  const limit = options.limit === null ? -1 : (options.limit ?? 1000);
  return db
    .prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, options.offset ?? 0) as AuditRow[];
}

export function countAuditLog(db: Db, filters: AuditFilters = {}): number {
  const { where, params } = whereOf(filters);
  return db
    .prepare(`SELECT COUNT(*) FROM audit_log ${where}`)
    .pluck()
    .get(...params) as number;
}

/** One page of the audit log screen, with the choices its filters offer. */
export function auditLogPage(db: Db, query: AuditQuery & { offset: number; limit: number }): AuditPage {
  return {
    entries: readAuditLog(db, query),
    total: countAuditLog(db, query),
    entities: db.prepare('SELECT DISTINCT entity FROM audit_log ORDER BY entity').pluck().all() as string[],
    actors: db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[],
  };
}

const COLUMNS: TableColumn<AuditRow>[] = [
  { key: 'at', header: 'When (UTC)', width: 24 },
  { key: 'actor', header: 'Who', width: 16 },
  { key: 'action', header: 'What', width: 28 },
  { key: 'entity', header: 'Record', width: 16 },
  { key: 'entity_id', header: 'Record id', width: 10 },
  { key: 'detail', header: 'Detail', width: 80 },
];

export async function auditLogFile(rows: readonly AuditRow[], format: 'csv' | 'xlsx'): Promise<Buffer> {
  return format === 'csv' ? tableCsv(COLUMNS, rows) : tableXlsx('Audit log', COLUMNS, rows);
}

/** Every entry the filters match (not one page), as the file the screen downloads. */
export function auditLogDownload(db: Db, filters: AuditFilters, format: 'csv' | 'xlsx'): Promise<DownloadFile> {
  const rows = readAuditLog(db, { ...filters, limit: null });
  return tableFile(format, `audit-log-${new Date().toISOString().slice(0, 10)}`, 'Audit log', COLUMNS, rows);
}
