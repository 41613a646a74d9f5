/** The log rotates: past 1 MiB a file is closed and a new one started, and no more than five old ones are kept. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { log, logsDir, startLog, stopLog } from '../../src-main/app/log';
import { useTempDir } from '../helpers/temp-dir';

describe('the log', () => {
  const tempDir = useTempDir();

  it('rotates at 1 MiB and keeps five old files, each line JSON with ids only', async () => {
    const dataDir = tempDir();
    startLog(dataDir);
    // About 8 MiB of events, a little at a time as the app writes them.
    for (let batch = 0; batch < 80; batch++) {
      for (let i = 0; i < 1000; i++) log('info', 'job.done', { kind: 'kli:compute', id: `job-${batch}-${i}`, rows: i });
      await new Promise((resolve) => setImmediate(resolve));
    }
    log('info', 'customer.seen', { name: 'Jane Q. Public' });
    await stopLog();
    const dir = logsDir(dataDir);
    // The library keeps its list of rotated files in mainstreet.log.txt.
    const files = readdirSync(dir).filter((f) => f !== 'mainstreet.log.txt');
    expect(files).toContain('mainstreet.log');
    const rotated = files.filter((f) => f !== 'mainstreet.log');
    expect(rotated.length).toBe(5);
    for (const name of rotated) expect(name).toMatch(/^\d{8}-\d{4}-\d{2}-mainstreet\.log$/);
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(1024 * 1024 + 4096);
    const current = readFileSync(join(dir, 'mainstreet.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(current.at(-1)!)).toMatchObject({ event: 'customer.seen', name: '[withheld]' });
  }, 60_000);
});
