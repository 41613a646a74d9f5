import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRule, householdSettings, setHouseholdRule } from '../../src-main/bank/households';
import { openDatabase } from '../../src-main/db/open';
import { DEFAULT_HOUSEHOLD_RULE } from '../../src-main/ingest/household-key';
import { loadStandardFiles } from '../../src-main/ingest/import-files';
import { copyStandardSmall } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp-dir';

describe('the householding rule', () => {
  const tempDir = useTempDir();

  async function bank() {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'bank.sqlite'));
    await loadStandardFiles(db, copyStandardSmall(join(dir, 'files')), { actor: 'test', source: 'fixture' });
    return db;
  }
  const householdOf = (db: ReturnType<typeof openDatabase>, number: string) =>
    db.prepare('SELECT household_id FROM customers WHERE customer_number = ?').pluck().get(number);

  it('is shown in words, and the default groups by core id, then by address', async () => {
    const db = await bank();
    const settings = householdSettings(db);
    expect(settings.rule).toEqual(DEFAULT_HOUSEHOLD_RULE);
    expect(settings.description).toMatch(
      /^Customers with the same household id from the core are one household; otherwise/,
    );
    expect(settings).toMatchObject({ households: 3, customers: 4 });
    // John and Jane Smith share an address written two ways.
    expect(householdOf(db, '0001001')).toBe(householdOf(db, '0001002'));
    db.close();
  });

  it('regroups the whole bank when changed, all at once, with sizes recomputed', async () => {
    const db = await bank();
    const alone = setHouseholdRule(db, { ...DEFAULT_HOUSEHOLD_RULE, by_address: false }, 'test');
    expect(alone.households).toBe(4);
    expect(householdOf(db, '0001001')).not.toBe(householdOf(db, '0001002'));
    expect(db.prepare("SELECT household_size FROM customers WHERE customer_number = '0001001'").pluck().get()).toBe(1);

    // Sharing an account joins them again (they own checking 100001 together).
    const shared = setHouseholdRule(
      db,
      { ...DEFAULT_HOUSEHOLD_RULE, by_address: false, shared_accounts: true },
      'test',
    );
    expect(shared.households).toBe(3);
    expect(householdOf(db, '0001001')).toBe(householdOf(db, '0001002'));
    expect(shared.description).toMatch(/own an account together/);
    expect(db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'households.rule'").pluck().get()).toBe(2);
    db.close();
  });

  it('describes a rule with nothing on', () => {
    expect(describeRule({ use_core_id: false, by_address: false, ignore_unit: false, shared_accounts: false })).toBe(
      'Every customer is a household alone.',
    );
  });
});
