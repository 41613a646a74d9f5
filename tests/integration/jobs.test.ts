import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src-shared/domain';
import { sourceWorkerPath } from '../../src-main/app/paths';
import { openDatabase } from '../../src-main/db/open';
import { getStats } from '../../src-main/bank/stats';
import { JobRunner } from '../../src-main/jobs/job-runner';
import { useTempDir } from '../helpers/temp-dir';

describe('jobs in worker threads', () => {
  const tempDir = useTempDir();
  let runner: JobRunner | null = null;
  afterEach(async () => {
    await runner?.shutdown();
    runner = null;
  });

  function newRunner(updates: JobInfo[], onUpdate?: (job: JobInfo) => void): JobRunner {
    runner = new JobRunner({
      workerPath: sourceWorkerPath(),
      onUpdate: (job) => {
        updates.push(job);
        onUpdate?.(job);
      },
    });
    return runner;
  }

  it('a demo build reports progress, finishes, and a second start joins it', async () => {
    const updates: JobInfo[] = [];
    const jobs = newRunner(updates);
    const dbPath = join(tempDir(), 'demo.sqlite');
    const first = jobs.start('demo:build', { dbPath, customers: 400, seed: 3 });
    const second = jobs.start('demo:build', { dbPath, customers: 400, seed: 3 });
    expect(second.id).toBe(first.id);
    await jobs.wait(first.id);
    expect(jobs.get(first.id)?.state).toBe('done');
    const progress = updates.filter((u) => u.state === 'running' && u.current > 0);
    expect(progress.length).toBeGreaterThan(1);
    const fractions = progress.map((u) => u.current / u.total);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const db = openDatabase(dbPath);
    expect(getStats(db).customers).toBe(400);
    db.close();
  });

  it('cancel stops the job and leaves no database and no staging files behind', async () => {
    let started: () => void = () => undefined;
    const progressed = new Promise<void>((resolve) => (started = resolve));
    const jobs = newRunner([], (u) => {
      if (u.current > 0) started();
    });
    const dir = tempDir();
    const dbPath = join(dir, 'demo.sqlite');
    const job = jobs.start('demo:build', { dbPath, customers: 20_000, seed: 3 });
    await progressed;
    expect(jobs.cancel(job.id)).toBe(true);
    await expect(jobs.wait(job.id)).rejects.toThrow();
    expect(jobs.get(job.id)?.state).toBe('cancelled');
    expect(existsSync(dbPath)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('workers load the native build they are handed (the Electron-ABI one inside the app)', async () => {
    runner = new JobRunner({
      workerPath: sourceWorkerPath(),
      onUpdate: () => undefined,
      nativeBinding: '/nonexistent/electron-native/better_sqlite3.node',
    });
    const job = runner.start('demo:build', { dbPath: join(tempDir(), 'demo.sqlite'), customers: 100, seed: 1 });
    await expect(runner.wait(job.id)).rejects.toThrow();
    expect(runner.get(job.id)?.error).toContain('/nonexistent/electron-native/better_sqlite3.node');
  });

  it('a failing job reports failed with its message', async () => {
    const jobs = newRunner([]);
    const job = jobs.start('demo:build', { dbPath: '', customers: 1, seed: 0 });
    await expect(jobs.wait(job.id)).rejects.toThrow();
    expect(jobs.get(job.id)?.state).toBe('failed');
    expect(jobs.get(job.id)?.error).toBeTruthy();
  });
});
