import { describe, expect, it } from 'vitest';
import type { TransactionMatch } from '../../../src-shared/kli';
import { bankNamesOf, compileMatcher, matcherKey, patternsRegex, type Signature } from '../../../src-main/kli/matchers';

const BANK = bankNamesOf('Prairie Valley Community Bank', null);

const sig = (description: string, extra: Partial<Signature> = {}): Signature => ({
  description,
  merchant: '',
  category: '',
  code: 'POS',
  mcc: '',
  counterparty: '',
  ...extra,
});

const accepts = (match: TransactionMatch, signature: Signature, bank: readonly string[] = BANK) =>
  compileMatcher(match, bank).accepts(signature);

describe('patternsRegex', () => {
  const test = (patterns: string[], text: string) => patternsRegex(patterns, BANK)!.test(text);

  it('matches a pattern without * as whole words anywhere in the text', () => {
    expect(test(['MTG'], 'US BANK HOME MTG PMT')).toBe(true);
    expect(test(['MTG'], 'MTG')).toBe(true);
    expect(test(['MTG'], 'MTGE SERVICING')).toBe(false);
    expect(test(['MTG'], 'SMTG LLC')).toBe(false);
    expect(test(['HOME LOAN'], 'ACME HOME LOAN SERVICING')).toBe(true);
    expect(test(['HOME LOAN'], 'ACME HOME LOANS')).toBe(false);
  });

  it('treats punctuation and digits at the edge as the edge of a word, but not digits inside a word', () => {
    expect(test(['AMEX'], 'AMEX-EPAYMENT')).toBe(true);
    expect(test(['AMEX'], '*AMEX*')).toBe(true);
    expect(test(['EVGO'], 'EVGO123')).toBe(false);
  });

  it('is case-insensitive', () => {
    expect(test(['Mr. Cooper'], 'MR. COOPER MTG')).toBe(true);
    expect(test(['chargepoint'], 'ChargePoint Inc')).toBe(true);
  });

  it('takes regular-expression characters literally', () => {
    expect(test(['Mr. Cooper'], 'MRX COOPER')).toBe(false);
    expect(test(['A+B (C)'], 'PAID A+B (C) TODAY')).toBe(true);
    expect(test(['A+B (C)'], 'PAID AAB C TODAY')).toBe(false);
  });

  it('with * must match the whole text, * standing for any characters', () => {
    expect(test(['ROCKET*'], 'ROCKET MORTGAGE PMT')).toBe(true);
    expect(test(['ROCKET*'], 'PAYMENT ROCKET MORTGAGE')).toBe(false);
    expect(test(['*MORTGAGE'], 'ROCKET MORTGAGE')).toBe(true);
    expect(test(['*MORTGAGE'], 'ROCKET MORTGAGE PMT')).toBe(false);
    // The * is always a wildcard: "SQ *" wants a space after SQ, "SQ*" does not.
    expect(test(['SQ *'], 'SQ *JOES COFFEE')).toBe(true);
    expect(test(['SQ *'], 'SQUARE INC')).toBe(false);
    expect(test(['SQ*'], 'SQUARE INC')).toBe(true);
    expect(test(['*COOPER*'], 'mr cooper servicing')).toBe(true);
  });

  it('expands {bank} to the bank’s names and is null for an empty list', () => {
    expect(test(['{bank}'], 'PVCB VISA CARD PMT')).toBe(true);
    expect(test(['{bank}'], 'Prairie Valley Community Bank LOAN')).toBe(true);
    expect(test(['{bank}'], 'PRAIRIE VALLEY CO-OP')).toBe(false);
    expect(patternsRegex([], BANK)).toBeNull();
    expect(patternsRegex(['{bank}'], [])).toBeNull();
    expect(patternsRegex(['  '], BANK)).toBeNull();
  });
});

describe('bankNamesOf', () => {
  it('gives the name, its initials and the short name', () => {
    expect(bankNamesOf('Prairie Valley Community Bank', 'Prairie Valley')).toEqual([
      'Prairie Valley Community Bank',
      'PVCB',
      'Prairie Valley',
    ]);
  });

  it('makes no initials of a one-word name, and skips words that do not start with a letter', () => {
    expect(bankNamesOf('Hills', null)).toEqual(['Hills']);
    expect(bankNamesOf('First & 1st Farmers Bank', null)).toEqual(['First & 1st Farmers Bank', 'FFB']);
    expect(bankNamesOf(null, null)).toEqual([]);
    expect(bankNamesOf('  ', 'FSB')).toEqual(['FSB']);
  });
});

