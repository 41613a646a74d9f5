import { describe, expect, it } from 'vitest';
import { parseFlag, parseIsoDate, parseMoneyCents, parseRate } from '../../src-main/ingest/parse-values';

describe('parseMoneyCents', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['-1450.12', -145012],
    ['0.07', 7],
    ['185000', 18500000],
  ])('%s → %d cents', (raw, cents) => {
    expect(parseMoneyCents(raw)).toEqual({ ok: true, value: cents });
  });

  it.each([
    '$12.00',
    '1,234.56',
    '12.345',
    'abc',
    '',
    '(12.00)',
    '12-',
    '-',
    '.',
    '12.',
    '.5',
    '1e5',
    '--1',
    '9999999999999999',
  ])('refuses %j with a reason', (raw) => {
    const result = parseMoneyCents(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/expected an amount/);
  });

  it('keeps cents exact where floating point would drift', () => {
    expect(parseMoneyCents('0.29')).toEqual({ ok: true, value: 29 });
    expect(parseMoneyCents('1.005'.slice(0, 4))).toEqual({ ok: true, value: 100 });
  });
});

describe('parseIsoDate', () => {
  it('accepts real dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
  });
  it.each([
    ['2023-02-29', /real calendar date/],
    ['2023-13-01', /real calendar date/],
    ['09/01/2026', /YYYY-MM-DD/],
    ['930101', /YYYY-MM-DD/],
  ])('refuses %s', (raw, reason) => {
    const result = parseIsoDate(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseFlag and parseRate', () => {
  it('reads Y/N and empty', () => {
    expect(parseFlag('Y')).toEqual({ ok: true, value: true });
    expect(parseFlag('n')).toEqual({ ok: true, value: false });
    expect(parseFlag('')).toEqual({ ok: true, value: false });
    expect(parseFlag('yes').ok).toBe(false);
  });
  it('reads percent rates within 0..100', () => {
    expect(parseRate('4.25')).toEqual({ ok: true, value: 4.25 });
    expect(parseRate('101').ok).toBe(false);
    expect(parseRate('x').ok).toBe(false);
  });
});
