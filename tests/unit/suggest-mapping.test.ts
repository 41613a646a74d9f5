import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappingSuggestion } from '../../src-shared/imports';
import {
  IMPORT_KINDS,
  mappingProfileSchema,
  type FileMapping,
  type ImportKind,
  type MappingProfile,
} from '../../src-shared/mapping-profile';
import { createAdapter } from '../../src-main/ingest/record-adapter';
import { sniffFiles } from '../../src-main/ingest/sniff-files';
import { LAYOUT } from '../../src-main/ingest/standard-layout';
import { scoreKind, suggestMapping } from '../../src-main/ingest/suggest-mapping';
import type { LoadIssue } from '../../src-main/ingest/validate-row';
import { FIXTURES, SHARED_DATA } from '../helpers/fixtures';

const OTHER_CORE = join(FIXTURES, 'other-core');
const BERKA_DIR = join(SHARED_DATA, 'berka-pkdd99');
const otherCoreProfile: MappingProfile = mappingProfileSchema.parse(
  JSON.parse(readFileSync(join(OTHER_CORE, 'profile.json'), 'utf8')),
);

function suggestFor(
  path: string,
  kind: ImportKind,
): { suggestion: MappingSuggestion; columns: string[]; rows: string[][] } {
  const [file] = sniffFiles([path], null);
  if (!file) throw new Error(`no sniff for ${path}`);
  return { suggestion: suggestMapping(kind, file.columns, file.rows), columns: file.columns, rows: file.rows };
}

/** The suggestion as a profile file: it must pass the profile schema as it stands. */
function asFileMapping(kind: ImportKind, suggestion: MappingSuggestion): FileMapping {
  const profile = mappingProfileSchema.parse({
    format: 'mainstreet-mapping-profile',
    version: 1,
    name: 'suggested',
    title: 'Suggested',
    files: [{ kind, match: '*', fields: suggestion.fields }],
  });
  const [file] = profile.files;
  if (!file) throw new Error('no file');
  return file;
}

/** Reads records through the suggested mapping as the importer would: field → value, or the reasons it could not. */
function readThrough(kind: ImportKind, suggestion: MappingSuggestion, columns: string[], rows: string[][]) {
  const adapter = createAdapter('test.csv', asFileMapping(kind, suggestion), columns);
  return rows.map((row, i): Record<string, string | undefined> => {
    const issues: LoadIssue[] = [];
    const record = adapter.toStandard(row, i + 2, issues);
    if (!record) return { issues: issues.map((x) => x.reason).join('; ') };
    return Object.fromEntries(LAYOUT[kind].map((spec, at) => [spec.name, record[at]]));
  });
}

