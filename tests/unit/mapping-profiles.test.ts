import { describe, expect, it } from 'vitest';
import { matchesPattern, mappingProfileSchema } from '../../src-shared/mapping-profile';
import { BUILT_IN_PROFILES, checkProfile, parseProfile, ProfileError } from '../../src-main/ingest/profiles';
import { MAINSTREET_STANDARD } from '../../src-main/ingest/profiles/mainstreet-standard';

describe('mapping profiles', () => {
  it('every built-in profile passes its own schema and checks', () => {
    for (const profile of BUILT_IN_PROFILES) {
      expect(mappingProfileSchema.parse(profile)).toEqual(profile);
      expect(checkProfile(profile)).toEqual([]);
    }
  });

  it('an exported profile reads back as the same profile', () => {
    const json = JSON.stringify(MAINSTREET_STANDARD, null, 2);
    expect(parseProfile(json, 'standard.json')).toEqual(MAINSTREET_STANDARD);
  });

  it('names what is wrong with a broken profile', () => {
    expect(() => parseProfile('{ nope', 'bad.json')).toThrow(/bad.json is not valid JSON/);
    expect(() => parseProfile('{"format":"x"}', 'other.json')).toThrow(/other.json is not a mapping profile/);
    const unmapped = structuredClone(MAINSTREET_STANDARD);
    const customers = unmapped.files.find((f) => f.kind === 'customers');
    if (customers) {
      delete customers.fields.last_name;
      customers.fields.favourite_colour = { column: 'colour' };
    }
    const problems = checkProfile(unmapped);
    const at = unmapped.files.findIndex((f) => f.kind === 'customers');
    expect(problems).toContain(`files[${at}] (customers): "favourite_colour" is not a customers column`);
    expect(problems).toContain(`files[${at}] (customers): required column "last_name" is not mapped`);
    expect(() => parseProfile(JSON.stringify(unmapped), 'mine.json')).toThrow(ProfileError);
  });

  it('matches file names by pattern, case-insensitively, ignoring folders', () => {
    expect(matchesPattern('/exports/2026-10/Customers.CSV', 'customers.csv')).toBe(true);
    expect(matchesPattern('trans.partial.asc', 'trans*.asc')).toBe(true);
    expect(matchesPattern('C:\\core\\acct_1026.txt', 'acct_????.txt')).toBe(true);
    expect(matchesPattern('transactions.csv.bak', 'transactions.csv')).toBe(false);
    expect(matchesPattern('customersXcsv', 'customers.csv')).toBe(false);
  });
});
