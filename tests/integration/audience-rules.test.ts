/**
 * Audience rules on a small demo bank: the SQL compiler selects exactly who a plain in-memory
 * evaluator selects, on random rules (fast-check); bad rules are refused with the path of the
 * node at fault; the waterfall's arithmetic holds.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleNode, RuleScalar } from '../../src-shared/audience';
import { ruleNodeSchema } from '../../src-shared/audience-schema';
import { countAudience, ruleContext } from '../../src-main/audience/count';
import { compileRule, RuleError } from '../../src-main/audience/compile';
import { LiveCounter } from '../../src-main/audience/live-count';
import { SUPPRESSIONS } from '../../src-main/audience/suppressions';
import { openDatabase, type Db } from '../../src-main/db/open';
import { writeDemoFiles } from '../../src-main/demo';
import { loadStandardFiles } from '../../src-main/ingest/import-files';
import { computeKlis } from '../../src-main/kli/compute';
import { evaluateRule, loadOracle, type OracleCustomer } from '../helpers/audience-oracle';

const AS_OF = '2026-11-01';

describe('audience rules', () => {
  // One bank for the whole file (a second connection opens it too), removed at the end.
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-audience-'));
  let db: Db;
  let bankPath: string;
  let oracle: OracleCustomer[];
  let sample: { states: string[]; cities: string[]; zips: string[]; branches: string[]; codes: string[] };

  beforeAll(async () => {
    const files = join(dir, 'files');
    await writeDemoFiles(files, { customers: 600, seed: 5 });
    bankPath = join(dir, 'bank.sqlite');
    db = openDatabase(bankPath);
    const csvs = readdirSync(files)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => join(files, name));
    await loadStandardFiles(db, csvs, { actor: 'test', source: 'demo' });
    computeKlis(db, { actor: 'test' });
    // Contact history, marks and a trigger hit, on every seventh customer or so.
    const ids = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    const contact = db.prepare(
      'INSERT INTO contact_history (customer_id, campaign, channel, contacted_on, responded_on) VALUES (?, ?, ?, ?, ?)',
    );
    ids.forEach((id, i) => {
      if (i % 7 === 0) contact.run(id, 'SPRING-HELOC', 'mail', '2026-10-20', i % 14 === 0 ? '2026-10-29' : null);
      if (i % 11 === 0) contact.run(id, 'SUMMER-CD', i % 2 ? 'email' : 'mail', '2026-07-15', null);
      if (i % 5 === 0) contact.run(id, 'FALL-CARD', 'mail', '2026-09-25', null);
    });
    db.prepare(`INSERT INTO trigger_rules (id, definition, position) VALUES ('big-deposit', '{}', 0)`).run();
    const hit = db.prepare(
      `INSERT INTO trigger_hits (trigger_id, customer_id, as_of, evidence, action, evaluated_at)
       VALUES ('big-deposit', ?, '2026-10-31', 'a deposit', 'call', '2026-11-01')`,
    );
    ids.filter((_, i) => i % 9 === 0).forEach((id) => hit.run(id));
    // Next-product scores for those without a HELOC (what trainScores writes; the model is tested apart).
    const score = db.prepare(
      "INSERT INTO product_scores (family, customer_id, score, probability, reasons) VALUES ('heloc', ?, ?, ?, '')",
    );
    ids.forEach((id, i) => {
      if (i % 6 !== 0) score.run(id, ((i * 37) % 100) + 1, ((i * 37) % 100) / 1000);
    });
    oracle = loadOracle(db);
    const distinct = (sql: string) => db.prepare(sql).pluck().all() as string[];
    sample = {
      states: distinct('SELECT DISTINCT state FROM customers LIMIT 8'),
      cities: distinct('SELECT DISTINCT city FROM customers LIMIT 8'),
      zips: distinct('SELECT DISTINCT substr(zip, 1, 5) FROM customers LIMIT 8'),
      branches: distinct('SELECT DISTINCT branch_code FROM customers WHERE branch_code IS NOT NULL LIMIT 5'),
      codes: distinct('SELECT code FROM products'),
    };
  }, 240_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const selectedBySql = (rule: RuleNode): number[] => {
    const compiled = compileRule(rule, ruleContext(db, AS_OF));
    return db
      .prepare(`SELECT id FROM customers c WHERE ${compiled.sql} ORDER BY id`)
      .pluck()
      .all(...compiled.params) as number[];
  };
  const selectedByOracle = (rule: RuleNode): number[] =>
    oracle.filter((c) => evaluateRule(c, rule, AS_OF)).map((c) => c.id);

  /** Random conditions over every kind of field, with values drawn from the bank's own data. */
  const conditions = () => {
    const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
    const numberOps = pick(['=', '!=', '<', '<=', '>', '>='] as const);
    const numeric = (field: string, low: number, high: number) =>
      fc.oneof(
        fc.record({ field: fc.constant(field), op: numberOps, value: fc.integer({ min: low, max: high }) }),
        fc
          .tuple(fc.integer({ min: low, max: high }), fc.integer({ min: low, max: high }))
          .map(([a, b]) => ({ field, op: 'between' as const, value: [Math.min(a, b), Math.max(a, b)] })),
      );
    const text = (field: string, values: string[]) =>
      fc.oneof(
        fc.record({
          field: fc.constant(field),
          op: pick(['=', '!=', '<', '>='] as const),
          value: pick(values.flatMap((v) => [v, v.toLowerCase()])),
        }),
        fc
          .subarray(values, { minLength: 1 })
          .map((list): { field: string; op: 'in'; value: RuleScalar[] } => ({ field, op: 'in', value: list })),
      );
    const flag = (field: string) =>
      fc.record({ field: fc.constant(field), op: pick(['=', '!='] as const), value: fc.boolean() });
    return fc.oneof(
      numeric('age', 15, 95),
      numeric('tenure_months', 0, 400),
      numeric('products_count', 0, 8),
      numeric('household_size', 1, 4),
      numeric('mailed_within_days', 0, 60),
      numeric('balance:deposits', 0, 60_000),
      numeric('balance:loans', 0, 200_000),
      numeric('balance:savings', 0, 30_000),
      numeric('balance:checking', 0, 10_000),
      numeric('kli:payroll-dd', 0, 500_000),
      numeric('score:heloc', 1, 100),
      numeric('score:auto', 1, 100),
      fc.record({
        field: fc.constant('birth_date'),
        op: pick(['<', '>='] as const),
        value: pick(['1950-06-15', '1970-01-01', '1990-12-31']),
      }),
      text('state', sample.states),
      text('city', sample.cities),
      text('zip', sample.zips),
      text('branch', sample.branches),
      text('gender', ['F', 'M']),
      flag('has:checking'),
      flag('has:mortgage'),
      flag('has:credit_card'),
      flag('has:cd'),
      fc.constantFrom(...sample.codes).chain((code) => flag(`has_code:${code}`)),
      flag('kli:payroll-dd'),
      flag('kli:mortgage-elsewhere'),
      flag('kli:subscriptions'),
      flag('trigger:big-deposit'),
      flag('responded:SPRING-HELOC'),
    ) as fc.Arbitrary<RuleNode>;
  };

  const rules = () =>
    fc.letrec<{ node: RuleNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        conditions(),
        fc.array(tie('node'), { maxLength: 4 }).map((all) => ({ all })),
        fc.array(tie('node'), { maxLength: 4 }).map((any) => ({ any })),
        tie('node').map((not) => ({ not })),
      ),
    })).node;

  it('selects exactly whom a plain in-memory evaluator selects, on random rules, and so do the live counts', () => {
    let nonTrivial = 0;
    const live = new LiveCounter(db);
    fc.assert(
      fc.property(rules(), (rule) => {
        expect(ruleNodeSchema.safeParse(rule).success).toBe(true);
        const bySql = selectedBySql(rule);
        expect(bySql).toEqual(selectedByOracle(rule));
        expect(live.selectedIds(rule, AS_OF)).toEqual(bySql);
        if (bySql.length > 0 && bySql.length < oracle.length) nonTrivial++;
      }),
      { numRuns: 400, seed: 20261123 },
    );
    // The random rules are not all "everyone" or "no one".
    expect(nonTrivial).toBeGreaterThan(150);
  });

  it('treats a condition on an unknown value as false, and its "not" as true', () => {
    const unknownAge = db.prepare("SELECT count(*) FROM customers WHERE coalesce(birth_date, '') = ''").pluck().get();
    const all = oracle.length;
    const old = selectedBySql({ field: 'age', op: '>=', value: 0 }).length;
    const notOld = selectedBySql({ not: { field: 'age', op: '>=', value: 0 } }).length;
    expect(old + notOld).toBe(all);
    expect(notOld).toBe(unknownAge);
  });

  it('counts ages and tenure in whole years and months, the birthday itself included', () => {
    const [a, b] = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 2').pluck().all() as number[];
    db.prepare("UPDATE customers SET birth_date = '2000-11-01', customer_since = '2026-02-01' WHERE id = ?").run(a);
    db.prepare("UPDATE customers SET birth_date = '2000-11-02', customer_since = '2026-02-02' WHERE id = ?").run(b);
    const is = (field: string, value: number) => selectedBySql({ field, op: '=', value });
    expect(is('age', 26)).toContain(a);
    expect(is('age', 25)).toContain(b);
    expect(is('tenure_months', 9)).toContain(a);
    expect(is('tenure_months', 8)).toContain(b);
    oracle = loadOracle(db);
  });

  it('refuses a bad rule with the path of the node at fault and what to write instead', () => {
    const refused = (rule: RuleNode) => {
      try {
        compileRule(rule, ruleContext(db, AS_OF));
      } catch (error) {
        expect(error).toBeInstanceOf(RuleError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(
      refused({
        all: [
          { field: 'age', op: '>', value: 30 },
          { field: 'shoe_size', op: '=', value: 9 },
        ],
      }),
    ).toBe('rule.all[1]: unknown field "shoe_size"');
    expect(refused({ any: [{ not: { field: 'age', op: '>', value: 'old' } }] })).toBe(
      'rule.any[0].not: age takes a number, not "old"',
    );
    expect(refused({ field: 'has:mortgage', op: '<', value: true })).toMatch(/has:mortgage cannot use "<"/);
    expect(refused({ field: 'kli:nope', op: '=', value: true })).toBe('rule: no KLI "nope" in this bank\'s library');
    expect(refused({ field: 'balance:deposits', op: 'between', value: [50_000, 10_000] })).toMatch(/low value first/);
    expect(refused({ field: 'birth_date', op: '<', value: '1970-13-45' })).toMatch(/YYYY-MM-DD/);
    let deep: RuleNode = { field: 'age', op: '>', value: 1 };
    for (let i = 0; i < 20; i++) deep = { not: deep };
    expect(refused(deep)).toMatch(/nest deeper than/);
  });

  it('never puts what the user wrote into the SQL text', () => {
    const sneaky = "x' OR 1=1 --";
    const compiled = compileRule(
      {
        any: [
          { field: 'city', op: '=', value: sneaky },
          { field: 'responded:' + sneaky, op: '=', value: true },
        ],
      },
      ruleContext(db, AS_OF),
    );
    expect(compiled.sql).not.toContain(sneaky);
    expect(compiled.params).toContain(sneaky);
    expect(selectedBySql({ field: 'city', op: '=', value: sneaky })).toEqual([]);
  });

  it('counts a waterfall whose steps add up: eligible, each suppression, one letter per household', () => {
    db.prepare('UPDATE customers SET do_not_solicit = 1 WHERE id % 13 = 0').run();
    db.prepare('UPDATE customers SET deceased = 1 WHERE id % 17 = 0').run();
    const rule: RuleNode = { all: [{ field: 'has:checking', op: '=', value: true }] };
    const count = countAudience(db, rule, { asOf: AS_OF, product: null });
    const [eligible, ...steps] = count.waterfall;
    expect(eligible!.remaining).toBe(selectedBySql(rule).length);
    let remaining = eligible!.remaining;
    for (const step of steps) {
      expect(step.remaining).toBe(remaining - step.removed);
      remaining = step.remaining;
    }
    expect(remaining).toBe(count.households);
    expect(steps.at(-1)!.step).toBe('One letter per household');
    expect(count.customers - count.households).toBe(steps.at(-1)!.removed);
    // A customer caught by two suppressions is removed once, at the first.
    const both = db.prepare(`SELECT count(*) FROM customers WHERE id % 13 = 0 AND id % 17 = 0`).pluck().get() as number;
    const optedOut = new Set(db.prepare('SELECT id FROM customers WHERE do_not_solicit = 1').pluck().all());
    const optOuts = oracle.filter((c) => optedOut.has(c.id) && evaluateRule(c, rule, AS_OF)).length;
    expect(steps.find((s) => s.step.startsWith('Do not solicit'))!.removed).toBe(optOuts);
    expect(both).toBeGreaterThan(0);
    // Each suppression alone removes exactly whom it names: recent contact is after 2026-10-02.
    const only = (id: string) => ({
      asOf: AS_OF,
      off: SUPPRESSIONS.map((x) => x.id).filter((x) => x !== id),
    });
    const inRule = oracle.filter((c) => evaluateRule(c, rule, AS_OF));
    const recent = countAudience(db, rule, only('recent-contact')).waterfall.find((x) => x.id === 'recent-contact');
    expect(recent!.removed).toBe(inRule.filter((c) => c.contacts.some((h) => h.on > '2026-10-02')).length);
    const capped = countAudience(db, rule, { ...only('frequency-cap'), settings: { frequencyCap: 2 } });
    expect(capped.waterfall.find((x) => x.id === 'frequency-cap')!.removed).toBe(
      inRule.filter((c) => c.contacts.filter((h) => h.on > '2026-08-03').length >= 2).length,
    );
    const bare = countAudience(db, rule, { asOf: AS_OF, suppressions: false });
    expect(bare.waterfall).toEqual([
      { id: 'eligible', step: 'Eligible (the rule)', removed: 0, remaining: eligible!.remaining },
    ]);
    expect(bare.customers).toBe(eligible!.remaining);
  });

  it('gives live counts equal to the SQL count, waterfall and households included, and notices changed data', () => {
    const ids = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    const mark = db.prepare(
      "INSERT OR IGNORE INTO customer_marks (customer_id, mark, marked_on, source) VALUES (?, ?, ?, 'test')",
    );
    ids.filter((_, i) => i % 19 === 0).forEach((id) => mark.run(id, 'bankruptcy', '2025-01-01'));
    ids.filter((_, i) => i % 23 === 0).forEach((id) => mark.run(id, 'credit_decline', '2026-09-15'));
    const list = db
      .prepare(
        "INSERT INTO suppression_lists (name, created_at, actor) VALUES ('Branch staff family', '2026-11-01', 'test')",
      )
      .run().lastInsertRowid;
    const member = db.prepare('INSERT INTO suppression_list_members (list_id, customer_id) VALUES (?, ?)');
    ids.filter((_, i) => i % 29 === 0).forEach((id) => member.run(list, id));
    const card = db.prepare("SELECT code FROM products WHERE family = 'credit_card' LIMIT 1").pluck().get() as string;
    const live = new LiveCounter(db);
    const cases: [RuleNode, Parameters<typeof countAudience>[2]][] = [
      [{ all: [] }, { asOf: AS_OF }],
      [{ all: [] }, { asOf: AS_OF, product: card }],
      [
        { field: 'has:checking', op: '=', value: true },
        { asOf: AS_OF, off: ['recent-contact'] },
      ],
      [
        { field: 'age', op: 'between', value: [25, 60] },
        { asOf: AS_OF, settings: { frequencyCap: 1 } },
      ],
      [{ any: [{ field: 'state', op: 'in', value: sample.states.slice(0, 2) }] }, { asOf: AS_OF, suppressions: false }],
      [{ not: { field: 'kli:payroll-dd', op: '=', value: true } }, { asOf: '2026-10-01', product: card }],
    ];
    for (const [rule, options] of cases) expect(live.count(rule, options)).toEqual(countAudience(db, rule, options));
    const everyone = { all: [] };
    const before = live.count(everyone, { asOf: AS_OF });
    // A write on this connection, then one from another connection: both are seen.
    db.prepare(
      'UPDATE customers SET do_not_mail = 1 WHERE id IN (SELECT id FROM customers WHERE do_not_mail = 0 LIMIT 5)',
    ).run();
    const afterOwnWrite = live.count(everyone, { asOf: AS_OF });
    expect(afterOwnWrite).toEqual(countAudience(db, everyone, { asOf: AS_OF }));
    expect(afterOwnWrite).not.toEqual(before);
    const other = openDatabase(bankPath);
    other.prepare('DELETE FROM suppression_list_members WHERE list_id = ?').run(list);
    other.close();
    const afterOtherWrite = live.count(everyone, { asOf: AS_OF });
    expect(afterOtherWrite).toEqual(countAudience(db, everyone, { asOf: AS_OF }));
    expect(afterOtherWrite.waterfall.find((s) => s.id === `list:${list}`)!.removed).toBe(0);
    expect(() => live.count({ field: 'shoe_size', op: '=', value: 9 }, { asOf: AS_OF })).toThrow(
      'rule: unknown field "shoe_size"',
    );
  });

  it('keeps owners of the offered product out, and under-21s out of credit offers', () => {
    const code = db.prepare("SELECT code FROM products WHERE family = 'credit_card' LIMIT 1").pluck().get() as string;
    const rule: RuleNode = { all: [] };
    const withOffer = countAudience(db, rule, { asOf: AS_OF, product: code });
    const owners = withOffer.waterfall.find((s) => s.id === 'owns-product');
    expect(owners!.removed).toBeGreaterThan(0);
    expect(countAudience(db, rule, { asOf: AS_OF }).waterfall.find((s) => s.id === 'owns-product')).toBeUndefined();
    expect(() => countAudience(db, rule, { asOf: AS_OF, product: 'NOPE' })).toThrow(/No product with the code "NOPE"/);
  });
});
