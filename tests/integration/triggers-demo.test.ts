/**
 * Triggers on a small demo bank built by the real importer, through the CLI as a scheduled job
 * would run them: the JSON contract, the readable table, sane evidence, and clear errors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoBank } from '../../src-main/bank/demo-bank';
import { openDatabase } from '../../src-main/db/open';
import { evaluateRules } from '../../src-main/triggers/evaluate';
import { evaluateTriggersAfterImport, listTriggers } from '../../src-main/triggers/service';
import { useTempDir } from '../helpers/temp-dir';
import { cli } from '../helpers/cli';

/** Each CLI run starts node and tsx (2 to 6 s on a busy machine); tests making several get longer. */
const SEVERAL_RUNS = 120_000;

interface RunJson {
  as_of: string;
  evaluated_at: string;
  total: number;
  by_trigger: Record<string, number>;
  hits: {
    trigger_id: string;
    customer_id: number;
    customer_number: string;
    account_number: string | null;
    evidence: string;
    action: string;
  }[];
}

describe('triggers on the demo bank', () => {
  const tempDir = useTempDir();
  // One bank for the whole file (useTempDir's folders go after each test).
  const bankDir = mkdtempSync(join(tmpdir(), 'mainstreet-triggers-'));
  const dbPath = join(bankDir, 'demo.sqlite');
  let run: RunJson;
  afterAll(() => rmSync(bankDir, { recursive: true, force: true }));

  beforeAll(async () => {
    await buildDemoBank({ dbPath, customers: 600, seed: 11 });
    const out = cli('triggers', 'run', '--db', dbPath, '--json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    run = JSON.parse(out.stdout) as RunJson;
  });

  it('triggers run --json prints every hit with trigger_id, customer_id and evidence', () => {
    expect(run.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(run.by_trigger)).toEqual([
      'checking-balance-high',
      'large-deposit',
      'large-withdrawal',
      'payroll-stopped',
      'overdrafts-rising',
      'average-balance-low',
    ]);
    expect(run.hits.length).toBeGreaterThan(0);
    expect(run.total).toBe(run.hits.length);
    for (const hit of run.hits) {
      expect(hit).toMatchObject({
        trigger_id: expect.any(String),
        customer_id: expect.any(Number),
        evidence: expect.any(String),
      });
      expect(Object.keys(run.by_trigger)).toContain(hit.trigger_id);
    }
    const counted = Object.values(run.by_trigger).reduce((a, b) => a + b, 0);
    expect(counted).toBe(run.hits.length);
  });

  it('gives each hit to an owner of the account its evidence is about, once per rule', () => {
    const db = openDatabase(dbPath, { readonly: true });
    try {
      const owns = db.prepare(
        `SELECT 1 FROM account_owners o JOIN accounts a ON a.id = o.account_id
         JOIN customers c ON c.id = o.customer_id
         WHERE c.id = ? AND c.customer_number = ? AND a.account_number = ? AND a.status NOT IN ('CLOSED', 'CHARGED_OFF')`,
      );
      for (const hit of run.hits) {
        expect(owns.get(hit.customer_id, hit.customer_number, hit.account_number)).toBeDefined();
      }
      const keys = run.hits.map((h) => `${h.trigger_id}/${h.customer_id}`);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      db.close();
    }
  });

  it('writes evidence with money and dates that fit the rule', () => {
    const fromOrTo = new RegExp(`${run.as_of.slice(0, 7)}-\\d{2}`);
    for (const hit of run.hits) {
      expect(hit.evidence).toMatch(/\$\d/);
      expect(hit.evidence).toMatch(fromOrTo);
      switch (hit.trigger_id) {
        case 'checking-balance-high':
          expect(hit.evidence).toMatch(/^Balance rose above \$25,000 for 2 months in a row: .* → .* → .*Checking/);
          expect(hit.action).toBe('Offer: Money market');
          break;
        case 'large-deposit':
        case 'large-withdrawal': {
          const amount = /^(Deposit|Withdrawal) of \$([\d,.]+) on (\d{4}-\d{2}-\d{2})/.exec(hit.evidence);
          expect(amount).not.toBeNull();
          expect(Number(amount?.[2]?.replace(/,/g, ''))).toBeGreaterThan(10_000);
          expect(amount?.[3] && amount[3] > run.as_of.slice(0, 7)).toBe(true);
          break;
        }
        case 'overdrafts-rising': {
          const counts = /^(\d+) overdraft\/NSF fees? .* up from (\d+) the period before/.exec(hit.evidence);
          expect(Number(counts?.[1])).toBeGreaterThan(Number(counts?.[2]));
          break;
        }
        default:
          expect(hit.evidence.length).toBeGreaterThan(20);
      }
    }
  });

  it(
    'prints a readable table without --json, and the rules with triggers list',
    () => {
      const table = cli('triggers', 'run', '--db', dbPath);
      expect(table.code).toBe(0);
      const lines = table.stdout.split('\n');
      expect(lines[0]).toMatch(
        new RegExp(`^${run.hits.length} hit\\(s\\) for the period to ${run.as_of} \\(evaluated `),
      );
      expect(lines).toContainEqual(expect.stringMatching(/^Trigger\s+Customer\s+Account\s+Evidence$/));
      const list = JSON.parse(cli('triggers', 'list', '--db', dbPath, '--json').stdout) as { id: string }[];
      expect(list.map((r) => r.id)).toEqual(Object.keys(run.by_trigger));
      expect(cli('triggers', 'list', '--db', dbPath).stdout).toMatch(/^checking-balance-high: Checking balance above/);
    },
    SEVERAL_RUNS,
  );

  it('does nothing after an import that changed nothing', () => {
    const db = openDatabase(dbPath);
    try {
      expect(evaluateTriggersAfterImport(db, 'test')).toBeNull();
    } finally {
      db.close();
    }
  });

  it('evaluates while another connection holds the write lock (an import under way)', () => {
    const writer = openDatabase(dbPath);
    const reader = openDatabase(dbPath);
    try {
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare(`INSERT INTO settings (key, value) VALUES ('lock-test', '1')`).run();
      // The staged transactions go to the connection's temp table, which needs no lock on the bank.
      const evaluation = reader.transaction(() => evaluateRules(reader, listTriggers(reader)))();
      expect(evaluation.hits).toHaveLength(run.hits.length);
      writer.exec('ROLLBACK');
    } finally {
      writer.close();
      reader.close();
    }
  });

  it(
    'says what to do when the database is missing, empty or the command unknown',
    () => {
      const dir = tempDir();
      const missing = cli('triggers', 'run', '--db', join(dir, 'none.sqlite'), '--json');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/No database at .*none\.sqlite\. Build one with: mainstreet demo/);
      const empty = join(dir, 'empty.sqlite');
      openDatabase(empty).close();
      const nothing = cli('triggers', 'run', '--db', empty, '--json');
      expect(nothing.code).toBe(1);
      expect(nothing.stdout).toBe('');
      expect(nothing.stderr).toMatch(
        /no balance snapshots or transactions .* Import its files first: mainstreet import/,
      );
      const unknown = cli('triggers', 'fire', '--db', empty);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/Unknown triggers command "fire"[\s\S]*Usage:/);
    },
    SEVERAL_RUNS,
  );
});
