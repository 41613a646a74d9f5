import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { loadStandardFiles } from '../../src-main/ingest/import-files';
import { listMerchantRules, saveMerchantRules } from '../../src-main/ingest/merchant-rules';
import { copyStandardSmall } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp-dir';

describe('merchant cleanup on import, and the users’ own rules', () => {
  const tempDir = useTempDir();

  it('stores a clean merchant and category beside the raw description; saved rules re-clean what is loaded', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'bank.sqlite'));
    await loadStandardFiles(db, copyStandardSmall(join(dir, 'files')), { actor: 'test', source: 'fixture' });
    const row = (key: string) =>
      db.prepare('SELECT description, merchant, category FROM transactions WHERE transaction_key = ?').get(key);
    expect(row('T3')).toEqual({ description: 'NETFLIX.COM', merchant: 'Netflix', category: 'subscriptions_streaming' });
    expect(row('T1')).toMatchObject({ description: 'ACME MANUFACTURING PAYROLL PPD', category: 'payroll' });
    expect(row('T2')).toMatchObject({ description: 'ROCKET MORTGAGE PMT', category: 'loan_payment' });

    const saved = saveMerchantRules(
      db,
      [
        {
          pattern: 'acme manufacturing',
          match: 'starts_with',
          merchant: 'Acme Mfg (our top employer)',
          category: 'payroll',
        },
      ],
      'test',
    );
    expect(saved.changed).toBe(2);
    expect(row('T1')).toEqual({
      description: 'ACME MANUFACTURING PAYROLL PPD',
      merchant: 'Acme Mfg (our top employer)',
      category: 'payroll',
    });
    expect(row('T6')).toMatchObject({ merchant: 'Acme Mfg (our top employer)' });
    expect(listMerchantRules(db)).toHaveLength(1);
    // Taking the rule away puts the dictionary's answer back.
    expect(saveMerchantRules(db, [], 'test').changed).toBe(2);
    expect(row('T1')).toMatchObject({ category: 'payroll' });
    expect((row('T1') as { merchant: string }).merchant).not.toBe('Acme Mfg (our top employer)');
    db.close();
  });
});