describe('compileMatcher', () => {
  it('narrows categories with merchant patterns: both must hold', () => {
    const match: TransactionMatch = { categories: ['loan_payment'], merchants: ['MORTGAGE'] };
    expect(accepts(match, sig('ROCKET MORTGAGE PMT', { category: 'loan_payment' }))).toBe(true);
    expect(accepts(match, sig('ROCKET MORTGAGE PMT', { category: 'other' }))).toBe(false);
    expect(accepts(match, sig('TOYOTA FINANCIAL', { category: 'loan_payment' }))).toBe(false);
  });

  it('widens with MCCs, and alone a pattern, an MCC or a category is enough', () => {
    const match: TransactionMatch = { mccs: ['8351'], merchants: ['KINDERCARE'] };
    expect(accepts(match, sig('LITTLE SPROUTS LLC', { mcc: '8351' }))).toBe(true);
    expect(accepts(match, sig('KINDERCARE #1234'))).toBe(true);
    expect(accepts(match, sig('LITTLE SPROUTS LLC', { mcc: '5411' }))).toBe(false);
    expect(accepts({ categories: ['travel'] }, sig('DELTA', { category: 'travel' }))).toBe(true);
    expect(accepts({ categories: ['travel'] }, sig('DELTA', { category: 'other' }))).toBe(false);
  });

  it('looks for patterns in the description, the cleaned merchant and the payee', () => {
    const match: TransactionMatch = { merchants: ['NELNET'] };
    expect(accepts(match, sig('ACH DEBIT 0412'))).toBe(false);
    expect(accepts(match, sig('ACH DEBIT 0412', { merchant: 'Nelnet' }))).toBe(true);
    expect(accepts(match, sig('ACH DEBIT 0412', { counterparty: 'NELNET LNS 555' }))).toBe(true);
  });

  it('leaves out what an exclude pattern names, wherever it shows', () => {
    const match: TransactionMatch = { categories: ['travel'], exclude_merchants: ['AMTRAK'] };
    expect(accepts(match, sig('AMTRAK .COM', { category: 'travel' }))).toBe(false);
    expect(accepts(match, sig('TICKET 123', { category: 'travel', merchant: 'Amtrak' }))).toBe(false);
    expect(accepts(match, sig('DELTA AIR LINES', { category: 'travel' }))).toBe(true);
  });

  it('requires a listed code, case-insensitively', () => {
    const match: TransactionMatch = { categories: ['transfer'], codes: ['ach_cr'] };
    expect(accepts(match, sig('TRANSFER FROM WELLS FARGO', { category: 'transfer', code: 'ACH_CR' }))).toBe(true);
    expect(accepts(match, sig('TRANSFER FROM CHECKING', { category: 'transfer', code: 'XFER_IN' }))).toBe(false);
  });

  it('finds a payee at another institution: letters and digits, and not this bank', () => {
    const match: TransactionMatch = { counterparty_elsewhere: true };
    expect(accepts(match, sig('Payment order', { counterparty: 'AB 12345678' }))).toBe(true);
    expect(accepts(match, sig('Payment order', { counterparty: 'PVCB 12345678' }))).toBe(false);
    expect(accepts(match, sig('Payment order', { counterparty: 'JOHN SMITH' }))).toBe(false);
    expect(accepts(match, sig('Payment order', { counterparty: '12345678' }))).toBe(false);
    expect(accepts(match, sig('Payment order'))).toBe(false);
  });

  it('keeps direction and account families for the caller, and matches everything with no lists', () => {
    const matcher = compileMatcher({ direction: 'debit', account_families: ['checking', 'savings'] }, BANK);
    expect(matcher.direction).toBe('debit');
    expect([...(matcher.families ?? [])].sort()).toEqual(['checking', 'savings']);
    expect(matcher.accepts(sig('ANYTHING'))).toBe(true);
    expect(compileMatcher({}, BANK).families).toBeNull();
  });

  it('gives the same key to the same filter whatever the order of its lists', () => {
    const a = matcherKey({ merchants: ['B', 'A', 'A'], categories: ['travel', 'fees'], direction: 'debit' });
    const b = matcherKey({ categories: ['fees', 'travel'], merchants: ['A', 'B'], direction: 'debit' });
    expect(a).toBe(b);
    expect(matcherKey({ merchants: ['A'] })).not.toBe(matcherKey({ merchants: ['A'], direction: 'credit' }));
    expect(matcherKey({ merchants: [] })).toBe(matcherKey({}));
  });
});
