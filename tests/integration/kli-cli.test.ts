import { describe, expect, it } from 'vitest';
import { BUILTIN_KLI_IDS } from '../../src-shared/kli';
import { buildSmallBank } from '../helpers/small-bank';
import { useTempDir } from '../helpers/temp-dir';
import { cli } from '../helpers/cli';

describe('mainstreet kli', () => {
  const tempDir = useTempDir();

  it('compute --json prints {as_of, klis:[{id, customers, households}], seconds} for the whole library', async () => {
    const db = await buildSmallBank(tempDir());
    const out = cli('kli', 'compute', '--db', db, '--json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as {
      as_of: string;
      klis: { id: string; customers: number; households: number }[];
      seconds: number;
      incremental: boolean;
    };
    expect(result.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof result.seconds).toBe('number');
    expect(result.klis.map((k) => k.id)).toEqual([...BUILTIN_KLI_IDS]);
    for (const k of result.klis) {
      expect(Object.keys(k).sort()).toEqual(['customers', 'households', 'id']);
      expect(k.households).toBeLessThanOrEqual(k.customers);
    }
    expect(result.incremental).toBe(false);
    // Nothing new since: the second compute reads no transaction.
    const again = JSON.parse(cli('kli', 'compute', '--db', db, '--json').stdout) as {
      incremental: boolean;
      transactions_read: number;
    };
    expect(again).toMatchObject({ incremental: true, transactions_read: 0 });
  });

  it('compute honours --as-of and --lookback-months', async () => {
    const db = await buildSmallBank(tempDir());
    const out = cli('kli', 'compute', '--db', db, '--as-of', '2026-01-15', '--lookback-months', '3', '--json');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ as_of: '2026-01-15' });
    const list = JSON.parse(cli('kli', 'list', '--db', db, '--json').stdout) as {
      run: { as_of: string; lookback_months: number };
      klis: { id: string; words: string }[];
    };
    expect(list.run).toMatchObject({ as_of: '2026-01-15', lookback_months: 3 });
    expect(list.klis.find((k) => k.id === 'payroll-dd')!.words).toMatch(/over the last 3 months/);
  });

  it('refuses a bad date or lookback with a usage error and changes nothing', async () => {
    const db = await buildSmallBank(tempDir());
    const bad = cli('kli', 'compute', '--db', db, '--as-of', '2026-13-45', '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--as-of "2026-13-45" is not a date/);
    const long = cli('kli', 'compute', '--db', db, '--lookback-months', '99');
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/--lookback-months/);
    const list = JSON.parse(cli('kli', 'list', '--db', db, '--json').stdout) as { run: unknown; stale: boolean };
    expect(list).toMatchObject({ run: null, stale: true });
  });
});
