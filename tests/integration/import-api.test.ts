import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src-shared/domain';
import type { MappingProfile } from '../../src-shared/mapping-profile';
import type { WebServer } from '../../src-main/web/server';
import { readBackupHeader } from '../../src-main/backup/backup';
import { FIXTURES } from '../helpers/fixtures';
import { callApi, useTestServer } from '../helpers/test-server';

const OTHER_CORE = join(FIXTURES, 'other-core');

describe('importing through the API, as the Import screen does', () => {
  const start = useTestServer();
  const call = callApi;

  async function upload(s: WebServer, name: string, bytes: Buffer): Promise<string> {
    const response = await fetch(`http://127.0.0.1:${s.port}/api/upload`, {
      method: 'POST',
      headers: { 'x-mainstreet-token': s.token, 'x-file-name': encodeURIComponent(name) },
      body: new Uint8Array(bytes),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { path: string }).path;
  }

  async function finished(s: WebServer, job: JobInfo): Promise<void> {
    await s.context.jobs.wait(job.id).catch(() => undefined);
  }

  it('uploads, sniffs, refuses a file with problems, then quarantines them; reports; rolls back', async () => {
    const s = await start();
    const names = ['PRODUCTS.TXT', 'CIF.TXT', 'ACCTS.TXT', 'HIST.TXT'];
    const paths = await Promise.all(names.map((n) => upload(s, n, readFileSync(join(OTHER_CORE, n)))));
    expect(paths[1]).toContain(join('data', 'uploads'));

    const profile = JSON.parse(readFileSync(join(OTHER_CORE, 'profile.json'), 'utf8')) as MappingProfile;
    await call(s, 'profiles:save', { profile });
    const listed = await call(s, 'profiles:list', {});
    expect(listed.map((p) => [p.name, p.built_in])).toEqual([
      ['mainstreet-standard', true],
      ['berka', true],
      ['other-core', false],
    ]);
    await expect(call(s, 'profiles:save', { profile })).rejects.toThrow(/already exists/);

    const sniffed = await call(s, 'import:sniff', { paths, profile: 'other-core' });
    expect(sniffed[1]).toMatchObject({ name: 'CIF.TXT', encoding: 'windows-1252', delimiter: ';', header: true });
    expect(sniffed[1]?.profile_match?.kind).toBe('customers');

    const refusedJob = await call(s, 'import:start', { paths, profile, quarantine: false });
    expect(refusedJob.kind).toBe('import:run');
    await finished(s, refusedJob);
    const refused = await call(s, 'import:outcome', { job_id: refusedJob.id });
    expect(refused).toMatchObject({ status: 'refused', error_count: 3 });
    if (refused?.status !== 'refused') throw new Error('expected a refusal');
    expect(refused.errors[0]).toEqual({
      file: 'CIF.TXT',
      row: 4,
      column: 'DOB',
      value: '02/30/1980',
      reason: 'not a real calendar date',
    });

    const csv = await call(s, 'import:report', { source: { job_id: refusedJob.id }, format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.split(/\r?\n/)[0]).toBe('\ufeffFile,Row,Column,Value,Reason');
    expect(text).toContain('CIF.TXT,4,DOB,02/30/1980,not a real calendar date');
    const xlsx = await call(s, 'import:report', { source: { job_id: refusedJob.id }, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(xlsx.base64, 'base64')).buffer);
    const sheet = book.getWorksheet('Problems');
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(2).values).toEqual([undefined, 'CIF.TXT', 4, 'DOB', '02/30/1980', 'not a real calendar date']);

    const loadedJob = await call(s, 'import:start', { paths, profile, quarantine: true });
    await finished(s, loadedJob);
    const loaded = await call(s, 'import:outcome', { job_id: loadedJob.id });
    if (loaded?.status !== 'loaded') throw new Error(`expected a load, got ${JSON.stringify(loaded)}`);
    // Each import from the app backed the bank up first, encrypted, into the data folder.
    const { data_dir: dataDir } = await call(s, 'app:info', {});
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups.filter((f) => /-before-import\.msbackup$/.test(f))).toHaveLength(2);
    expect(readBackupHeader(join(dataDir, 'backups', backups[0]!)).cipher).toBe('aes-256-gcm');
    expect(loaded.files.map((f) => f.rows_quarantined)).toEqual([0, 1, 1, 1]);

    const quality = await call(s, 'imports:quality', { id: loaded.import_id });
    expect(quality.quarantined).toBe(3);
    expect(quality.files.map((f) => f.kind)).toEqual(['products', 'customers', 'accounts', 'transactions']);
    expect(quality.coverage.length).toBeGreaterThan(0);
    const quarantine = await call(s, 'imports:quarantine', { id: loaded.import_id, page: 0, page_size: 10 });
    expect(quarantine.total).toBe(3);
    expect(quarantine.rows[0]?.issues[0]?.column).toBe('DOB');

    const history = await call(s, 'imports:list', {});
    expect(history[0]).toMatchObject({ id: loaded.import_id, status: 'done', can_roll_back: true });
    const before = await call(s, 'home:dashboard', {});
    await call(s, 'imports:rollback', { id: loaded.import_id });
    const after = await call(s, 'home:dashboard', {});
    expect(after.stats.customers).toBeLessThan(before.stats.customers);
    expect(after.stats.customers).toBe(4);
  }, 60_000);

  it('refuses what it cannot read, with the file named', async () => {
    const s = await start();
    await expect(call(s, 'import:sniff', { paths: ['/nope/CIF.TXT'] })).rejects.toThrow(
      '/nope/CIF.TXT: no such file. Pick the file again.',
    );
    const response = await fetch(`http://127.0.0.1:${s.port}/api/upload`, {
      method: 'POST',
      headers: { 'x-file-name': 'a.csv' },
      body: 'x',
    });
    expect(response.status).toBe(401);
    await expect(call(s, 'profiles:delete', { name: 'berka' })).rejects.toThrow(/built-in profile/);
  });
});
