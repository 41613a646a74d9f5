import { parseArgs } from 'node:util';
import { currentActor } from '../db/audit';
import { computeKlis } from '../kli/compute';
import { kliLibrary } from '../kli/service';
import { CliError, dateOption, intOption, openExistingDb } from './cli-error';
import { stderrProgress } from './progress';

export const KLI_USAGE = `mainstreet kli compute --db FILE [--as-of YYYY-MM-DD] [--lookback-months N] [--full] [--json]
    Computes every KLI (incremental: only transactions added since the last compute are read,
    unless --full or the rules changed). --json prints {as_of, klis:[{id, customers, households}], seconds}.
mainstreet kli list --db FILE [--json]
    The library: each KLI with its rule in words and its counts from the last compute.`;

export function kliCommand(args: string[]): void {
  const [sub, ...rest] = args;
  if (sub === 'compute') return compute(rest);
  if (sub === 'list') return list(rest);
  throw new CliError(sub ? `Unknown kli command "${sub}".` : 'Say what to do: compute or list.', 2);
}

function compute(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      'as-of': { type: 'string' },
      'lookback-months': { type: 'string' },
      full: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const asOf = dateOption(values['as-of']);
  const lookback = intOption('--lookback-months', values['lookback-months'], 1, 36);
  const db = openExistingDb(values.db);
  try {
    db.pragma('cache_size = -65536');
    const result = computeKlis(db, {
      asOf,
      lookbackMonths: lookback,
      full: values.full,
      actor: currentActor(),
      ...(values.json ? {} : { onProgress: stderrProgress() }),
    });
    if (values.json) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(
      `KLIs as of ${result.as_of}: ${result.transactions_read.toLocaleString('en-US')} transactions read` +
        ` (${result.incremental ? 'incremental' : 'full'}) in ${result.seconds} s`,
    );
    for (const k of result.klis) {
      console.log(
        `  ${k.id.padEnd(28)}${String(k.customers).padStart(9)} customers${String(k.households).padStart(9)} households`,
      );
    }
  } finally {
    db.close();
  }
}

function list(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const db = openExistingDb(values.db);
  try {
    const library = kliLibrary(db);
    if (values.json) {
      console.log(JSON.stringify(library));
      return;
    }
    for (const k of library.klis) {
      const counts = k.customers === null ? 'not computed' : `${k.customers} customers, ${k.households} households`;
      console.log(`${k.id.padEnd(28)}${k.name} (${counts})\n${' '.repeat(28)}${k.words}`);
    }
  } finally {
    db.close();
  }
}
