import { parseArgs } from 'node:util';
import { AppError } from '../app/errors';
import { currentActor } from '../db/audit';
import { listImports, rollbackImport } from '../ingest/import-history';
import { CliError, openExistingDb } from './cli-error';

export const IMPORTS_USAGE = `mainstreet imports list --db FILE [--json]
    The import history: who, when, profile, files with fingerprints and counts.
mainstreet imports rollback ID --db FILE [--json]
    Undo import ID: the rows it added are removed and the rows it changed get their earlier
    values back. Only the newest import still in effect can be rolled back.`;

export function importsCommand(args: string[]): void {
  const [verb, ...rest] = args;
  if (verb !== 'list' && verb !== 'rollback') {
    throw new CliError(verb ? `Unknown imports command "${verb}"` : 'imports needs list or rollback', 2);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (verb === 'rollback') {
    const [raw] = positionals;
    if (!raw || !/^\d{1,15}$/.test(raw)) throw new CliError('imports rollback needs an import ID (a number)', 2);
    const db = openExistingDb(values.db);
    try {
      const record = rollbackImport(db, Number(raw), currentActor());
      if (values.json) console.log(JSON.stringify(record));
      else console.log(`Import #${record.id} rolled back.`);
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message);
      throw error;
    } finally {
      db.close();
    }
    return;
  }
  const db = openExistingDb(values.db);
  try {
    const imports = listImports(db);
    if (values.json) {
      console.log(JSON.stringify(imports));
      return;
    }
    for (const i of imports) {
      const rows = i.files.reduce((sum, f) => sum + f.rows_loaded, 0);
      console.log(
        `#${i.id}  ${i.started_at}  ${i.actor}  ${i.profile}  ${i.status}  ${i.files.length} files, ${rows} rows`,
      );
    }
  } finally {
    db.close();
  }
}
