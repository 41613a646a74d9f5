/**
 * One import of a transactions file into a bank database, as the app's import job does it
 * (openDatabase's own pragmas, the standard profile), in its own process so the peak memory is
 * the import's. Prints JSON: the time from opening to closing the database, and peak RSS.
 */
import { openDatabase } from '../../src-main/db/open';
import { loadStandardFiles } from '../../src-main/ingest/import-files';

const [dbPath, csvPath] = process.argv.slice(2);
if (!dbPath || !csvPath) throw new Error('usage: import-bench-child.ts DB TRANSACTIONS_CSV');

const started = performance.now();
const db = openDatabase(dbPath);
const lastBefore = (db.prepare('SELECT MAX(id) FROM transactions').pluck().get() as number | null) ?? 0;
const result = await loadStandardFiles(db, [csvPath], { actor: 'bench', source: 'import benchmark' });
const imported = performance.now();
// Not timed: how many of the new rows merchant cleanup named.
const withMerchant = db
  .prepare('SELECT COUNT(merchant) FROM transactions WHERE id > ?')
  .pluck()
  .get(lastBefore) as number;
const closing = performance.now();
db.close();
const closed = performance.now();
const file = result.files[0];
console.log(
  JSON.stringify({
    rows_read: file?.rows_read ?? 0,
    rows_loaded: file?.rows_loaded ?? 0,
    duplicates: file?.duplicates ?? 0,
    with_merchant: withMerchant,
    seconds: (imported - started + (closed - closing)) / 1000,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  }),
);
