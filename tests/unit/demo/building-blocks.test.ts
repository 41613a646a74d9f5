import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { money } from '../../../src-main/demo/accounts';
import { csvField, csvLine } from '../../../src-main/demo/csv-sink';
import { addMonths, businessDayInMonth, dataWindow, isoOf, parseDay, weekday } from '../../../src-main/demo/dates';
import { Rng, WeightedTable } from '../../../src-main/demo/random';

describe('the CSV encoding', () => {
  const tricky = [
    'plain',
    '',
    'JOHNSON, LARSON & CO CPA PAYROLL',
    'say "hi"',
    '"',
    'two\nlines',
    'carriage\rreturn',
    ' leading and trailing ',
    "O'Brien",
    'Zoë — ünïcode',
    '-12.50',
    '=SUM(A1)',
  ];

  it('writes fields exactly as csv-stringify does', () => {
    for (const field of tricky) expect(csvLine([field, 'x']) + '\n').toBe(stringify([[field, 'x']]));
    expect(csvLine(tricky) + '\n').toBe(stringify([tricky]));
    expect(csvField('a,b')).toBe('"a,b"');
  });
});

describe('money', () => {
  it('prints cents as dollars with two decimals and a leading minus', () => {
    expect([0, 5, 10, 99, 100, 123456, -1, -250, -123456].map(money)).toEqual([
      '0.00',
      '0.05',
      '0.10',
      '0.99',
      '1.00',
      '1234.56',
      '-0.01',
      '-2.50',
      '-1234.56',
    ]);
  });
});

describe('dates', () => {
  it('round-trips ISO dates and knows weekdays', () => {
    const day = parseDay('2026-10-31');
    expect(isoOf(day)).toBe('2026-10-31');
    expect(weekday(day)).toBe(6);
    expect(isoOf(addMonths(parseDay('2026-01-31'), 1))).toBe('2026-02-28');
    expect(() => parseDay('2026-13-01')).toThrow();
  });

  it('keeps a weekend date inside its month', () => {
    const nov = { first: parseDay('2025-11-01'), last: parseDay('2025-11-30') };
    expect(isoOf(businessDayInMonth(parseDay('2025-11-01'), nov.first, nov.last))).toBe('2025-11-03');
    expect(isoOf(businessDayInMonth(parseDay('2025-11-16'), nov.first, nov.last))).toBe('2025-11-14');
  });

  it('spans the end date’s month and the 12 before it', () => {
    const window = dataWindow('2026-10-31');
    expect(window.months).toHaveLength(13);
    expect(isoOf(window.start)).toBe('2025-10-01');
    expect(window.months.map((m) => (m.snapshot === null ? null : isoOf(m.snapshot))).at(-1)).toBe('2026-10-31');
    expect(dataWindow('2026-10-30').months.at(-1)?.snapshot).toBeNull();
  });
});

describe('the random source', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws integers in range and by weight', () => {
    const rng = new Rng(3);
    const counts = new Map<string, number>();
    const table = new WeightedTable(
      [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 3 },
      ],
      (x) => x.weight,
    );
    for (let i = 0; i < 4000; i++) {
      const value = rng.int(1, 6);
      expect(value >= 1 && value <= 6).toBe(true);
      const { name } = table.draw(rng);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect((counts.get('b') ?? 0) / 4000).toBeCloseTo(0.75, 1);
  });

  it('refuses to be reseeded through faker', () => {
    expect(() => new Rng(1).asFakerRandomizer().seed(2)).toThrow();
  });
});
