import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoFiles, type DemoProgress } from '../../../src-main/demo';
import { useTempDir } from '../../helpers/temp-dir';

describe('writing the demo files', () => {
  const tempDir = useTempDir('mainstreet-demo-');

  it('reports progress in order, about every 1 %, ending at the total', async () => {
    const updates: DemoProgress[] = [];
    await writeDemoFiles(join(tempDir(), 'files'), { customers: 300, seed: 2 }, (p) => updates.push(p));
    expect(updates.length).toBeGreaterThan(10);
    expect(updates.length).toBeLessThanOrEqual(103);
    expect(updates.every((u) => u.total === 300 && u.step === 'customers')).toBe(true);
    const fractions = updates.map((u) => u.current / u.total);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(updates.at(-1)?.current).toBe(300);
  });

  it('stops on abort with an AbortError and leaves no file behind', async () => {
    const dir = join(tempDir(), 'files');
    const controller = new AbortController();
    const run = writeDemoFiles(
      dir,
      { customers: 50_000, seed: 2 },
      (p) => {
        if (p.current >= 200) controller.abort();
      },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does nothing when already aborted', async () => {
    const dir = join(tempDir(), 'files');
    await expect(
      writeDemoFiles(dir, { customers: 100, seed: 2 }, undefined, AbortSignal.abort()),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('replaces the files of an earlier run in the same folder', async () => {
    const dir = join(tempDir(), 'files');
    await writeDemoFiles(dir, { customers: 50, seed: 1 });
    const second = await writeDemoFiles(dir, { customers: 80, seed: 1 });
    expect(second.counts.customers).toBe(80);
    expect(readdirSync(dir).sort()).toEqual(
      ['accounts.csv', 'balances.csv', 'customers.csv', 'products.csv', 'transactions.csv', 'demo-truth.txt'].sort(),
    );
  });
});
