import { describe, expect, it } from 'vitest';
import {
  applyDebitCredit,
  parseAmount,
  parseBirthNumber,
  parseDate,
  type DateFormat,
} from '../../src-main/ingest/transforms';

describe('parseDate', () => {
  it.each([
    ['2026-10-31', 'YYYY-MM-DD', '2026-10-31'],
    ['10/31/2026', 'MM/DD/YYYY', '2026-10-31'],
    ['3/7/2026', 'M/D/YYYY', '2026-03-07'],
    ['20261031', 'YYYYMMDD', '2026-10-31'],
    ['930101', 'YYMMDD', '1993-01-01'],
    ['051231', 'YYMMDD', '2005-12-31'],
    ['931107 00:00:00', 'YYMMDD 00:00:00', '1993-11-07'],
  ] as [string, DateFormat, string][])('%s as %s → %s', (raw, format, iso) => {
    expect(parseDate(raw, format)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31/10/2026', 'MM/DD/YYYY', /real calendar date/],
    ['2026-10-31', 'MM/DD/YYYY', /MM\/DD\/YYYY/],
    ['930229', 'YYMMDD', /real calendar date/],
    ['93010', 'YYMMDD', /YYMMDD/],
  ] as [string, DateFormat, RegExp][])('refuses %s as %s', (raw, format, reason) => {
    const result = parseDate(raw, format);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseAmount', () => {
  it.each([
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['$1,234.56', 123456],
    ['-1,234.56', -123456],
    ['1,234.56-', -123456],
    ['(1,234.56)', -123456],
    ['($12.00)', -1200],
    ['+5', 500],
    ['700.00', 70000],
    ['0.5', 50],
    ['1,000,000', 100000000],
  ])('%s → %d cents', (raw, cents) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value: cents });
  });

  it('reads decimal commas when told to', () => {
    expect(parseAmount('1.234,56', { decimal: ',' })).toEqual({ ok: true, value: 123456 });
    expect(parseAmount('-12,5', { decimal: ',' })).toEqual({ ok: true, value: -1250 });
  });

  it.each(['12,34.56', '1.234.56', 'abc', '', '--5', '1,234.567', '12 34'])('refuses %j', (raw) => {
    expect(parseAmount(raw).ok).toBe(false);
  });
});

describe('debit/credit indicators and Berka birth numbers', () => {
  it('signs amounts by indicator', () => {
    const codes = { debit: ['D', 'VYDAJ'], credit: ['C', 'PRIJEM'] };
    expect(applyDebitCredit(1500, 'd', codes)).toEqual({ ok: true, value: -1500 });
    expect(applyDebitCredit(-1500, 'PRIJEM', codes)).toEqual({ ok: true, value: 1500 });
    const unknown = applyDebitCredit(1500, 'X', codes);
    expect(unknown.ok).toBe(false);
  });

  it('decodes birth date and gender', () => {
    expect(parseBirthNumber('706213')).toEqual({ ok: true, value: { birth_date: '1970-12-13', gender: 'F' } });
    expect(parseBirthNumber('450204')).toEqual({ ok: true, value: { birth_date: '1945-02-04', gender: 'M' } });
    expect(parseBirthNumber('451304').ok).toBe(false);
    expect(parseBirthNumber('45020').ok).toBe(false);
  });
});
