/**
 * The audit log as the user reads and saves it: who did what, when, to which record, with the
 * detail (before/after for approvals and edits), newest first, as JSON or a CSV/XLSX table.
 */
import type { Db } from '../db/open';
import { tableCsv, tableXlsx, type TableColumn } from './table-file';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON text, as recorded. */
  detail: string | null;
}

export function readAuditLog(
  db: Db,
  options: { entity?: string | undefined; limit?: number | undefined } = {},
): AuditRow[] {
  const limit = options.limit ?? 1000;
  return (
    options.entity
      ? db.prepare('SELECT * FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT ?').all(options.entity, limit)
      : db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
  ) as AuditRow[];
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
