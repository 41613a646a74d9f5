/**
 * `npm run bench -- audience [--customers N]`: how long a live count takes while a rule is
 * edited, on the 250,000-customer demo bank (built once and cached; its KLIs computed on a
 * copy first). For each rule: the first count (its fields read for every customer), then five
 * counts with its numbers changed, as typing a value does (the median is printed; goal under
 * 100 ms), and the one-shot SQL count the CLI makes. In the same run, as this machine's
 * reference, the plainest count of the same table (customers and distinct households).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RuleNode, RuleScalar } from '../../src-shared/audience';
import { countAudience } from '../../src-main/audience/count';
import { LiveCounter } from '../../src-main/audience/live-count';
import { openDatabase } from '../../src-main/db/open';
import { computeKlis } from '../../src-main/kli/compute';
import { cachedDemoBank } from './import-bench-data';

const GOAL_MS = 100;
const RUNS = 5;
const AS_OF = '2026-11-01';

/** Rules a marketer builds, from one condition to a few groups. */
const RULES: [string, RuleNode][] = [
  ['everyone', { all: [] }],
  [
    'age 30-55 in Iowa',
    {
      all: [
        { field: 'age', op: 'between', value: [30, 55] },
        { field: 'state', op: '=', value: 'IA' },
      ],
    },
  ],
  [
    'payroll here, no mortgage',
    {
      all: [
        { field: 'kli:payroll-dd', op: '=', value: true },
        { field: 'has:mortgage', op: '=', value: false },
      ],
    },
  ],
  [
    'deposits ≥ $25k or savings > $10k',
    {
      any: [
        { field: 'balance:deposits', op: '>=', value: 25_000 },
        { field: 'balance:savings', op: '>', value: 10_000 },
      ],
    },
  ],
  [
    'HELOC prospects (4 conditions, 2 groups)',
    {
      all: [
        { field: 'has:mortgage', op: '=', value: true },
        { field: 'has:heloc', op: '=', value: false },
        {
          any: [
            { field: 'tenure_months', op: '>=', value: 36 },
            { field: 'products_count', op: '>=', value: 3 },
          ],
        },
        { not: { field: 'kli:mortgage-elsewhere', op: '=', value: true } },
      ],
    },
  ],
];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timed(work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The rule with every number in it moved by `step`: what typing a new value does. */
function nudge(node: RuleNode, step: number): RuleNode {
  if ('field' in node) {
    const move = (v: RuleScalar): RuleScalar => (typeof v === 'number' ? v + step : v);
    return { ...node, value: Array.isArray(node.value) ? node.value.map(move) : move(node.value as RuleScalar) };
  }
  if ('not' in node) return { not: nudge(node.not, step) };
  return 'all' in node ? { all: node.all.map((n) => nudge(n, step)) } : { any: node.any.map((n) => nudge(n, step)) };
}

export async function runAudienceBench(args: string[]): Promise<void> {
  const customers = Number(option(args, '--customers') ?? 250_000);
  console.log(`Audience count benchmark on the ${customers.toLocaleString('en-US')}-customer demo bank`);
  const bank = await cachedDemoBank(customers, (step, current, total) => {
    if (current === 0 || current === total) console.log(`  building the demo bank: ${step}`);
  });
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-audience-bench-'));
  try {
    const path = join(dir, 'bank.sqlite');
    copyFileSync(bank.path, path);
    const db = openDatabase(path);
    db.pragma('cache_size = -65536');
    const started = performance.now();
    computeKlis(db, { actor: 'bench' });
    console.log(`  KLIs computed first (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const plain = db.prepare('SELECT count(*), count(DISTINCT household_id) FROM customers');
    const reference = timed(() => plain.get());
    console.log('');
    console.log(
      `Reference, same run: ${reference.toFixed(0)} ms  SQLite's count of customers and distinct households, no rule`,
    );
    console.log(`Goal: a live count while editing (rule, suppression waterfall, households) under ${GOAL_MS} ms`);
    console.log('');
    const live = new LiveCounter(db);
    const opened = performance.now();
    live.count({ all: [] }, { asOf: AS_OF });
    console.log(
      `Opening the builder (first count, every suppression read once): ${(performance.now() - opened).toFixed(0)} ms`,
    );
    console.log('');
    console.log(`${'rule'.padEnd(42)} ${'customers'.padStart(9)}  first  editing  (SQL count, as the CLI)`);
    let met = 0;
    for (const [name, rule] of RULES) {
      const first = performance.now();
      const found = live.count(rule, { asOf: AS_OF }).customers;
      const firstMs = performance.now() - first;
      let step = 0;
      const editing = timed(() => live.count(nudge(rule, ++step), { asOf: AS_OF }));
      const sql = timed(() => countAudience(db, rule, { asOf: AS_OF }));
      if (editing < GOAL_MS) met++;
      console.log(
        `${name.padEnd(42)} ${String(found).padStart(9)} ${firstMs.toFixed(0).padStart(6)} ${editing.toFixed(0).padStart(8)}` +
          `  (${sql.toFixed(0)} ms; editing is ${(editing / reference).toFixed(1)}× the reference)`,
      );
    }
    console.log(`\n  goal < ${GOAL_MS} ms while editing → met for ${met} of ${RULES.length} rules`);
    console.log('  "first": the first count after a field is added to the rule reads that field for every customer.');
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
