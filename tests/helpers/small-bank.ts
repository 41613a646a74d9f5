import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/open';
import { loadStandardFiles } from '../../src-main/ingest/import-files';
import { copyStandardSmall } from './fixtures';

/** Builds the four-customer fixture bank into `dir`/bank.sqlite and returns its path. */
export async function buildSmallBank(dir: string): Promise<string> {
  const path = join(dir, 'bank.sqlite');
  const db = openDatabase(path);
  try {
    await loadStandardFiles(db, copyStandardSmall(join(dir, 'files')), { actor: 'test', source: 'fixture' });
  } finally {
    db.close();
  }
  return path;
}
