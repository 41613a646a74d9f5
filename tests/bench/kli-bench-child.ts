/** One KLI compute in its own process: `kli-bench-child.ts DB [full|incremental]`, prints JSON. */
import { openDatabase } from '../../src-main/db/open';
import { computeKlis } from '../../src-main/kli/compute';

const [path, mode] = process.argv.slice(2);
if (!path) throw new Error('usage: kli-bench-child.ts DB [full|incremental]');
const db = openDatabase(path);
db.pragma('cache_size = -65536');
const started = performance.now();
const result = computeKlis(db, { actor: 'bench', full: mode === 'full' });
const seconds = (performance.now() - started) / 1000;
db.close();
console.log(
  JSON.stringify({
    seconds,
    transactions_read: result.transactions_read,
    incremental: result.incremental,
    flagged: result.klis.reduce((sum, k) => sum + k.customers, 0),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
