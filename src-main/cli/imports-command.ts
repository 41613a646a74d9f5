import { parseArgs } from 'node:util';
import { listImports } from '../ingest/import-history';
import { CliError, openExistingDb } from './cli-error';

export const IMPORTS_USAGE = `mainstreet imports list --db FILE [--json]
    The import history: who, when, profile, files with fingerprints and counts.`;

export function importsCommand(args: string[]): void {
  const [verb, ...rest] = args;
  if (verb === 'rollback') throw new CliError('imports rollback is not built yet', 2);
  if (verb !== 'list') throw new CliError(verb ? `Unknown imports command "${verb}"` : 'imports needs list', 2);
  const { values } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
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
