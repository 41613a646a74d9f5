/** The audit log as the Settings › Audit log screen reads and exports it, through browser mode's real API. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src-main/db/audit';
import type { WebServer } from '../../src-main/web/server';
import { callApi, useTestServer } from '../helpers/test-server';

/** On top of the fixture's import (actor "test"): a reviewer's and a marketer's entries, oldest first. */
function seed(s: WebServer): void {
  const db = s.context.requireDb();
  for (let i = 1; i <= 7; i++) {
    audit(db, { actor: 'mlopez', action: 'kli.compute', entity: 'kli', detail: { as_of: `2026-0${i}-28` } });
  }
  audit(db, {
    actor: 'mlopez',
    action: 'audience.create',
    entity: 'audience',
    entity_id: '12',
    detail: { name: 'Savers' },
  });
  audit(db, {
    actor: 'creyes',
    action: 'audience.approve',
    entity: 'audience',
    entity_id: '12',
    detail: { version: 1, before: 'submitted', after: 'approved', comment: '100% of the Q1 list' },
  });
  audit(db, { actor: 'creyes', action: 'profile.delete', entity: 'mapping_profile', entity_id: 'fiserv_dna' });
}

describe('the audit log API', () => {
  const start = useTestServer();

  it('lists newest first with the kinds of record and the people to filter by, a page at a time', async () => {
    const s = await start();
    seed(s);
    const all = await callApi(s, 'audit:list', {});
    expect(all.total).toBe(11);
    expect(all.entries.map((e) => e.action).slice(0, 3)).toEqual([
      'profile.delete',
      'audience.approve',
      'audience.create',
    ]);
    expect(all.entries.at(-1)).toMatchObject({ actor: 'test', action: 'import', entity: 'import' });
    expect(all.entities).toEqual(['audience', 'import', 'kli', 'mapping_profile']);
    expect(all.actors).toEqual(['creyes', 'mlopez', 'test']);
    const ids = all.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const second = await callApi(s, 'audit:list', { offset: 4, limit: 4 });
    expect(second.total).toBe(11);
    expect(second.entries.map((e) => e.id)).toEqual(ids.slice(4, 8));
    const past = await callApi(s, 'audit:list', { offset: 40, limit: 4 });
    expect(past).toMatchObject({ entries: [], total: 11 });
  });

  it('filters by kind of record, person and text, each narrowing the others', async () => {
    const s = await start();
    seed(s);
    const list = (input: object) => callApi(s, 'audit:list', input);

    expect((await list({ entity: 'audience' })).entries.map((e) => e.action)).toEqual([
      'audience.approve',
      'audience.create',
    ]);
    expect((await list({ actor: 'creyes' })).total).toBe(2);
    expect((await list({ entity: 'audience', actor: 'mlopez' })).entries.map((e) => e.action)).toEqual([
      'audience.create',
    ]);
    // The text is looked for in the action, the record id and the detail, ignoring case.
    expect((await list({ search: 'APPROVE' })).entries.map((e) => e.action)).toEqual(['audience.approve']);
    expect((await list({ search: 'fiserv' })).entries.map((e) => e.entity_id)).toEqual(['fiserv_dna']);
    expect((await list({ search: '2026-03' })).total).toBe(1);
    expect((await list({ search: '  savers ' })).total).toBe(1);
    // Filters still give the full choices, so the screen's selects do not shrink as one is chosen.
    const narrowed = await list({ actor: 'creyes', search: 'approve' });
    expect(narrowed).toMatchObject({ total: 1, actors: ['creyes', 'mlopez', 'test'] });
    expect(narrowed.entities).toHaveLength(4);
    // The text is data, never SQL or a pattern: % and _ match themselves, quotes match nothing.
    expect((await list({ search: '100%' })).total).toBe(1);
    expect((await list({ search: '%' })).total).toBe(1);
    // As a pattern "v_d" would also find "approved".
    expect((await list({ search: 'v_d' })).entries.map((e) => e.entity_id)).toEqual(['fiserv_dna']);
    expect((await list({ search: "' OR 1=1 --" })).total).toBe(0);
    expect((await list({ entity: "audience' OR '1'='1" })).total).toBe(0);
    expect((await list({ entity: 'nothing-like-it' })).entries).toEqual([]);
  });

  it('refuses a page size over 500, a negative offset and unknown fields', async () => {
    const s = await start();
    await expect(callApi(s, 'audit:list', { limit: 501 })).rejects.toThrow(/limit/);
    await expect(callApi(s, 'audit:list', { offset: -1 })).rejects.toThrow(/offset/);
    await expect(callApi(s, 'audit:list', { sql: 'DROP TABLE audit_log' })).rejects.toThrow(/sql/);
    await expect(callApi(s, 'audit:export', { format: 'pdf' })).rejects.toThrow(/format/);
  });

  it('records who changed the bank names, with the names before and after', async () => {
    const s = await start();
    const before = await callApi(s, 'bank:get', {});
    await callApi(s, 'bank:set', { name: 'First Prairie Savings Bank', short_name: 'FPSB' });
    const [entry] = (await callApi(s, 'audit:list', { search: 'bank.names' })).entries;
    expect(entry).toMatchObject({ action: 'bank.names', entity: 'settings', entity_id: 'bank_names' });
    expect(JSON.parse(entry?.detail ?? 'null')).toEqual({
      before: { name: before.name, short_name: before.short_name },
      after: { name: 'First Prairie Savings Bank', short_name: 'FPSB' },
    });
  });

  it('exports every entry the filters match, not only a page, as CSV and as a workbook', async () => {
    const s = await start();
    seed(s);
    const csv = await callApi(s, 'audit:export', { format: 'csv', actor: 'mlopez' });
    expect(csv.file_name).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.mime).toBe('text/csv');
    const rows = parse(Buffer.from(csv.base64, 'base64').toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['When (UTC)', 'Who', 'What', 'Record', 'Record id', 'Detail']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['audience.create', ...Array<string>(7).fill('kli.compute')]);
    expect(rows.slice(1).every((r) => r[1] === 'mlopez')).toBe(true);

    const searched = await callApi(s, 'audit:export', { format: 'csv', entity: 'audience', search: 'approve' });
    const approval = parse(Buffer.from(searched.base64, 'base64').toString('utf8'), { bom: true }) as string[][];
    expect(approval).toHaveLength(2);
    expect(JSON.parse(approval[1]?.[5] ?? 'null')).toMatchObject({ before: 'submitted', after: 'approved' });

    const xlsx = await callApi(s, 'audit:export', { format: 'xlsx' });
    expect(xlsx.file_name).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(xlsx.base64, 'base64')).buffer);
    const sheet = book.getWorksheet('Audit log');
    expect(sheet?.rowCount).toBe(12);
    expect(sheet?.getRow(2).getCell(3).value).toBe('profile.delete');
    expect(sheet?.getRow(12).getCell(3).value).toBe('import');
  });
});
