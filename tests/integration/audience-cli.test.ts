import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSmallBank } from '../helpers/small-bank';
import { useTempDir } from '../helpers/temp-dir';
import { cli } from '../helpers/cli';

interface Count {
  customers: number;
  households: number;
  waterfall: { step: string; removed: number; remaining: number }[];
}

describe('mainstreet audience count', () => {
  const tempDir = useTempDir();

  it('prints {customers, households, waterfall:[{step, removed, remaining}]} for a rule file', async () => {
    const dir = tempDir();
    const db = await buildSmallBank(dir);
    const rule = join(dir, 'iowa.json');
    writeFileSync(rule, JSON.stringify({ all: [{ field: 'state', op: '=', value: 'ia' }] }));
    const out = cli('audience', 'count', '--db', db, '--rule', rule, '--as-of', '2026-11-01', '--json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const count = JSON.parse(out.stdout) as Count;
    expect(Object.keys(count).sort()).toEqual(['customers', 'households', 'waterfall']);
    // The four fixture customers live in Iowa; Jane opted out, Pat is deceased, Maria works here.
    expect(count.waterfall[0]).toEqual({ step: 'Eligible (the rule)', removed: 0, remaining: 4 });
    for (const s of count.waterfall) expect(Object.keys(s).sort()).toEqual(['remaining', 'removed', 'step']);
    const removed = (label: string) => count.waterfall.find((s) => s.step === label)?.removed;
    expect(removed('Do not solicit (GLBA marketing opt-out)')).toBe(1);
    expect(removed('Deceased')).toBe(1);
    expect(removed('Employees')).toBe(1);
    expect(count).toMatchObject({ customers: 1, households: 1 });
    expect(count.waterfall.at(-1)).toMatchObject({ step: 'One letter per household', remaining: 1 });

    const bare = JSON.parse(
      cli('audience', 'count', '--db', db, '--rule', rule, '--no-suppressions', '--json').stdout,
    ) as Count;
    expect(bare).toEqual({
      customers: 4,
      households: 3,
      waterfall: [{ step: 'Eligible (the rule)', removed: 0, remaining: 4 }],
    });

    const words = cli('audience', 'count', '--db', db, '--rule', rule, '--as-of', '2026-11-01');
    expect(words.code).toBe(0);
    expect(words.stdout).toContain('1 customers, 1 households (letters)');
  });

  it('names the file and the place at fault in a bad rule file, and the usage when --rule is missing', async () => {
    const dir = tempDir();
    const db = await buildSmallBank(dir);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ all: [{ field: 'age', op: '>', value: 'forty' }] }));
    const wrongValue = cli('audience', 'count', '--db', db, '--rule', bad, '--json');
    expect(wrongValue.code).toBe(1);
    expect(wrongValue.stdout).toBe('');
    expect(wrongValue.stderr).toContain(`${bad}: rule.all[0]: age takes a number, not "forty"`);

    writeFileSync(bad, JSON.stringify({ all: [{ field: 'age', op: 'like', value: 4 }] }));
    expect(cli('audience', 'count', '--db', db, '--rule', bad).stderr).toContain(
      `${bad}: rule.all[0].op: Invalid option`,
    );
    writeFileSync(bad, JSON.stringify({ all: [{ any: [{ field: 'age', op: '>', value: 1 }, { every: [] }] }] }));
    expect(cli('audience', 'count', '--db', db, '--rule', bad).stderr).toContain(
      `${bad}: rule.all[0].any[1]: expected a condition {"field", "op", "value"} or a group`,
    );
    writeFileSync(bad, '{"all": [');
    expect(cli('audience', 'count', '--db', db, '--rule', bad).stderr).toContain(`${bad} is not JSON`);
    expect(cli('audience', 'count', '--db', db, '--rule', join(dir, 'missing.json')).stderr).toMatch(
      /Cannot read the rule file .*missing\.json: ENOENT/,
    );
    const good = join(dir, 'everyone.json');
    writeFileSync(good, '{"all": []}');
    const product = cli('audience', 'count', '--db', db, '--rule', good, '--product', 'NOPE');
    expect(product.code).toBe(1);
    expect(product.stderr).toContain('No product with the code "NOPE"');

    const usage = cli('audience', 'count', '--db', db);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--rule is required');
  });

  it('saves, approves, lists and explains a saved audience', async () => {
    const dir = tempDir();
    const db = await buildSmallBank(dir);
    const rule = join(dir, 'mortgage.json');
    writeFileSync(rule, JSON.stringify({ all: [{ field: 'has:mortgage', op: '=', value: true }] }));
    const saved = JSON.parse(
      cli(
        'audience',
        'save',
        '--db',
        db,
        '--name',
        'Mortgage holders',
        '--rule',
        rule,
        '--product',
        'SAV-REG',
        '--json',
      ).stdout,
    ) as { id: number; versions: { version: number; status: string }[] };
    expect(saved.versions).toMatchObject([{ version: 1, status: 'draft' }]);
    const id = String(saved.id);
    expect(cli('audience', 'approve', '--db', db, '--audience', id, '--approver', 'Carol').stderr).toMatch(
      /only a submitted version can be approved/,
    );
    expect(cli('audience', 'submit', '--db', db, '--audience', id).stdout).toContain('version 1: submitted');
    expect(cli('audience', 'approve', '--db', db, '--audience', id).stderr).toContain('--approver is required');
    const approved = cli('audience', 'approve', '--db', db, '--audience', id, '--approver', 'Carol', '--json');
    expect(JSON.parse(approved.stdout)).toMatchObject({ status: 'approved', approved_by: 'Carol' });

    const list = JSON.parse(cli('audience', 'list', '--db', db, '--json').stdout) as {
      audiences: { id: number; name: string; versions: { status: string }[] }[];
    };
    expect(list.audiences).toMatchObject([
      { id: saved.id, name: 'Mortgage holders', versions: [{ status: 'approved' }] },
    ]);
    expect(cli('audience', 'list', '--db', db).stdout).toMatch(
      /Mortgage holders {2}\(version 1, approved by Carol on \d{4}-/,
    );

    const explain = cli('audience', 'explain', '--db', db, '--audience', id, '--customer', '0001001', '--json');
    expect(explain.stderr).toBe('');
    expect(JSON.parse(explain.stdout)).toMatchObject({
      audience_id: saved.id,
      version: 1,
      customer_number: '0001001',
      eligible: true,
      mailed: true,
    });
    const words = cli('audience', 'explain', '--db', db, '--audience', id, '--customer', '0001002');
    expect(words.stdout).toContain('has:mortgage = true (theirs: true): holds');
    expect(words.stdout).toContain('suppression: Do not solicit (GLBA marketing opt-out) (removes them)');
    expect(cli('audience', 'explain', '--db', db, '--customer', '0001001').code).toBe(2);
    expect(cli('audience', 'explain', '--db', db, '--audience', '99', '--customer', '0001001').stderr).toContain(
      'No audience 99',
    );
  });

  it('shows the approvals in the audit log, and saves it as a spreadsheet', async () => {
    const dir = tempDir();
    const db = await buildSmallBank(dir);
    const rule = join(dir, 'all.json');
    writeFileSync(rule, '{"all": []}');
    const saved = JSON.parse(cli('audience', 'save', '--db', db, '--name', 'All', '--rule', rule, '--json').stdout) as {
      id: number;
    };
    cli('audience', 'submit', '--db', db, '--audience', String(saved.id));
    cli('audience', 'approve', '--db', db, '--audience', String(saved.id), '--approver', 'Carol');
    const log = JSON.parse(cli('audit', '--db', db, '--entity', 'audience', '--json').stdout) as {
      entries: { action: string; entity_id: string; detail: string }[];
    };
    expect(log.entries.map((e) => e.action)).toEqual(['audience.approve', 'audience.submit', 'audience.create']);
    expect(JSON.parse(log.entries[0]!.detail)).toMatchObject({
      before: 'submitted',
      after: 'approved',
      approver: 'Carol',
    });
    const csv = join(dir, 'audit.csv');
    const out = cli('audit', '--db', db, '--entity', 'audience', '--out', csv);
    expect(out.code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\n')[0]).toBe('\uFEFFWhen (UTC),Who,What,Record,Record id,Detail');
    expect(text).toContain('audience.approve');
    expect(cli('audit', '--db', db, '--out', join(dir, 'audit.pdf')).code).toBe(2);
  });
});
