import { describe, expect, it } from 'vitest';
import { addressKey, normalizeAddressLine } from '../../src-main/ingest/usps-address';

describe('USPS address normalisation (Publication 28)', () => {
  it.each([
    ['12 Elm Street', '12 ELM ST'],
    ['12 ELM ST.', '12 ELM ST'],
    ['400 North Main Avenue', '400 N MAIN AVE'],
    ['1600 Pennsylvania Ave., N.W.', '1600 PENNSYLVANIA AVE N W'],
    ['77 Sunset Boulevard Suite 200', '77 SUNSET BLVD STE 200'],
    ['9 Birch Rd #4B', '9 BIRCH RD APT 4B'],
    ['9 Birch Rd Apartment # 4B', '9 BIRCH RD APT 4B'],
    ['Rural Route 2', 'RURAL RTE 2'],
  ])('%s → %s', (line, expected) => {
    expect(normalizeAddressLine(line)).toBe(expected);
  });

  it('gives two spellings of one address the same household key', () => {
    expect(addressKey('12 Elm Street', 'Apartment 3', '50010-1234')).toBe(addressKey('12 ELM ST.', 'APT 3', '50010'));
    expect(addressKey('12 Elm Street', 'Apt 3', '50010')).not.toBe(addressKey('12 Elm Street', 'Apt 4', '50010'));
    expect(addressKey('12 Elm Street', null, '50010')).not.toBe(addressKey('12 Elm Street', null, '50011'));
  });

  it('can count the apartments of one building as one address', () => {
    expect(addressKey('12 Elm Street', 'Apt 3', '50010', true)).toBe(addressKey('12 ELM ST # 4', null, '50010', true));
    expect(addressKey('12 Elm Street Apt 3', null, '50010', true)).toBe('12 ELM ST|50010');
    expect(addressKey('12 Elm Street', 'Apt 3', '50010', true)).not.toBe(
      addressKey('14 Elm Street', null, '50010', true),
    );
  });

  it('keeps a word that only looks like a designator when nothing follows it', () => {
    expect(normalizeAddressLine('5 Garden Court Front')).toBe('5 GARDEN CT FRONT');
  });
});
