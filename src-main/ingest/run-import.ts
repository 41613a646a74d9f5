/**
 * One import as a job: opens its own connection (it runs in a worker thread), imports, and
 * reports the outcome the Import screen shows: loaded, or refused with every problem found.
 */
import type { ImportFileResult, ImportOutcome } from '../../src-shared/imports';
import type { MappingProfile } from '../../src-shared/mapping-profile';
import { openDatabase } from '../db/open';
import { importFiles, LoadError, type LoadedFile, type LoadProgress } from './import-files';

export interface RunImportInput {
  dbPath: string;
  paths: string[];
  profile: MappingProfile;
  quarantine: boolean;
  asOf?: string | undefined;
  actor: string;
}

export const fileResult = (f: LoadedFile): ImportFileResult => ({
  path: f.path,
  kind: f.kind,
  rows_read: f.rows_read,
  rows_loaded: f.rows_loaded,
  rows_quarantined: f.rows_quarantined,
});

export async function runImport(
  input: RunImportInput,
  options: { onProgress?: (p: LoadProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportOutcome> {
  const db = openDatabase(input.dbPath);
  try {
    const result = await importFiles(db, input.paths, input.profile, {
      actor: input.actor,
      source: `${input.profile.name}: ${input.paths.length} file(s)`,
      quarantine: input.quarantine,
      ...(input.asOf ? { asOf: input.asOf } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return {
      status: 'loaded',
      import_id: result.import_id,
      files: result.files.map(fileResult),
      errors: result.issues,
    };
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    return {
      status: 'refused',
      message: error.message,
      files: error.files.map(fileResult),
      errors: error.issues,
      error_count: error.count,
    };
  } finally {
    db.close();
  }
}
