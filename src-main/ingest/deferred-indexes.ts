import type { Db } from '../db/open';

/**
 * Loading into an empty table is faster with its secondary indexes and triggers put back
 * once at the end (an index built in one sorted pass, a derived table rebuilt in bulk) than
 * maintained row by row. The definitions are read back from the schema itself, so the
 * migrations stay the only place they are written. Unique constraints are kept: they are what
 * makes a re-import change nothing.
 */
export function deferIndexesIfEmpty(db: Db, table: string, rebuildAfter: readonly string[] = []): () => void {
  const empty = db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM "${table}")`).pluck().get() === 1;
  if (!empty) return () => undefined;
  const objects = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE INDEX%'`,
    )
    .all(table) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  for (const o of objects) db.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} "${o.name}"`);
  return () => {
    for (const o of objects) db.exec(o.sql);
    for (const sql of rebuildAfter) db.exec(sql);
  };
}
