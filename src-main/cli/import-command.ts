import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MappingProfile } from '../../src-shared/mapping-profile';
import { currentActor } from '../db/audit';
import { openDatabase, type Db } from '../db/open';
import { parseProfile } from '../ingest/profiles';
import { findProfile, listProfiles } from '../ingest/profiles/store';
import { parseIsoDate } from '../ingest/parse-values';
import { importFiles, LoadError } from '../ingest/import-files';
import { evaluateTriggersAfterImport } from '../triggers/service';
import { fileResult } from '../ingest/run-import';
import type { LoadIssue } from '../ingest/validate-row';
import { CliError, requireOption } from './cli-error';
import { stderrProgress } from './progress';

export const IMPORT_USAGE = `mainstreet import --db FILE (--profile NAME | --mapping FILE.json) [--as-of YYYY-MM-DD] [--quarantine] PATH... [--json]
    Import a core's export files. Each file's kind comes from the profile's file names.
    Without --quarantine any bad row stops the import and nothing is written; with it the
    good rows load and the bad ones are kept in quarantine. --as-of records each account's
    balance as that date's snapshot. Exits non-zero when nothing loaded.`;

interface ImportOutput {
  import_id: number | null;
  files: { path: string; kind: string; rows_read: number; rows_loaded: number; rows_quarantined: number }[];
  errors: LoadIssue[];
}

/** --mapping FILE.json, or --profile NAME: built in, or saved in the database by the Import screen. */
function chooseProfile(db: Db, name: string | undefined, mapping: string | undefined): MappingProfile {
  if (mapping) {
    const path = resolve(mapping);
    if (!existsSync(path)) throw new CliError(`No mapping file at ${path}`);
    return parseProfile(readFileSync(path, 'utf8'), path);
  }
  const profile = findProfile(db, name ?? '');
  if (!profile) {
    throw new CliError(
      `No profile named "${name}". Known: ${listProfiles(db)
        .map((p) => p.name)
        .join(', ')}`,
    );
  }
  return profile;
}

export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      profile: { type: 'string' },
      mapping: { type: 'string' },
      'as-of': { type: 'string' },
      quarantine: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const dbPath = resolve(requireOption('db', values.db));
  if (!values.profile === !values.mapping) {
    throw new CliError('import needs exactly one of --profile NAME or --mapping FILE.json', 2);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !parseIsoDate(asOf).ok) {
    throw new CliError(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`, 2);
  }
  if (positionals.length === 0) throw new CliError('import needs at least one PATH', 2);
  const paths = positionals.map((p) => resolve(p));
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new CliError(`No such file: ${missing.join(', ')}`);

  const db = openDatabase(dbPath);
  let output: ImportOutput;
  try {
    const profile = chooseProfile(db, values.profile, values.mapping);
    const result = await importFiles(db, paths, profile, {
      actor: currentActor(),
      source: `${profile.name}: ${paths.length} file(s)`,
      quarantine: values.quarantine,
      ...(asOf ? { asOf } : {}),
      onProgress: stderrProgress(),
    });
    output = {
      import_id: result.import_id,
      files: result.files.map(fileResult),
      errors: result.issues,
    };
    // New snapshots and transactions: the triggers look at them now.
    evaluateTriggersAfterImport(db, currentActor());
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    output = { import_id: null, files: error.files.map(fileResult), errors: error.issues };
  } finally {
    db.close();
  }

  if (values.json) console.log(JSON.stringify(output));
  else {
    for (const f of output.files) {
      console.log(
        `${f.kind.padEnd(13)} ${f.rows_loaded} loaded, ${f.rows_quarantined} quarantined of ${f.rows_read}  ${f.path}`,
      );
    }
    for (const e of output.errors.slice(0, 20)) {
      console.error(`${e.file} row ${e.row}, column ${e.column}, value "${e.value}": ${e.reason}`);
    }
    if (output.errors.length > 20) console.error(`… and ${output.errors.length - 20} more problems`);
  }
  const loaded = output.files.reduce((sum, f) => sum + f.rows_loaded, 0);
  if (loaded === 0) {
    throw new CliError(
      output.errors.length > 0
        ? `nothing was imported: ${output.errors.length} problem(s); fix them, or use --quarantine to load the good rows`
        : 'nothing was imported: the files hold no rows',
    );
  }
}
