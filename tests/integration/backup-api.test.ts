/**
 * Backups from the screens: Back up now, the list with what each holds, restore with a backup of
 * the current state first, and the check on open that offers the newest good backup for a
 * damaged database. Through browser mode's real API.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callApi as call, useTestServer } from '../helpers/test-server';

describe('backups from the screens', () => {
  const start = useTestServer();

  it('backs up now, lists what each backup holds, and restores one after backing up the current state', async () => {
    const s = await start();
    expect((await call(s, 'backups:list', {})).backups).toEqual([]);
    const made = await call(s, 'backups:create', {});
    expect(made.backups).toHaveLength(1);
    expect(made.backups[0]).toMatchObject({ reason: 'manual', counts: { customers: 4, audiences: 0 } });
    expect(made.key).toMatch(/backup key/);

    await call(s, 'audience:create', { name: 'Made after the backup', draft: { rule: { all: [] } } });
    expect(await call(s, 'audience:list', {})).toHaveLength(1);

    const restored = await call(s, 'backups:restore', { file: made.backups[0]!.file });
    expect(restored).toMatchObject({
      counts: { customers: 4, audiences: 0 },
      previous: expect.stringMatching(/before-restore\.msbackup$/),
    });
    expect(await call(s, 'audience:list', {})).toEqual([]);
    const after = await call(s, 'backups:list', {});
    expect(after.backups.map((b) => b.reason)).toEqual(['before-restore', 'manual']);
    expect(after.backups[0]!.counts.audiences).toBe(1);
    // The audit trail outlives the restore: what happened after the backup is carried over.
    const log = await call(s, 'audit:list', {});
    expect(log.entries.map((e) => e.action).slice(0, 3)).toEqual(['backup.restore', 'audience.create', 'backup']);

    await expect(call(s, 'backups:restore', { file: '/no/such.msbackup' })).rejects.toThrow(/no such file/);
  });

  it('offers the newest good backup when the database fails its check on open, and restores it', async () => {
    const s = await start();
    await call(s, 'backups:create', {});
    const path = (await call(s, 'app:info', {})).db_path!;
    s.context.open(path); // let go of the file's pages before damaging it
    await s.context.integrityChecked();
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    // Overwrite the middle of the file (the tables' pages) with noise.
    writeSync(fd, Buffer.alloc(Math.min(32_768, size - 8192), 0x5a), 0, undefined, 4096);
    closeSync(fd);
    s.context.open(path);
    // The cheap look on open may pass; the quick check on the worker finds the damage.
    await s.context.integrityChecked();

    const info = await call(s, 'app:info', {});
    expect(info.db_path).toBeNull();
    expect(info.recovery).toMatchObject({ db_path: path, problem: expect.any(String) });
    expect(info.recovery!.backups).toHaveLength(1);
    await expect(call(s, 'home:dashboard', {})).rejects.toThrow(/No database is open/);

    const restored = await call(s, 'backups:restore', { file: info.recovery!.backups[0]!.file });
    expect(restored.previous).toMatch(/\.damaged-/);
    const healed = await call(s, 'app:info', {});
    expect(healed).toMatchObject({ db_path: path, recovery: null });
    expect((await call(s, 'home:dashboard', {})).stats).toMatchObject({ customers: 4 });
  });
});
