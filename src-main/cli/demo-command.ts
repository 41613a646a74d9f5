import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemoBank } from '../bank/demo-bank';
import { DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED, writeDemoFiles } from '../demo';
import { CliError, intOption } from './cli-error';
import { stderrProgress } from './progress';

export const DEMO_USAGE = `mainstreet demo --db FILE [--customers N] [--seed S] [--json]
    Build the demo bank into FILE (replacing it) through the standard-layout importer.
mainstreet demo --files DIR [--customers N] [--seed S] [--json]
    Only write the demo bank's export files (standard layout) into DIR.`;

export async function demoCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      files: { type: 'string' },
      customers: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db === !values.files) throw new CliError('demo needs exactly one of --db FILE or --files DIR', 2);
  const customers = intOption('customers', values.customers, 100, 250_000) ?? DEFAULT_DEMO_CUSTOMERS;
  const seed = intOption('seed', values.seed, 0, 2 ** 31) ?? DEFAULT_DEMO_SEED;
  const onProgress = stderrProgress();

  if (values.files) {
    const dir = resolve(values.files);
    const result = await writeDemoFiles(dir, { customers, seed }, onProgress);
    if (values.json) console.log(JSON.stringify({ dir: result.dir, files: result.files, counts: result.counts }));
    else console.log(`Wrote the demo bank's files for ${result.counts.customers} customers to ${dir}`);
    return;
  }
  const dbPath = resolve(values.db ?? '');
  if (existsSync(dbPath) && !values.json) console.error(`Replacing ${dbPath}`);
  const result = await buildDemoBank({ dbPath, customers, seed }, { onProgress });
  if (values.json) {
    console.log(JSON.stringify(result));
  } else {
    console.log(
      `Built ${result.bank_name} in ${result.seconds.total.toFixed(1)} s: ${result.customers} customers, ` +
        `${result.accounts} accounts, ${result.transactions} transactions → ${dbPath}`,
    );
  }
}
