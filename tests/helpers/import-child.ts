/**
 * A separate process that imports standard files and prints its progress, so a test can kill
 * it mid-way with SIGKILL (as a crash or a pulled plug would) and look at what is left.
 * Usage: node --import tsx tests/helpers/import-child.ts DB FILE...
 */
import { openDatabase } from '../../src-main/db/open';
import { loadStandardFiles } from '../../src-main/ingest/import-files';

const [dbPath, ...files] = process.argv.slice(2);
if (!dbPath || files.length === 0) throw new Error('usage: import-child.ts DB FILE...');
const db = openDatabase(dbPath);
await loadStandardFiles(db, files, {
  actor: 'test',
  source: 'killed import',
  onProgress: (p) => process.stdout.write(`progress ${p.current} ${p.total}\n`),
});
process.stdout.write('finished\n');
db.close();
