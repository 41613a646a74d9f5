import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS, mappingProfileSchema, type MappingProfile } from '../../src-shared/mapping-profile';
import { BUILT_IN_PROFILES } from '../../src-main/ingest/profiles';
import { importTargets, sniffFiles } from '../../src-main/ingest/sniff-files';
import { LAYOUT } from '../../src-main/ingest/standard-layout';
import { FIXTURES, SHARED_DATA } from '../helpers/fixtures';
import { useTempDir } from '../helpers/temp-dir';

const OTHER_CORE = join(FIXTURES, 'other-core');
const BERKA_DIR = join(SHARED_DATA, 'berka-pkdd99');
const otherCoreProfile: MappingProfile = mappingProfileSchema.parse(
  JSON.parse(readFileSync(join(OTHER_CORE, 'profile.json'), 'utf8')),
);
const berka = BUILT_IN_PROFILES.find((p) => p.name === 'berka') ?? null;

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe('sniffing picked files', () => {
  const tempDir = useTempDir('mainstreet-sniff-files-');

  it('reads the other core: Windows-1252, semicolons, CRLF, a header', () => {
    const file = only(sniffFiles([join(OTHER_CORE, 'CIF.TXT')], null));
    expect(file).toMatchObject({
      name: 'CIF.TXT',
      size_bytes: statSync(join(OTHER_CORE, 'CIF.TXT')).size,
      encoding: 'windows-1252',
      bom: false,
      delimiter: ';',
      quote: '"',
      header: true,
      line_ending: 'CRLF',
      columns: ['CIF', 'SURNAME', 'GIVEN', 'DOB', 'ADDR', 'CITY', 'ST', 'ZIP', 'OPTOUT'],
      profile_match: null,
      guessed_kind: 'customers',
    });
    expect(file.rows).toHaveLength(3);
    expect(file.rows[0]).toEqual(['C-1', 'Müller', 'José', '04/12/1970', '12 Elm Street', 'Ames', 'IA', '50010', 'N']);
  });

  it('guesses each other-core file from its headers when no profile is chosen', () => {
    const names = ['PRODUCTS.TXT', 'CIF.TXT', 'ACCTS.TXT', 'HIST.TXT'];
    const files = sniffFiles(
      names.map((n) => join(OTHER_CORE, n)),
      null,
    );
    expect(files.map((f) => f.guessed_kind)).toEqual(['products', 'customers', 'accounts', 'transactions']);
  });

  it('names the profile file whose pattern matches, and then guesses nothing', () => {
    const files = sniffFiles(
      ['CIF.TXT', 'ACCTS.TXT', 'HIST.TXT'].map((n) => join(OTHER_CORE, n)),
      otherCoreProfile,
    );
    expect(files.map((f) => f.profile_match)).toEqual([
      { kind: 'customers', match: 'CIF*.TXT' },
      { kind: 'accounts', match: 'ACCTS.TXT' },
      { kind: 'transactions', match: 'HIST.TXT' },
    ]);
    expect(files.map((f) => f.guessed_kind)).toEqual([null, null, null]);
  });

  it('takes the first profile file that matches, and guesses when none does', () => {
    const dir = tempDir();
    const path = join(dir, 'cif_accts.txt');
    writeFileSync(path, 'CIF;SURNAME\r\n1;Ng\r\n');
    const profile = mappingProfileSchema.parse({
      format: 'mainstreet-mapping-profile',
      version: 1,
      name: 'two-patterns',
      title: 'Two patterns',
      files: [
        { kind: 'accounts', match: '*accts*', fields: {} },
        { kind: 'customers', match: 'cif*', fields: {} },
      ],
    });
    expect(only(sniffFiles([path], profile)).profile_match).toEqual({ kind: 'accounts', match: '*accts*' });
    const other = join(dir, 'people.txt');
    writeFileSync(other, 'CIF;SURNAME\r\n1;Ng\r\n');
    expect(only(sniffFiles([other], profile))).toMatchObject({ profile_match: null, guessed_kind: 'customers' });
  });

  it('reads the Berka files and guesses their kinds without a profile', () => {
    const [client, trans] = sniffFiles([join(BERKA_DIR, 'client.asc'), join(BERKA_DIR, 'trans.partial.asc')], null);
    for (const file of [client, trans]) {
      expect(file).toMatchObject({
        encoding: 'utf-8',
        bom: false,
        delimiter: ';',
        quote: '"',
        header: true,
        line_ending: 'CRLF',
        profile_match: null,
      });
    }
    expect(client?.columns).toEqual(['client_id', 'birth_number', 'district_id']);
    expect(client?.guessed_kind).toBe('customers');
    expect(client?.rows[0]).toEqual(['1', '706213', '18']);
    expect(trans?.columns).toEqual([
      'trans_id',
      'account_id',
      'date',
      'type',
      'operation',
      'amount',
      'balance',
      'k_symbol',
      'bank',
      'account',
    ]);
    expect(trans?.guessed_kind).toBe('transactions');
    // The 3 MB file is read from its first 64 KiB: twenty whole rows, quotes removed.
    expect(trans?.size_bytes).toBe(statSync(join(BERKA_DIR, 'trans.partial.asc')).size);
    expect(trans?.rows).toHaveLength(20);
    expect(trans?.rows[0]).toEqual(['695247', '2378', '930101', 'PRIJEM', 'VKLAD', '700.00', '700.00', '', '', '']);
    for (const row of trans?.rows ?? []) expect(row).toHaveLength(10);
  });

  it('matches the Berka files to the built-in berka profile', () => {
    expect(berka).not.toBeNull();
    if (!berka) return;
    const files = sniffFiles(
      ['client.asc', 'trans.partial.asc', 'district.asc'].map((n) => join(BERKA_DIR, n)),
      berka,
    );
    expect(files.map((f) => f.profile_match)).toEqual([
      { kind: 'customers', match: 'client*.asc' },
      { kind: 'transactions', match: 'trans*.asc' },
      { kind: 'geography', match: 'district*.asc' },
    ]);
    expect(files.map((f) => f.guessed_kind)).toEqual([null, null, null]);
  });

  it('reads UTF-16LE with a byte-order mark', () => {
    const path = join(tempDir(), 'members.csv');
    const text = 'MEMBER_NO,LAST_NM,FIRST_NM,BIRTH_DT\r\n0001,Muñoz,José,1970-04-12\r\n0002,Ng,Amy,1972-09-30\r\n';
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(only(sniffFiles([path], null))).toMatchObject({
      name: 'members.csv',
      encoding: 'utf-16le',
      bom: true,
      delimiter: ',',
      line_ending: 'CRLF',
      columns: ['MEMBER_NO', 'LAST_NM', 'FIRST_NM', 'BIRTH_DT'],
      rows: [
        ['0001', 'Muñoz', 'José', '1970-04-12'],
        ['0002', 'Ng', 'Amy', '1972-09-30'],
      ],
      guessed_kind: 'customers',
    });
  });

  it('reads a file whose lines end in CR only', () => {
    const path = join(tempDir(), 'accts.txt');
    writeFileSync(
      path,
      'ACCT_NO\tPROD_CD\tOPEN_DT\tCUR_BAL\r1001\tCHK\t20200115\t12.50\r1002\tSAV\t20210301\t800.00\r',
    );
    expect(only(sniffFiles([path], null))).toMatchObject({
      delimiter: '\t',
      line_ending: 'CR',
      header: true,
      columns: ['ACCT_NO', 'PROD_CD', 'OPEN_DT', 'CUR_BAL'],
      rows: [
        ['1001', 'CHK', '20200115', '12.50'],
        ['1002', 'SAV', '20210301', '800.00'],
      ],
      guessed_kind: 'accounts',
    });
  });

  it('numbers the columns of a file without a header and guesses no kind', () => {
    const path = join(tempDir(), 'noheader.txt');
    writeFileSync(path, '1001;Smith;2024-01-31;125.00\n\n1002;Lee;2024-02-29;80.10\n');
    expect(only(sniffFiles([path], null))).toMatchObject({
      header: false,
      line_ending: 'LF',
      columns: ['1', '2', '3', '4'],
      rows: [
        ['1001', 'Smith', '2024-01-31', '125.00'],
        ['1002', 'Lee', '2024-02-29', '80.10'],
      ],
      guessed_kind: null,
    });
  });

  it('keeps a quoted delimiter and trims header names', () => {
    const path = join(tempDir(), 'quoted.csv');
    writeFileSync(path, ' CUST_NO , NAME \n1,"Smith, John"\n2,"Lee, Ann"\n');
    const file = only(sniffFiles([path], null));
    expect(file.columns).toEqual(['CUST_NO', 'NAME']);
    expect(file.rows).toEqual([
      ['1', 'Smith, John'],
      ['2', 'Lee, Ann'],
    ]);
  });

  it('drops the line cut off at the end of the 64 KiB sample', () => {
    const path = join(tempDir(), 'long.csv');
    const text = 'x'.repeat(5000);
    const lines = ['ID,TEXT', ...Array.from({ length: 30 }, (_, i) => `${i + 1},${text}`)];
    writeFileSync(path, `${lines.join('\n')}\n`);
    const file = only(sniffFiles([path], null));
    // 64 KiB hold thirteen whole rows of about 5 KB after the header; the fourteenth is cut.
    expect(file.rows).toHaveLength(13);
    for (const row of file.rows) expect(row[1]).toBe(text);
  });

  it('drops a quoted field left open at the end of the sample', () => {
    const path = join(tempDir(), 'notes.csv');
    // The sample ends inside the fourteenth row's note, after its line break.
    const note = `${'a'.repeat(100)}\n${'b'.repeat(4900)}`;
    const lines = ['ID,NOTE', ...Array.from({ length: 30 }, (_, i) => `${i + 1},"${note}"`)];
    writeFileSync(path, `${lines.join('\n')}\n`);
    const file = only(sniffFiles([path], null));
    expect(file.rows).toHaveLength(13);
    for (const row of file.rows) expect(row[1]).toBe(note);
  });

  it('shows at most twenty rows', () => {
    const path = join(tempDir(), 'many.csv');
    const lines = ['ACCT_NO,CUR_BAL', ...Array.from({ length: 100 }, (_, i) => `${i},1.00`)];
    writeFileSync(path, lines.join('\n'));
    const file = only(sniffFiles([path], null));
    expect(file.rows).toHaveLength(20);
    expect(file.rows[19]).toEqual(['19', '1.00']);
  });

  it('refuses a missing file, a folder and an empty file, naming it', () => {
    const dir = tempDir();
    const missing = join(dir, 'gone.csv');
    expect(() => sniffFiles([missing], null)).toThrow(`Cannot read ${missing}: no such file.`);
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    expect(() => sniffFiles([folder], null)).toThrow(`Cannot read ${folder}: it is a folder, not a file.`);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(() => sniffFiles([join(OTHER_CORE, 'CIF.TXT'), empty], null)).toThrow(
      `Cannot read ${empty}: the file is empty.`,
    );
  });
});

describe('import targets', () => {
  it('lists every kind with the standard fields, whether required, and a hint', () => {
    const targets = importTargets();
    expect(Object.keys(targets)).toEqual([...IMPORT_KINDS]);
    for (const kind of IMPORT_KINDS) {
      expect(targets[kind]).toEqual(LAYOUT[kind].map((c) => ({ name: c.name, required: c.required, hint: c.hint })));
    }
    expect(targets.customers[0]).toEqual({
      name: 'customer_number',
      required: true,
      hint: "the core's customer number (CIF), unique",
    });
    expect(targets.customers.find((f) => f.name === 'tax_id')?.hint).toMatch(/salted hash/);
  });
});
