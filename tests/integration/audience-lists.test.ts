/**
 * Suppression lists and customer marks loaded from files, on the four-customer fixture bank:
 * each list becomes a waterfall step, marks feed their suppressions, and a bad file loads
 * nothing and names the file, row, column and value.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAudience } from '../../src-main/audience/count';
import {
  deleteSuppressionList,
  importCustomerMarks,
  importSuppressionList,
  listSuppressionLists,
} from '../../src-main/audience/lists';
import { openDatabase, type Db } from '../../src-main/db/open';
import { cli } from '../helpers/cli';
import { buildSmallBank } from '../helpers/small-bank';
import { useTempDir } from '../helpers/temp-dir';

const AS_OF = '2026-11-01';
const everyone = { all: [] };

describe('suppression lists and customer marks from files', () => {
  const tempDir = useTempDir();
  let dir: string;
  let dbPath: string;
  let db: Db;
  beforeEach(async () => {
    dir = tempDir();
    dbPath = await buildSmallBank(dir);
    db = openDatabase(dbPath);
  });
  afterEach(() => db.close());

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const removedBy = (id: string) => countAudience(db, everyone, { asOf: AS_OF }).waterfall.find((s) => s.id === id);

  it('makes each list a step of every waterfall, replaced only when asked, and deleted with its step', () => {
    const vip = file('vip.csv', '\uFEFFCustomer_Number\n0001001\n0001001\n');
    const list = importSuppressionList(db, 'VIP: no offers', vip, { actor: 'ann' });
    expect(list).toMatchObject({ name: 'VIP: no offers', customers: 1, actor: 'ann' });
    expect(removedBy(`list:${list.id}`)).toMatchObject({ step: 'List: VIP: no offers', removed: 1 });

    expect(() => importSuppressionList(db, 'VIP: no offers', vip, { actor: 'ann' })).toThrow(
      /already a suppression list/,
    );
    const two = file('two.csv', 'customer_number\n0001001\n0001004\n');
    const replaced = importSuppressionList(db, 'VIP: no offers', two, { replace: true, actor: 'ann' });
    expect(replaced.customers).toBe(2);
    expect(listSuppressionLists(db)).toHaveLength(1);
    expect(deleteSuppressionList(db, 'VIP: no offers', 'ann')).toBe(true);
    expect(countAudience(db, everyone, { asOf: AS_OF }).waterfall.some((s) => s.id.startsWith('list:'))).toBe(false);
  });

  it('loads nothing from a list with an unknown customer, naming the file, row, column and value', () => {
    const bad = file('bad.csv', 'customer_number\n0001001\n9999999\n');
    expect(() => importSuppressionList(db, 'Bad', bad, { actor: 'ann' })).toThrow(
      'Nothing was loaded: bad.csv row 3, customer_number "9999999": no customer with this number.',
    );
    expect(listSuppressionLists(db)).toEqual([]);
    expect(() => importSuppressionList(db, 'Bad', file('none.csv', 'number\n1\n'), { actor: 'ann' })).toThrow(
      'none.csv needs the column customer_number (it has number).',
    );
  });

  it('reads marks into the bankruptcy, complaint and recent-credit-decline steps; a mark on file twice counts once', () => {
    const marks = file(
      'marks.csv',
      'customer_number,mark,date\n0001001,Bankruptcy,2024-03-01\n0001004,credit decline,2026-10-15\n0001004,complaint,2025-01-02\n',
    );
    expect(importCustomerMarks(db, marks, 'ann')).toEqual({ added: 3, already: 0 });
    expect(importCustomerMarks(db, marks, 'ann')).toEqual({ added: 0, already: 3 });
    // Maria is an employee too: turn that step off to see her marks.
    const count = countAudience(db, everyone, { asOf: AS_OF, off: ['employees', 'do-not-solicit', 'deceased'] });
    const step = (id: string) => count.waterfall.find((s) => s.id === id)!.removed;
    expect(step('bankruptcy')).toBe(1);
    expect(step('complaint')).toBe(1);
    expect(step('credit-decline')).toBe(0); // Maria left at the complaint step before it
    const later = countAudience(db, everyone, {
      asOf: '2027-06-01',
      off: ['employees', 'do-not-solicit', 'deceased', 'complaint'],
    });
    expect(later.waterfall.find((s) => s.id === 'credit-decline')!.removed).toBe(0); // more than 90 days before
    const soon = countAudience(db, everyone, {
      asOf: AS_OF,
      off: ['employees', 'do-not-solicit', 'deceased', 'complaint'],
    });
    expect(soon.waterfall.find((s) => s.id === 'credit-decline')!.removed).toBe(1);

    const bad = file('bad-marks.csv', 'customer_number,mark,date\n0001001,lawsuit,2026-13-01\n');
    expect(() => importCustomerMarks(db, bad, 'ann')).toThrow(
      'Nothing was loaded: bad-marks.csv row 2, mark "lawsuit": not one of bankruptcy, complaint, credit_decline; bad-marks.csv row 2, date "2026-13-01": not a date written YYYY-MM-DD.',
    );
  });

  it('runs from the command line', () => {
    db.close();
    const vip = file('vip.csv', 'customer_number\n0001001\n');
    const out = cli('audience', 'lists', 'import', '--db', dbPath, '--name', 'VIP', vip, '--json');
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({ name: 'VIP', customers: 1 });
    expect(JSON.parse(cli('audience', 'lists', '--db', dbPath, '--json').stdout)).toMatchObject({
      lists: [{ name: 'VIP', customers: 1 }],
    });
    const marks = file('m.csv', 'customer_number,mark,date\n0001001,complaint,2026-01-01\n');
    expect(JSON.parse(cli('audience', 'marks', 'import', '--db', dbPath, marks, '--json').stdout)).toEqual({
      added: 1,
      already: 0,
    });
    expect(cli('audience', 'lists', 'delete', '--db', dbPath, '--name', 'Nope').stderr).toContain(
      'No suppression list named "Nope"',
    );
    db = openDatabase(dbPath);
  });
});
