/**
 * A past campaign as the baseline: the UCI bank-marketing contacts (45,211 real telemarketing
 * calls and whether each subscribed a term deposit) imported, reported by segment, checked
 * against a plain count of the file; and the family's baseline rate chosen for projections.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/open';
import { ageBand, deleteHistory, historyRates, historyReport, importHistory } from '../../src-main/measure/history';
import { chooseRate } from '../../src-main/plan/projections';
import { cli } from '../helpers/cli';

const UCI = join(__dirname, '../../../shared/data/uci-bank-marketing/bank-full.csv');

/** The file counted plainly: contacts and subscribers by a column's value. */
function plainCount(column: string, band?: (v: string) => string): Map<string, [number, number]> {
  const [header, ...lines] = readFileSync(UCI, 'utf8').trim().split('\n');
  const names = header!.split(';').map((n) => n.replace(/"/g, ''));
  const at = names.indexOf(column);
  const y = names.indexOf('y');
  const counts = new Map<string, [number, number]>();
  for (const line of lines) {
    const cells = line.split(';').map((c) => c.replace(/"/g, ''));
    const key = band ? band(cells[at]!) : cells[at]!;
    const c = counts.get(key) ?? [0, 0];
    c[0]++;
    if (cells[y] === 'yes') c[1]++;
    counts.set(key, c);
  }
  return counts;
}

describe('campaign history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-history-'));
  const path = join(dir, 'bank.sqlite');
  let db: Db;

  beforeAll(() => {
    db = openDatabase(path);
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the UCI contacts and reports response by job, age band, previous outcome and month as the file says', async () => {
    const history = await importHistory(db, { file: UCI, name: 'Term deposits by phone', family: 'cd', actor: 'test' });
    expect(history).toMatchObject({ contacts: 45_211, responders: 5_289, family: 'cd' });
    expect(history.rate).toBeCloseTo(5289 / 45211, 10);
    const report = historyReport(db, history.id);
    expect(report.segments.map((s) => s.key)).toEqual([
      'age_band',
      'job',
      'previous_outcome',
      'month',
      'channel',
      'marital',
      'education',
    ]);
    const checks: [string, string, ((v: string) => string) | undefined][] = [
      ['job', 'job', undefined],
      ['previous_outcome', 'poutcome', undefined],
      ['month', 'month', undefined],
      ['age_band', 'age', (v) => ageBand(Number(v))],
    ];
    for (const [key, column, band] of checks) {
      const segment = report.segments.find((s) => s.key === key)!;
      const counted = plainCount(column, band);
      expect(segment.values).toHaveLength(counted.size);
      for (const v of segment.values) {
        const [contacts, responders] = counted.get(v.value)!;
        expect([v.contacts, v.responders]).toEqual([contacts, responders]);
        expect(v.ci_low).toBeLessThanOrEqual(v.rate);
        expect(v.ci_high).toBeGreaterThanOrEqual(v.rate);
      }
    }
    // The previous campaign's successes respond best (the paper's strongest signal).
    const previous = report.segments.find((s) => s.key === 'previous_outcome')!.values;
    expect(previous.reduce((a, b) => (b.rate > a.rate ? b : a)).value).toBe('success');
    // Months in calendar order; age bands youngest first.
    expect(report.segments.find((s) => s.key === 'month')!.values.map((v) => v.value)).toEqual([
      'jan',
      'feb',
      'mar',
      'apr',
      'may',
      'jun',
      'jul',
      'aug',
      'sep',
      'oct',
      'nov',
      'dec',
    ]);
  });

  it('gives the family a baseline rate for projections until the bank has results of its own', () => {
    const history = historyRates(db);
    const none = { byOffer: new Map(), byFamily: new Map() };
    expect(chooseRate('CD-12', 'cd', none, history)).toMatchObject({
      rate_source: 'history',
      rate_from_results: false,
      response_rate: 5289 / 45211,
    });
    expect(chooseRate('CHK-DD', 'checking', none, history)).toMatchObject({
      rate_source: 'usual',
      response_rate: 0.015,
    });
    const own = {
      byOffer: new Map([['CD-12', { rate: 0.03, pieces: 900, responders: 27, months: ['2026-11'] }]]),
      byFamily: new Map(),
    };
    expect(chooseRate('CD-12', 'cd', own, history)).toMatchObject({ rate_source: 'offer', response_rate: 0.03 });
  });

  it('refuses a file without outcomes, or with a bad one, naming row, column and value; stores nothing', async () => {
    writeFileSync(join(dir, 'no-outcome.csv'), 'age,job\n40,admin.\n');
    await expect(
      importHistory(db, { file: join(dir, 'no-outcome.csv'), name: 'x', family: 'cd', actor: 't' }),
    ).rejects.toThrow(/no outcome column/);
    writeFileSync(join(dir, 'bad.csv'), 'age,job,y\n40,admin.,yes\n41,admin.,maybe\n');
    await expect(
      importHistory(db, { file: join(dir, 'bad.csv'), name: 'x', family: 'cd', actor: 't' }),
    ).rejects.toThrow(/bad\.csv, row 3, column y, value "maybe": expected yes or no/);
    await expect(
      importHistory(db, { file: join(dir, 'bad.csv'), name: 'x', family: 'savings-ish', actor: 't' }),
    ).rejects.toThrow(/not a product family/);
    expect(db.prepare('SELECT count(*) FROM history_imports').pluck().get()).toBe(1);
  });

  it('answers on the command line, and a history can be removed', () => {
    const listed = JSON.parse(cli('history', 'list', '--db', path, '--json').stdout);
    expect(listed).toHaveLength(1);
    const report = JSON.parse(cli('history', 'report', '--db', path, '--id', String(listed[0].id), '--json').stdout);
    expect(report.history.contacts).toBe(45_211);
    expect(deleteHistory(db, listed[0].id, 'test')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM history_contacts').pluck().get()).toBe(0);
  });
});
