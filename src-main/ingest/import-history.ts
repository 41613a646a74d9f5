import type { Db } from '../db/open';

export interface ImportRecord {
  id: number;
  started_at: string;
  finished_at: string | null;
  actor: string;
  profile: string;
  source: string;
  status: string;
  files: {
    path: string;
    kind: string;
    fingerprint: string;
    rows_read: number;
    rows_loaded: number;
    rows_quarantined: number;
  }[];
}

/** Every import, newest first, with its files, fingerprints and counts. */
export function listImports(db: Db): ImportRecord[] {
  const imports = db
    .prepare('SELECT id, started_at, finished_at, actor, profile, source, status FROM imports ORDER BY id DESC')
    .all() as Omit<ImportRecord, 'files'>[];
  const files = db.prepare(
    `SELECT path, kind, fingerprint, rows_read, rows_loaded, rows_quarantined
     FROM import_files WHERE import_id = ? ORDER BY id`,
  );
  return imports.map((i) => ({ ...i, files: files.all(i.id) as ImportRecord['files'] }));
}
