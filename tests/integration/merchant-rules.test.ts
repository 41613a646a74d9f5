import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signatureKeySql } from '../../src-main/bank/signatures';
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

  it('numbers each distinct signature once at import, and again when saved rules change a row', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'bank.sqlite'));
    await loadStandardFiles(db, copyStandardSmall(join(dir, 'files')), { actor: 'test', source: 'fixture' });
    // Every row's number points at exactly its own text.
    const mismatched = () =>
      db
        .prepare(
          `SELECT t.transaction_key FROM transactions t LEFT JOIN transaction_signatures s ON s.id = t.signature_id
           WHERE s.id IS NULL OR ${signatureKeySql('s')} != ${signatureKeySql('t')}`,
        )
        .pluck()
        .all();
    const distinct = () =>
      db
        .prepare(
          `SELECT COUNT(*) FROM (SELECT DISTINCT description, merchant, category, code, mcc, counterparty FROM transactions)`,
        )
        .pluck()
        .get();
    const used = () => db.prepare('SELECT COUNT(DISTINCT signature_id) FROM transactions').pluck().get();
    expect(mismatched()).toEqual([]);
    expect(used()).toBe(distinct());
    const signatureOf = (key: string) =>
      db.prepare('SELECT signature_id FROM transactions WHERE transaction_key = ?').pluck().get(key) as number;
    const before = signatureOf('T1');

    saveMerchantRules(
      db,
      [{ pattern: 'acme manufacturing', match: 'starts_with', merchant: 'Acme Mfg', category: 'payroll' }],
      'test',
    );
    expect(signatureOf('T1')).not.toBe(before);
    expect(signatureOf('T6')).toBe(signatureOf('T1'));
    expect(mismatched()).toEqual([]);
    // Taking the rule away finds the first number again rather than adding one.
    const known = db.prepare('SELECT COUNT(*) FROM transaction_signatures').pluck().get();
    saveMerchantRules(db, [], 'test');
    expect(signatureOf('T1')).toBe(before);
    expect(db.prepare('SELECT COUNT(*) FROM transaction_signatures').pluck().get()).toBe(known);
    expect(mismatched()).toEqual([]);
    db.close();
  });
});
