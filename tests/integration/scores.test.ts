/**
 * Next-product scores on a demo bank: who the model learns from and who it scores, as counted
 * apart in SQL; the holdout's figures; the rule field; the CLI and the API.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_FAMILIES } from '../../src-shared/domain';
import type { ScoreTrainResult } from '../../src-shared/scores';
import { audienceCatalog } from '../../src-main/audience/catalog';
import { countAudience } from '../../src-main/audience/count';
import { openDatabase, type Db } from '../../src-main/db/open';
import { writeDemoFiles } from '../../src-main/demo';
import { loadStandardFiles } from '../../src-main/ingest/import-files';
import { computeKlis } from '../../src-main/kli/compute';
import { customerScores, listScoreModels } from '../../src-main/scores/store';
import { trainScores } from '../../src-main/scores/train';
import { cli } from '../helpers/cli';
import { callApi, useTestServer } from '../helpers/test-server';

describe('next-product scores', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-scores-'));
  const path = join(dir, 'bank.sqlite');
  let db: Db;
  let result: ScoreTrainResult;

  beforeAll(async () => {
    const files = join(dir, 'files');
    await writeDemoFiles(files, { customers: 3000, seed: 11 });
    db = openDatabase(path);
    const csvs = readdirSync(files)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => join(files, name));
    await loadStandardFiles(db, csvs, { actor: 'test', source: 'demo' });
    computeKlis(db, { actor: 'test' });
    result = trainScores(db, { actor: 'tester' });
  }, 300_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Held by the dates (opened on or before, not closed by) `at`, as the model reads holdings. */
  const heldAt = (family: string) => `EXISTS (SELECT 1 FROM account_owners o JOIN accounts a ON a.id = o.account_id
      JOIN products p ON p.code = a.product_code WHERE o.customer_id = c.id AND p.family = '${family}'
      AND a.open_date <= @at AND (a.close_date > @at OR (coalesce(a.close_date, '') = '' AND a.status IN ('OPEN', 'DORMANT'))))`;

  it('learns from the customers without the family at the window’s start, and counts who opened it since', () => {
    expect(result.as_of).toBe(db.prepare('SELECT max(posted_date) FROM transactions').pluck().get());
    expect(result.notes).toEqual([]);
    expect(result.models.length).toBeGreaterThanOrEqual(4);
    expect(result.models.length + result.skipped.length).toBe(PRODUCT_FAMILIES.length);
    for (const s of result.skipped) expect(s.reason).toMatch(/at least 20 openers/);
    for (const m of result.models) {
      const at = { at: m.window_start };
      const customer = `EXISTS (SELECT 1 FROM account_owners o JOIN accounts a ON a.id = o.account_id
          WHERE o.customer_id = c.id AND a.open_date <= @at AND (a.close_date > @at OR (coalesce(a.close_date, '') = '' AND a.status IN ('OPEN', 'DORMANT'))))`;
      const population = `FROM customers c WHERE ${customer} AND NOT ${heldAt(m.family)}`;
      expect(m.population).toBe(db.prepare(`SELECT count(*) ${population}`).pluck().get(at));
      const opened = `EXISTS (SELECT 1 FROM account_owners o JOIN accounts a ON a.id = o.account_id
          JOIN products p ON p.code = a.product_code WHERE o.customer_id = c.id AND p.family = '${m.family}'
          AND a.open_date > @at AND a.open_date <= @asOf)`;
      expect(m.openers).toBe(
        db
          .prepare(`SELECT count(*) ${population} AND ${opened}`)
          .pluck()
          .get({ ...at, asOf: m.as_of }),
      );
      // One in four set aside; the deciles cover it and find all its openers.
      expect(m.holdout / m.population).toBeGreaterThan(0.2);
      expect(m.holdout / m.population).toBeLessThan(0.3);
      expect(m.deciles.reduce((s, d) => s + d.customers, 0)).toBe(m.holdout);
      expect(m.deciles.reduce((s, d) => s + d.openers, 0)).toBe(m.holdout_openers);
      if (m.auc !== null) {
        expect(m.auc).toBeGreaterThan(0);
        expect(m.auc).toBeLessThan(1);
      }
      expect(m.features.length).toBeGreaterThan(5);
      expect(m.features.map((f) => f.key)).not.toContain(`holds:${m.family}`);
    }
    // The figures are the model's, not chance: most families beat a coin toss on the holdout.
    const better = result.models.filter((m) => (m.auc ?? 0) > 0.6);
    expect(better.length).toBeGreaterThanOrEqual(Math.ceil(result.models.length / 2));
  });

  it('scores everyone without the family today, 1–100, with reasons in words', () => {
    for (const m of result.models) {
      const without = db
        .prepare(
          `SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM account_owners o JOIN accounts a ON a.id = o.account_id
             JOIN products p ON p.code = a.product_code WHERE o.customer_id = c.id AND p.family = ? AND a.status IN ('OPEN', 'DORMANT'))`,
        )
        .pluck()
        .get(m.family);
      expect(m.scored).toBe(without);
      const range = db
        .prepare('SELECT min(score) AS low, max(score) AS high, count(*) AS n FROM product_scores WHERE family = ?')
        .get(m.family) as { low: number; high: number; n: number };
      expect(range).toEqual({ low: 1, high: 100, n: m.scored });
    }
    const top = db
      .prepare('SELECT customer_id FROM product_scores ORDER BY score DESC, probability DESC LIMIT 1')
      .pluck()
      .get() as number;
    const scores = customerScores(db, top);
    expect(scores[0]!.score).toBe(100);
    expect(scores[0]!.reasons.length).toBeGreaterThan(0);
    for (const reason of scores[0]!.reasons) expect(reason.label).toMatch(/^[A-Z]/);
    expect(scores.map((s) => s.score)).toEqual([...scores.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('is a rule field: score ≥ 91 selects the top tenth of those scored', () => {
    const m = result.models[0]!;
    const field = `score:${m.family}`;
    expect(audienceCatalog(db).fields.map((f) => f.field)).toContain(field);
    const skipped = result.skipped[0];
    if (skipped) expect(audienceCatalog(db).fields.map((f) => f.field)).not.toContain(`score:${skipped.family}`);
    const top = countAudience(db, { field, op: '>=', value: 91 }, { asOf: m.as_of, suppressions: false }).customers;
    expect(top / m.scored).toBeGreaterThan(0.05);
    expect(top / m.scored).toBeLessThan(0.15);
    const holders = countAudience(
      db,
      {
        all: [
          { field, op: '>=', value: 1 },
          { field: `has:${m.family}`, op: '=', value: true },
        ],
      },
      { asOf: m.as_of, suppressions: false },
    );
    expect(holders.customers).toBe(0);
  });

  it('gives the same models and scores when run again, replacing the last ones, and is in the audit log', () => {
    const again = trainScores(db, { actor: 'tester', families: [result.models[0]!.family] });
    expect(again.models[0]!.auc).toBe(result.models[0]!.auc);
    expect(again.models[0]!.deciles).toEqual(result.models[0]!.deciles);
    expect(listScoreModels(db)).toHaveLength(result.models.length);
    const runs = db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'scores.train' ORDER BY id").all() as {
      actor: string;
      detail: string;
    }[];
    expect(runs).toHaveLength(2);
    expect(JSON.parse(runs[1]!.detail)).toMatchObject({ models: [{ family: result.models[0]!.family }] });
  });

  it('prints the models, a customer’s scores and clear errors from the CLI', () => {
    const family = result.models[0]!.family;
    const trained = cli('scores', 'train', '--db', path, '--family', family, '--json');
    expect(trained.code).toBe(0);
    const json = JSON.parse(trained.stdout) as ScoreTrainResult;
    expect(Object.keys(json).sort()).toEqual(['as_of', 'models', 'notes', 'skipped', 'window_start']);
    expect(json.models[0]).toMatchObject({ family, auc: result.models[0]!.auc });
    const listed = cli('scores', 'list', '--db', path);
    expect(listed.stdout).toMatch(/AUC \d\.\d{3}/);
    const number = db
      .prepare('SELECT customer_number FROM customers WHERE id = (SELECT customer_id FROM product_scores LIMIT 1)')
      .pluck()
      .get() as string;
    const one = JSON.parse(cli('scores', 'customer', '--db', path, '--customer', number, '--json').stdout);
    expect(one.customer).toBe(number);
    expect(one.scores.length).toBeGreaterThan(0);
    const bad = cli('scores', 'train', '--db', path, '--family', 'boats');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--family "boats" is not a product family/);
  });

  it('leaves the KLIs out, and says so, when they were not computed on this data', () => {
    db.prepare("DELETE FROM settings WHERE key = 'kli_facts_state'").run();
    const without = trainScores(db, { actor: 'tester', families: [result.models[0]!.family] });
    expect(without.notes).toEqual(['KLIs were left out: compute the KLIs first, then train the scores again.']);
    expect(without.models[0]!.features.some((f) => f.key.startsWith('kli:'))).toBe(false);
  });
});

describe('the scores API', () => {
  const start = useTestServer();

  it('trains as a job, then lists the models and a customer’s scores; refuses a bad family', async () => {
    const s = await start();
    const job = await callApi(s, 'scores:train', { window_months: 12 });
    expect(job.kind).toBe('scores:train');
    await s.context.jobs.wait(job.id);
    expect(s.context.jobs.get(job.id)?.state).toBe('done');
    // Four customers: too few openers to learn anything, and nothing is scored; the run says why.
    const outcome = await callApi(s, 'scores:outcome', { job_id: job.id });
    expect(outcome?.models).toEqual([]);
    expect(outcome?.skipped).toHaveLength(PRODUCT_FAMILIES.length);
    expect(outcome?.skipped[0]?.reason).toMatch(/at least 20 openers/);
    expect(await callApi(s, 'scores:models', {})).toEqual([]);
    expect(await callApi(s, 'scores:customer', { customer_id: 1 })).toEqual([]);
    await expect(callApi(s, 'scores:train', { families: ['boats'] })).rejects.toThrow(/families/);
  });
});
