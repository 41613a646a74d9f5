import { describe, expect, it } from 'vitest';
import {
  blankProfile,
  entryIndex,
  mappingProblems,
  patternFor,
  prunedProfile,
  runnableProfile,
  withKind,
} from '../../../src-renderer/import/draft';
import { matchesPattern } from '../../../src-shared/import-vocabulary';
import type { MappingProfile } from '../../../src-shared/mapping-profile';
import { cifFile, histFile, JACK_HENRY, TARGETS } from './import-data';

describe('file-name patterns', () => {
  it('match case-insensitively, with * and ? wildcards, on the name without its folder', () => {
    expect(matchesPattern('CIF_20261130.TXT', 'CIF_*.TXT')).toBe(true);
    expect(matchesPattern('C:\\Exports\\HIST.TXT', 'hist.???')).toBe(true);
    expect(matchesPattern('/x/a+b(1).csv', 'a+b(1).csv')).toBe(true);
    expect(matchesPattern('trans.csv.bak', '*trans*.csv')).toBe(false);
    expect(matchesPattern('client.asc', '?')).toBe(false);
  });
});

describe('the mapping being edited', () => {
  it('turns dates and counters in a file name into a wildcard, unless that is all the name is', () => {
    expect(patternFor('CIF_20261130.TXT', [])).toBe('CIF_*.TXT');
    expect(patternFor('customers_2026-11.csv', [])).toBe('customers_*.csv');
    expect(patternFor('accounts.csv', [])).toBe('accounts.csv');
    expect(patternFor('20261130.csv', [])).toBe('20261130.csv');
    // A pattern that would also catch another picked file stays exact.
    expect(patternFor('CIF_20261130.TXT', [cifFile('/x/CIF_20261031.TXT')])).toBe('CIF_20261130.TXT');
  });

  it('a file is read with the first entry whose pattern matches, as the main process does', () => {
    const profile: MappingProfile = {
      ...JACK_HENRY,
      files: [...JACK_HENRY.files, { ...JACK_HENRY.files[0]!, match: '*.TXT' }],
    };
    expect(entryIndex(profile, 'cif_20261130.txt')).toBe(0);
    expect(entryIndex(profile, 'HIST.TXT')).toBe(1);
    expect(entryIndex(profile, 'HIST.csv')).toBe(-1);
  });

  it('changing a kind adds an entry in front, and changing it back restores the profile’s own', () => {
    const file = cifFile();
    const changed = withKind(JACK_HENRY, JACK_HENRY, file, 'accounts', [file]);
    expect(changed.created).toBe(true);
    expect(changed.profile.files.map((f) => [f.kind, f.match])).toEqual([['accounts', 'CIF_*.TXT']]);
    const back = withKind(changed.profile, JACK_HENRY, file, 'customers', [file]);
    expect(back.created).toBe(false);
    expect(back.profile.files).toEqual(JACK_HENRY.files);
  });

  it('an entry that also serves another picked file is kept, and the changed file gets its own', () => {
    const first = cifFile('/x/CIF_20261031.TXT');
    const second = cifFile('/x/CIF_20261130.TXT');
    const { profile } = withKind(JACK_HENRY, JACK_HENRY, second, 'owners', [first, second]);
    expect(profile.files.map((f) => [f.kind, f.match])).toEqual([
      ['owners', 'CIF_20261130.TXT'],
      ['customers', 'CIF_*.TXT'],
    ]);
    expect(profile.files[0]?.format).toEqual({ encoding: 'windows-1252', delimiter: ';', quote: '"', header: true });
  });

  it('lists what stops an import, once per entry', () => {
    const hist = histFile();
    const draft = withKind(blankProfile(), null, hist, 'transactions', [hist]).profile;
    expect(mappingProblems(draft, [hist], TARGETS)).toEqual([
      'HIST.TXT: map the required fields transaction_id, account_number, posted_date, amount, code, description.',
    ]);
    expect(mappingProblems(blankProfile(), [hist], TARGETS)).toEqual(['HIST.TXT: choose what kind of file it is.']);
  });

  it('drops entries made for files no longer picked, and names an unsaved mapping', () => {
    const cif = cifFile();
    const hist = histFile();
    let draft = withKind(blankProfile(), null, cif, 'customers', [cif, hist]).profile;
    draft = withKind(draft, null, hist, 'transactions', [cif, hist]).profile;
    expect(prunedProfile(draft, null, [hist]).files.map((f) => f.match)).toEqual(['HIST.TXT']);
    // The chosen profile's own entries stay, picked or not.
    expect(prunedProfile(JACK_HENRY, JACK_HENRY, [hist]).files).toEqual(JACK_HENRY.files);
    expect(runnableProfile(draft, null, [hist])).toMatchObject({ name: 'unsaved-mapping', title: 'Mapping not saved' });
  });
});
