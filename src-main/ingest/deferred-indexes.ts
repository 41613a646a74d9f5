import type { Db } from '../db/open';

/**
 * Loading into an empty table is faster with its secondary indexes built once at the end
 * (one sorted pass) than maintained row by row. The definitions are read back from the
 * schema itself, so the migrations stay the only place indexes are written. Unique
 * constraints are kept: they are what makes a re-import change nothing.
 */
export function deferIndexesIfEmpty(db: Db, table: string): () => void {
  const empty = db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM "${table}")`).pluck().get() === 1;
  if (!empty) return () => undefined;
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
}