describe('suggesting a mapping from headers', () => {
  it('reproduces the other-core profile: columns, US dates and amount readings', () => {
    const names: Record<string, ImportKind> = {
      'PRODUCTS.TXT': 'products',
      'CIF.TXT': 'customers',
      'ACCTS.TXT': 'accounts',
      'HIST.TXT': 'transactions',
    };
    for (const [name, kind] of Object.entries(names)) {
      const expected = otherCoreProfile.files.find((f) => f.kind === kind);
      if (!expected) throw new Error(`profile.json has no ${kind}`);
      const { suggestion } = suggestFor(join(OTHER_CORE, name), kind);
      for (const [field, mapping] of Object.entries(expected.fields)) {
        expect(suggestion.fields[field]?.column, `${name} ${field}`).toBe(mapping.column);
        if (mapping.transform?.type === 'date' || mapping.transform?.type === 'amount') {
          expect(suggestion.fields[field]?.transform, `${name} ${field}`).toEqual(mapping.transform);
        }
      }
      expect(Object.keys(suggestion.fields).sort(), name).toEqual(Object.keys(expected.fields).sort());
      expect(suggestion.sensitive_columns).toEqual([]);
    }
  });

  it('says why, in a sentence naming the header and what its values look like', () => {
    const { suggestion } = suggestFor(join(OTHER_CORE, 'CIF.TXT'), 'customers');
    expect(suggestion.reasons.birth_date).toBe(
      'header "DOB" means birth date; values look like MM/DD/YYYY ("02/30/1980" is not a real date)',
    );
    expect(suggestion.reasons.customer_number).toBe('header "CIF" means customer number');
    expect(suggestion.reasons.city).toBe('header "CITY" is the standard name');
    expect(Object.keys(suggestion.reasons).sort()).toEqual(Object.keys(suggestion.fields).sort());
  });

  it('gives values the importer reads: the other core’s customers and transactions', () => {
    const cif = suggestFor(join(OTHER_CORE, 'CIF.TXT'), 'customers');
    const customers = readThrough('customers', cif.suggestion, cif.columns, cif.rows);
    expect(customers[0]).toMatchObject({ customer_number: 'C-1', last_name: 'Müller', birth_date: '1970-04-12' });
    const hist = suggestFor(join(OTHER_CORE, 'HIST.TXT'), 'transactions');
    const amounts = readThrough('transactions', hist.suggestion, hist.columns, hist.rows).map((r) => r.amount);
    expect(amounts).toEqual(['2100.00', '-1450.12', '6.25', '-15.99']);
    expect(hist.suggestion.reasons.code).toMatch(/"PR", "BP", "IN" are the core's own codes/);
  });

  it('maps the Berka client file, birth number giving birth date and gender', () => {
    const { suggestion } = suggestFor(join(BERKA_DIR, 'client.asc'), 'customers');
    expect(suggestion.fields).toEqual({
      customer_number: { column: 'client_id' },
      birth_date: { column: 'birth_number', transform: { type: 'birth-number', part: 'birth_date' } },
      gender: { column: 'birth_number', transform: { type: 'birth-number', part: 'gender' } },
      geography_code: { column: 'district_id' },
    });
  });

  it('maps the Berka transactions: YYMMDD dates, the sign from "type", codes from "operation"', () => {
    const { suggestion, columns, rows } = suggestFor(join(BERKA_DIR, 'trans.partial.asc'), 'transactions');
    expect(suggestion.fields).toMatchObject({
      transaction_id: { column: 'trans_id' },
      account_number: { column: 'account_id' },
      posted_date: { column: 'date', transform: { type: 'date', format: 'YYMMDD' } },
      code: { column: 'operation' },
      balance_after: { column: 'balance' },
    });
    // The first rows are all deposits (PRIJEM): every known debit code is listed for the rest.
    const amount = suggestion.fields.amount;
    expect(amount?.column).toBe('amount');
    expect(amount?.transform).toMatchObject({
      type: 'amount',
      decimal: '.',
      sign: { column: 'type', credit: ['PRIJEM'] },
    });
    const sign = amount?.transform?.type === 'amount' ? amount.transform.sign : undefined;
    expect(sign?.debit).toEqual(expect.arrayContaining(['VYDAJ', 'VYBER']));
    const debit = rows[0]?.map((v, i) => (columns[i] === 'type' ? 'VYDAJ' : v)) ?? [];
    expect(readThrough('transactions', suggestion, columns, [debit])[0]).toMatchObject({ amount: '-700.00' });
  });

  it('offers each source column once, the likelier name winning', () => {
    const accounts = suggestMapping('accounts', ['LEDGER_BAL', 'ACCTNBR', 'CUR_BAL', 'TYPE_CD', 'CIF'], []);
    expect(accounts.fields).toEqual({
      account_number: { column: 'ACCTNBR' },
      product_code: { column: 'TYPE_CD' },
      owner_customer_number: { column: 'CIF' },
      balance: { column: 'CUR_BAL' },
    });
    const trans = suggestMapping('transactions', ['TRAN_DT', 'EFF_DT', 'POST_DT', 'TRAN_AMT', 'AMT'], []);
    expect(trans.fields.posted_date).toEqual({ column: 'POST_DT' });
    expect(trans.fields.amount).toEqual({ column: 'AMT' });
    const columns = Object.values(trans.fields).map((f) => f.column);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('knows Jack Henry / Fiserv / FIS style names', () => {
    const customers = suggestMapping(
      'customers',
      [
        'CUSTNBR',
        'LAST_NM',
        'GIVEN_NAME',
        'BIRTH_DT',
        'ADDR1',
        'ADDR2',
        'CITY',
        'STATE_CD',
        'POSTAL_CD',
        'HOME_PHONE',
        'EMAIL',
        'BR_NO',
        'HH_ID',
      ],
      [],
    );
    expect(Object.fromEntries(Object.entries(customers.fields).map(([k, v]) => [k, v.column]))).toEqual({
      customer_number: 'CUSTNBR',
      first_name: 'GIVEN_NAME',
      last_name: 'LAST_NM',
      birth_date: 'BIRTH_DT',
      address_line1: 'ADDR1',
      address_line2: 'ADDR2',
      city: 'CITY',
      state: 'STATE_CD',
      zip: 'POSTAL_CD',
      phone: 'HOME_PHONE',
      email: 'EMAIL',
      branch: 'BR_NO',
      household_id: 'HH_ID',
    });
    const transactions = suggestMapping(
      'transactions',
      ['SHARE_ID', 'TRAN_CD', 'EFF_DT', 'TRAN_AMT', 'MEMO', 'MCC'],
      [],
    );
    expect(Object.fromEntries(Object.entries(transactions.fields).map(([k, v]) => [k, v.column]))).toEqual({
      account_number: 'SHARE_ID',
      posted_date: 'EFF_DT',
      amount: 'TRAN_AMT',
      code: 'TRAN_CD',
      description: 'MEMO',
      mcc: 'MCC',
    });
  });

  it('falls back on names that contain a known one', () => {
    const { fields, reasons } = suggestMapping('customers', ['PRIMARY_CUST_NBR', 'CUST_LAST_NAME_TXT'], []);
    expect(fields.customer_number).toEqual({ column: 'PRIMARY_CUST_NBR' });
    expect(fields.last_name).toEqual({ column: 'CUST_LAST_NAME_TXT' });
    expect(reasons.last_name).toBe('header "CUST_LAST_NAME_TXT" resembles last name');
  });
});

describe('suggesting transforms from the first rows', () => {
  const column = (values: string[]) => values.map((v) => [v]);

  it('finds the date format every sample is written in', () => {
    expect(suggestMapping('accounts', ['OPEN_DT'], column(['2020-01-15', '2021-12-31'])).fields.open_date).toEqual({
      column: 'OPEN_DT',
    });
    expect(suggestMapping('accounts', ['OPEN_DT'], column(['20200115', '', '20211231'])).fields.open_date).toEqual({
      column: 'OPEN_DT',
      transform: { type: 'date', format: 'YYYYMMDD' },
    });
    const mixed = suggestMapping('accounts', ['OPEN_DT'], column(['1/5/2020', '12/31/2021']));
    expect(mixed.fields.open_date?.transform).toEqual({ type: 'date', format: 'M/D/YYYY' });
    expect(mixed.reasons.open_date).toBe('header "OPEN_DT" means open date; values look like M/D/YYYY');
    const unknown = suggestMapping('accounts', ['OPEN_DT'], column(['15.01.2020']));
    expect(unknown.fields.open_date).toEqual({ column: 'OPEN_DT' });
    expect(unknown.reasons.open_date).toMatch(/do not look like any date format/);
  });

  it('leaves plain amounts alone and reads trailing minus and parentheses', () => {
    const plain = suggestMapping('transactions', ['AMT'], column(['-12.50', '100', '0.5']));
    expect(plain.fields.amount).toEqual({ column: 'AMT' });
    const written = suggestMapping('transactions', ['AMT'], column(['1,234.56-', '(15.99)', '20.00']));
    expect(written.fields.amount).toEqual({ column: 'AMT', transform: { type: 'amount', decimal: '.' } });
    expect(written.reasons.amount).toMatch(/trailing minus/);
  });

  it('chooses the decimal comma for European amounts', () => {
    const { fields, reasons } = suggestMapping(
      'accounts',
      ['CUR_BAL'],
      column(['1.234,56', '12,50', '-3,00', '1.000.000']),
    );
    expect(fields.balance).toEqual({ column: 'CUR_BAL', transform: { type: 'amount', decimal: ',' } });
    expect(reasons.balance).toMatch(/decimal comma/);
  });

  it('signs unsigned amounts from a DR/CR indicator column, which feeds nothing else', () => {
    const columns = ['TRAN_ID', 'ACCT_NO', 'POST_DT', 'TRAN_AMT', 'DR_CR', 'DESC'];
    const rows = [
      ['1', 'A1', '2026-09-01', '12.00', 'DR', 'COFFEE'],
      ['2', 'A1', '2026-09-02', '2,100.00', 'CR', 'PAYROLL'],
      ['3', 'A1', '2026-09-03', '40.00', 'dr', 'GAS'],
    ];
    const suggestion = suggestMapping('transactions', columns, rows);
    expect(suggestion.fields.amount).toEqual({
      column: 'TRAN_AMT',
      transform: { type: 'amount', decimal: '.', sign: { column: 'DR_CR', debit: ['DR'], credit: ['CR'] } },
    });
    expect(suggestion.reasons.amount).toMatch(/the sign comes from "DR_CR"/);
    expect(Object.values(suggestion.fields).map((f) => f.column)).not.toContain('DR_CR');
    expect(readThrough('transactions', suggestion, columns, rows).map((r) => r.amount)).toEqual([
      '-12.00',
      '2100.00',
      '-40.00',
    ]);
  });

  it('reads a TYPE column of D and C as an indicator, but not when amounts carry their sign', () => {
    const rows = [
      ['1', '5.00', 'D'],
      ['2', '7.00', 'C'],
    ];
    const signed = suggestMapping('transactions', ['TRAN_ID', 'AMT', 'TYPE'], rows);
    expect(signed.fields.amount?.transform).toEqual({
      type: 'amount',
      decimal: '.',
      sign: { column: 'TYPE', debit: ['D'], credit: ['C'] },
    });
    const already = suggestMapping('transactions', ['TRAN_ID', 'AMT', 'TYPE'], [['1', '-5.00', 'D'], ...rows.slice(1)]);
    expect(already.fields.amount).toEqual({ column: 'AMT' });
    // A TYPE column of other values is no indicator: it is the transaction code.
    const codes = suggestMapping('transactions', ['TRAN_ID', 'AMT', 'TYPE'], [['1', '5.00', 'POS']]);
    expect(codes.fields.amount).toEqual({ column: 'AMT' });
    expect(codes.fields.code).toEqual({ column: 'TYPE' });
  });

  it('turns 1/0, Yes/No and TRUE/FALSE flags into Y/N', () => {
    const { fields, reasons } = suggestMapping(
      'customers',
      ['CIF', 'DECEASED_FL', 'EMP_FL', 'OPTOUT', 'NO_MAIL'],
      [
        ['1', '0', 'Yes', 'N', 'FALSE'],
        ['2', '1', 'No', 'Y', ''],
        ['3', '0', 'No', '', 'TRUE'],
      ],
    );
    expect(fields.deceased).toEqual({
      column: 'DECEASED_FL',
      transform: { type: 'lookup', map: { '0': 'N', '1': 'Y' } },
    });
    expect(fields.employee).toEqual({ column: 'EMP_FL', transform: { type: 'lookup', map: { Yes: 'Y', No: 'N' } } });
    expect(fields.do_not_solicit).toEqual({ column: 'OPTOUT' });
    expect(fields.do_not_mail).toEqual({
      column: 'NO_MAIL',
      transform: { type: 'lookup', map: { FALSE: 'N', TRUE: 'Y' }, default: 'N' },
    });
    expect(reasons.deceased).toBe('header "DECEASED_FL" means deceased; reads 0 as N, 1 as Y');
    expect(reasons.do_not_mail).toMatch(/empty and other values as N/);
  });

  it('adds the partner of a flag value the sample did not show', () => {
    const { fields } = suggestMapping('customers', ['CIF', 'DECEASED_FL'], [['1', '0']]);
    expect(fields.deceased?.transform).toEqual({ type: 'lookup', map: { '0': 'N', '1': 'Y' } });
  });

  it('reads MALE/FEMALE as M/F', () => {
    const { fields } = suggestMapping(
      'customers',
      ['CIF', 'SEX'],
      [
        ['1', 'Female'],
        ['2', 'Male'],
      ],
    );
    expect(fields.gender).toEqual({ column: 'SEX', transform: { type: 'lookup', map: { Female: 'F', Male: 'M' } } });
    expect(suggestMapping('customers', ['SEX'], [['f'], ['M']]).fields.gender).toEqual({ column: 'SEX' });
  });

  it('guesses account statuses the core writes its own way', () => {
    const letters = suggestMapping('accounts', ['STATUS'], column(['A', 'C', 'A', 'Z']));
    expect(letters.fields.status).toEqual({
      column: 'STATUS',
      transform: { type: 'lookup', map: { A: 'OPEN', C: 'CLOSED' } },
    });
    expect(letters.reasons.status).toMatch(/no guess for "Z"/);
    const words = suggestMapping('accounts', ['ACCT_STATUS'], column(['Active', 'Closed', 'Charged-off', 'Dormant']));
    expect(words.fields.status?.transform).toEqual({
      type: 'lookup',
      map: { Active: 'OPEN', Closed: 'CLOSED', 'Charged-off': 'CHARGED_OFF', Dormant: 'DORMANT' },
    });
    const standard = suggestMapping('accounts', ['STATUS'], column(['OPEN', 'CLOSED', 'DORMANT']));
    expect(standard.fields.status).toEqual({ column: 'STATUS' });
  });

  it('every suggestion here passes the profile schema', () => {
    const suggestion = suggestMapping(
      'transactions',
      ['TRAN_ID', 'TRAN_AMT', 'DC_IND', 'POST_DT'],
      [['1', '5,00', 'C', '20260901']],
    );
    expect(suggestion.fields.amount?.transform).toMatchObject({ decimal: ',', sign: { column: 'DC_IND' } });
    expect(() => asFileMapping('transactions', suggestion)).not.toThrow();
  });
});

describe('tax ids', () => {
  it('flags SSN columns by name and by value, offering them only for tax_id', () => {
    const columns = ['CIF', 'SSN', 'GOVT_ID', 'TAX_NBR', 'ACCT_NBR', 'LAST_NM'];
    const rows = [
      ['1', '123-45-6789', '987-65-4321', '123456789', '123456789', 'Ng'],
      ['2', '', '111-22-3333', '987654321', '555555555', 'Lee'],
    ];
    const suggestion = suggestMapping('customers', columns, rows);
    expect(suggestion.sensitive_columns).toEqual(['SSN', 'GOVT_ID', 'TAX_NBR']);
    expect(suggestion.fields.tax_id).toEqual({ column: 'SSN' });
    expect(suggestion.reasons.tax_id).toBe(
      'header "SSN" means tax id; it is stored only as a salted hash, never in clear',
    );
    const used = Object.entries(suggestion.fields)
      .filter(([field]) => field !== 'tax_id')
      .map(([, f]) => f.column);
    for (const column of suggestion.sensitive_columns) expect(used).not.toContain(column);
  });

  it('offers a column of SSN values for tax_id whatever its name', () => {
    const suggestion = suggestMapping('customers', ['CIF', 'LAST_NM', 'GOVT_ID'], [['1', 'Ng', '123-45-6789']]);
    expect(suggestion.fields.tax_id).toEqual({ column: 'GOVT_ID' });
    expect(suggestion.reasons.tax_id).toMatch(/^header "GOVT_ID" holds social security numbers; .*salted hash/);
  });

  it('never offers a tax id column for another field, even when its name fits', () => {
    const customers = suggestMapping('customers', ['CUST_ID_SSN', 'LAST_NM'], [['123-45-6789', 'Ng']]);
    expect(customers.fields.customer_number).toBeUndefined();
    expect(customers.fields.tax_id).toEqual({ column: 'CUST_ID_SSN' });
    const accounts = suggestMapping('accounts', ['ACCT_NO', 'OWNER_SSN'], [['A1', '123456789']]);
    expect(accounts.sensitive_columns).toEqual(['OWNER_SSN']);
    expect(accounts.fields).toEqual({ account_number: { column: 'ACCT_NO' } });
  });
});

describe('scoring kinds for a guess', () => {
  it('scores the kind whose fields the headers name highest', () => {
    const best = (columns: string[]) =>
      [...IMPORT_KINDS].sort((a, b) => scoreKind(b, columns) - scoreKind(a, columns))[0];
    expect(best(['CUST_NO', 'SURNAME', 'GIVEN_NAME', 'DOB', 'ADDR1', 'CITY', 'ST', 'ZIP5'])).toBe('customers');
    expect(best(['ACCTNBR', 'PROD_CD', 'OPEN_DT', 'STATUS', 'CUR_BAL', 'CIF'])).toBe('accounts');
    expect(best(['TRAN_ID', 'ACCT_NO', 'POST_DT', 'TRAN_AMT', 'TRAN_CD', 'DESC'])).toBe('transactions');
    expect(best(['disp_id', 'client_id', 'account_id', 'type'])).toBe('owners');
    expect(best(['ACCT_NO', 'AS_OF_DT', 'BAL', 'AVG_BAL'])).toBe('balances');
  });

  it('scores zero when no header names a field', () => {
    for (const kind of IMPORT_KINDS) expect(scoreKind(kind, ['A1', 'A2', 'A3', 'FOO'])).toBe(0);
    expect(scoreKind('customers', [])).toBe(0);
  });
});
