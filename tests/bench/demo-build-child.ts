/** One demo build in its own process, so its peak memory is its own. Prints JSON. */
import { buildDemoBank } from '../../src-main/bank/demo-bank';

const [dbPath, customers] = process.argv.slice(2);
const tables: { kind: string; rows: number; seconds: number }[] = [];
const result = await buildDemoBank(
  { dbPath: dbPath ?? 'bench.sqlite', customers: Number(customers), seed: 1 },
  { onFileLoaded: (file, seconds) => tables.push({ kind: file.kind, rows: file.rows_loaded, seconds }) },
);
console.log(JSON.stringify({ result, tables, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }));
