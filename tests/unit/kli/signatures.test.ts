/**
 * Numbered signatures are only a faster way to read the same transactions: facts and verdicts
 * come out the same whether rows carry a signature number, only their text, or a mix.
 */
import { describe, expect, it } from 'vitest';
import { numberUnsignedTransactions } from '../../../src-main/bank/signatures';
import { NumberReader, PARTS } from '../../../src-main/kli/facts';
import { useKliBank, type KliBank } from '../../helpers/kli-bank';

/** A year of history touching activity, running balances, lenders, merchants and transfers. */
function history(bank: KliBank): void {
  const ann = bank.customer('Ann Lee', { household: 'H1' });
  const bob = bank.customer('Bob Lee', { household: 'H1' });
  const cy = bank.customer('Cy Fox');
  const annChk = bank.account(ann, 'CHK-FREE', { joint: [bob] });
  const annSav = bank.account(ann, 'SAV', { balance: 2_000_000 });
  const cyChk = bank.account(cy, 'CHK-INT');
  bank.monthly(annChk, '2025-07-01', 12, 300_000, 'ACME CORP PAYROLL', { category: 'payroll', code: 'DD' });
  bank.monthly(annChk, '2025-07-05', 12, -52_000, 'ROCKET MORTGAGE PMT', {
    category: 'loan_payment',
    code: 'ACH_DR',
    merchant: 'Rocket Mortgage',
  });
  bank.monthly(annChk, '2025-07-15', 12, -20_000, 'TRANSFER TO SAVINGS', { category: 'transfer' });
  bank.monthly(annSav, '2025-07-15', 12, 20_000, 'TRANSFER FROM CHECKING', { category: 'transfer' });
  bank.monthly(cyChk, '2025-07-20', 12, -9_000, 'HY-VEE', { category: 'groceries', balance: 8_000 });
  bank.monthly(cyChk, '2025-07-21', 12, -1_549, 'NETFLIX.COM', { category: 'subscriptions_streaming' });
  bank.monthly(cyChk, '2025-07-22', 12, -1_199, 'SPOTIFY USA', {
    category: 'subscriptions_streaming',
    skip: ['2026-01'],
  });
  bank.txn(cyChk, '2026-02-02', 1_549, 'NETFLIX.COM REFUND', { category: 'subscriptions_streaming' });
}

/** A packed blob's [key, count, amount] entries. */
function triples(values: Float64Array): [number, number, number][] {
  const entries: [number, number, number][] = [];
  for (let i = 0; i + 2 < values.length; i += 3) entries.push([values[i]!, values[i + 1]!, values[i + 2]!]);
  return entries;
}

/** Every account's kept facts, entries sorted, for comparing two computes. */
function keptFacts(bank: KliBank): Record<number, [number, number, number][]> {
  // (a full compute keeps each account's facts in one part: id = account * PARTS)
  const rows = bank.db.prepare(`SELECT id / ${PARTS}, facts FROM kli_account_facts`).raw().all() as [number, Buffer][];
  return Object.fromEntries(
    rows.map(([account, blob]) => [
      account,
      triples(new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8)).sort((a, b) => a[0] - b[0]),
    ]),
  );
}

const numbered = (bank: KliBank) =>
  bank.db.prepare('SELECT COUNT(*) FROM transactions WHERE signature_id IS NOT NULL').pluck().get();

describe('numbered transaction signatures', () => {
  const newBank = useKliBank();

  it('give the same facts and verdicts as reading the text, numbered in full or in part', () => {
    const bank = newBank();
    history(bank);
    expect(numbered(bank)).toBe(0);
    bank.compute({ full: true });
    const byText = { results: bank.allResults(), facts: keptFacts(bank) };
    expect(byText.results.length).toBeGreaterThan(3);

    const total = bank.db.prepare('SELECT COUNT(*) FROM transactions').pluck().get() as number;
    expect(numberUnsignedTransactions(bank.db)).toBe(total);
    // Twelve months of the same payment share one number.
    expect(bank.db.prepare('SELECT COUNT(*) FROM transaction_signatures').pluck().get()).toBe(8);
    bank.compute({ full: true });
    expect({ results: bank.allResults(), facts: keptFacts(bank) }).toEqual(byText);

    bank.db.exec('UPDATE transactions SET signature_id = NULL WHERE id % 3 = 0');
    expect(numbered(bank)).toBeLessThan(total);
    bank.compute({ full: true });
    expect({ results: bank.allResults(), facts: keptFacts(bank) }).toEqual(byText);
  });

  it('are read as the signature they name, not as the row’s own columns', () => {
    const bank = newBank();
    history(bank);
    numberUnsignedTransactions(bank.db);
    bank.compute({ full: true });
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee', 'Bob Lee']); // joint checking
    // The mortgage payment's signature now says groceries: rows carrying its number follow it.
    bank.db.exec(`UPDATE transaction_signatures SET merchant = 'Hy-Vee', category = 'groceries', code = 'POS'
                  WHERE description = 'ROCKET MORTGAGE PMT'`);
    bank.compute({ full: true });
    expect(bank.flagged('mortgage-elsewhere')).toEqual([]);
    // Without the number, the row's own text counts again.
    bank.db.exec('UPDATE transactions SET signature_id = NULL');
    bank.compute({ full: true });
    expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee', 'Bob Lee']); // joint checking
  });
});

describe('NumberReader', () => {
  it('reads signed whole numbers between single separators, an empty field as NaN', () => {
    const reader = new NumberReader('12,2025-10,-450,,7\u00023');
    const read: number[] = [];
    while (!reader.done()) read.push(reader.next());
    expect(read).toEqual([12, 2025, 10, -450, Number.NaN, 7, 3]);
  });
});
