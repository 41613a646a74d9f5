/** The audience calls as the Audiences screen makes them, through browser mode's real API. */
import { describe, expect, it } from 'vitest';
import { callApi, useTestServer } from '../helpers/test-server';

const iowa = { all: [{ field: 'state', op: '=', value: 'IA' }] };

describe('the audience API', () => {
  const start = useTestServer();
  const call = callApi;

  it('offers the bank’s fields, products and suppressions, and counts, samples and explains a rule', async () => {
    const s = await start();
    const catalog = await call(s, 'audience:catalog', {});
    const fields = catalog.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['age', 'has:mortgage', 'has_code:MTG-30', 'kli:payroll-dd']));
    expect(catalog.products.find((p) => p.code === 'MTG-30')).toMatchObject({ family: 'mortgage', credit: true });
    expect(catalog.suppressions[0]).toMatchObject({ id: 'do-not-solicit', default_on: true });

    const count = await call(s, 'audience:count', { rule: iowa, as_of: '2026-11-01' });
    expect(count).toMatchObject({ customers: 1, households: 1 });
    expect(count.waterfall[0]).toMatchObject({ id: 'eligible', remaining: 4 });
    const off = await call(s, 'audience:count', { rule: iowa, suppressions_off: ['employees'], as_of: '2026-11-01' });
    expect(off.customers).toBe(2);
    // The counting worker keeps what it read, yet sees a change the main process commits.
    s.context.requireDb().prepare("UPDATE customers SET state = 'NE' WHERE customer_number = '0001004'").run();
    const fewer = await call(s, 'audience:count', { rule: iowa, suppressions: false, as_of: '2026-11-01' });
    expect(fewer.waterfall[0]).toMatchObject({ id: 'eligible', remaining: 3 });
    s.context.requireDb().prepare("UPDATE customers SET state = 'IA' WHERE customer_number = '0001004'").run();

    const details = await call(s, 'audience:details', { rule: iowa, suppressions: false });
    expect(details.sample.map((c) => c.customer_number).sort()).toEqual(['0001001', '0001002', '0001003', '0001004']);
    expect(details.by_branch.reduce((sum, b) => sum + b.customers, 0)).toBe(4);
    expect(details.by_family.find((f) => f.family === 'mortgage')).toMatchObject({ customers: 2 });

    const explained = await call(s, 'audience:explain', { rule: iowa, customer: '0001003', as_of: '2026-11-01' });
    expect(explained).toMatchObject({ eligible: true, removed_by: 'deceased', mailed: false });
  });

  it('refuses a bad rule with the place at fault, before and inside the compiler', async () => {
    const s = await start();
    await expect(call(s, 'audience:count', { rule: { all: [{ field: 'age', op: '>', value: 'x' }] } })).rejects.toThrow(
      'rule.all[0]: age takes a number, not "x"',
    );
    await expect(call(s, 'audience:count', { rule: { every: [] } })).rejects.toThrow();
    let deep: unknown = { field: 'age', op: '>', value: 1 };
    for (let i = 0; i < 20; i++) deep = { not: deep };
    await expect(call(s, 'audience:count', { rule: deep })).rejects.toThrow(/nest deeper than/);
  });

  it('creates, submits, approves and retires a version; an edit of an approved one is the next draft', async () => {
    const s = await start();
    const created = await call(s, 'audience:create', { name: 'Iowa', draft: { rule: iowa } });
    const v1 = created.versions[0]!;
    await call(s, 'audience:submit', { version_id: v1.id });
    await expect(call(s, 'audience:approve', { version_id: v1.id, approver: '' })).rejects.toThrow(/say who approves/);
    const approved = await call(s, 'audience:approve', { version_id: v1.id, approver: 'Carol' });
    expect(approved).toMatchObject({ status: 'approved', approved_by: 'Carol' });
    const v2 = await call(s, 'audience:save', { id: created.id, draft: { rule: { all: [] } } });
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    const all = await call(s, 'audience:list', {});
    expect(all[0]!.versions.map((v) => v.status)).toEqual(['draft', 'approved']);
    expect((await call(s, 'audience:retire', { version_id: v1.id })).status).toBe('retired');
    await expect(call(s, 'audience:get', { id: 99 })).rejects.toThrow(/No audience 99/);
  });
});
