/** The KLI calls as the KLIs screen makes them, through browser mode's real API and job runner. */
import { describe, expect, it } from 'vitest';
import { callApi, useTestServer } from '../helpers/test-server';

describe('the KLI API', () => {
  const start = useTestServer();
  const call = callApi;

  it('computes in a job; a second Recompute while it runs joins it; the library then has figures', async () => {
    const s = await start();
    const before = await call(s, 'kli:library', {});
    expect(before.run).toBeNull();
    expect(before.stale).toBe(true);

    const first = await call(s, 'kli:compute', {});
    const second = await call(s, 'kli:compute', { full: true });
    expect(first.kind).toBe('kli:compute');
    expect(second.id).toBe(first.id);
    await s.context.jobs.wait(first.id);

    const after = await call(s, 'kli:library', {});
    expect(after.run).toMatchObject({ lookback_months: 12, incremental: false });
    expect(after.stale).toBe(false);
    expect(after.klis.every((k) => k.customers !== null && k.households !== null)).toBe(true);
  });

  it('refuses a custom KLI with a built-in id or without transactions to count, naming the problem', async () => {
    const s = await start();
    const definition = {
      id: 'payroll-dd',
      name: 'Mine',
      product: 'checking',
      rule: { type: 'activity', match: { categories: ['payroll'] }, measure: 'count', min: 1 },
    };
    await expect(call(s, 'kli:save', { definition })).rejects.toThrow(/built-in KLI's id/);
    await expect(
      call(s, 'kli:preview', { definition: { ...definition, id: 'mine', rule: { ...definition.rule, match: {} } } }),
    ).rejects.toThrow(/say which transactions count/);
  });

  it('names the bank in Settings; the KLIs read them at the next compute, in full', async () => {
    const s = await start();
    await s.context.jobs.wait((await call(s, 'kli:compute', {})).id);
    expect((await call(s, 'kli:library', {})).stale).toBe(false);

    const names = await call(s, 'bank:set', { name: 'First Prairie Savings Bank', short_name: 'FPSB' });
    expect(names).toEqual({
      name: 'First Prairie Savings Bank',
      short_name: 'FPSB',
      recognised: ['First Prairie Savings Bank', 'FPSB'],
    });
    expect(await call(s, 'bank:get', {})).toEqual(names);
    expect((await call(s, 'kli:library', {})).stale).toBe(true);
    await expect(call(s, 'bank:set', { name: '  ' })).rejects.toThrow(/the bank needs a name/);

    await s.context.jobs.wait((await call(s, 'kli:compute', {})).id);
    const after = await call(s, 'kli:library', {});
    expect(after).toMatchObject({ stale: false, run: { incremental: false } });
  });

  it('says which built-ins carry tuned numbers, until their defaults are restored', async () => {
    const s = await start();
    const library = await call(s, 'kli:library', {});
    expect(library.klis.filter((k) => k.tuned)).toEqual([]);
    const low = library.klis.find((k) => k.id === 'low-balance')!;
    if (low.rule.type !== 'balance') throw new Error('low-balance reads balances');
    const tuned = await call(s, 'kli:tune', { id: 'low-balance', rule: { ...low.rule, threshold_cents: 25_000 } });
    expect(tuned).toMatchObject({ tuned: true, words: expect.stringMatching(/below \$250 in the last month/) });
    expect((await call(s, 'kli:library', {})).klis.filter((k) => k.tuned).map((k) => k.id)).toEqual(['low-balance']);
    expect(await call(s, 'kli:tune', { id: 'low-balance', rule: null })).toMatchObject({ tuned: false });
  });

  it('previews and saves a custom KLI, and runs the triggers, on worker threads', async () => {
    const s = await start();
    const definition = {
      id: 'any-debit',
      name: 'Any debit',
      question: 'Who pays for anything?',
      product: 'checking',
      rule: {
        type: 'activity',
        match: { direction: 'debit', account_families: ['checking'] },
        measure: 'count',
        min: 1,
      },
    };
    const preview = await call(s, 'kli:preview', { definition });
    expect(preview.customers).toBeGreaterThan(0);
    expect(preview.sample_transactions.every((t) => t.amount_cents < 0)).toBe(true);
    const saved = await call(s, 'kli:save', { definition });
    expect(saved).toMatchObject({ id: 'any-debit', builtin: false, customers: preview.customers });
    await expect(call(s, 'kli:save', { definition })).rejects.toThrow(/exists: choose another id or replace it/);
    expect((await call(s, 'kli:library', {})).klis.map((k) => k.id)).toContain('any-debit');

    const hits = await call(s, 'triggers:run', {});
    expect(hits.evaluated_at).not.toBeNull();
    expect(hits.total).toBe(hits.hits.length);
  });
});
