import { describe, expect, it } from 'vitest';
import type { FileMapping } from '../../src-shared/mapping-profile';
import { createAdapter } from '../../src-main/ingest/record-adapter';
import { LAYOUT } from '../../src-main/ingest/standard-layout';
import type { LoadIssue } from '../../src-main/ingest/validate-row';

const at = (kind: FileMapping['kind'], name: string) => LAYOUT[kind].findIndex((c) => c.name === name);

function adapt(mapping: FileMapping, header: string[], record: string[]) {
  const issues: LoadIssue[] = [];
  const out = createAdapter('f.csv', mapping, header).toStandard(record, 2, issues);
  return { out, issues };
}

describe('the record adapter', () => {
  const transactions: FileMapping = {
    kind: 'transactions',
    match: 'trans*.asc',
    format: {},
    fields: {
      transaction_id: { column: 'id' },
      code: {
        columns: ['operation', 'k_symbol'],
        transform: { type: 'lookup', map: { 'PREVOD Z UCTU|DUCHOD': 'DD', '*|UROK': 'INT', 'VYBER|*': 'ATM' } },
      },
      amount: {
        column: 'amount',
        transform: {
          type: 'amount',
          decimal: '.',
          sign: { column: 'type', debit: ['VYDAJ', 'VYBER'], credit: ['PRIJEM'] },
        },
      },
      counterparty: { transform: { type: 'template', template: '{bank} {account}' } },
      mcc: { column: 'mcc', transform: { type: 'lookup', map: { X: '5411' } } },
    },
  };
  const header = ['id', 'type', 'operation', 'k_symbol', 'amount', 'bank', 'account', 'mcc'];

  it('reads lookups keyed on several columns, exact pairs before "*" patterns', () => {
    const row = (op: string, k: string) => adapt(transactions, header, ['1', 'PRIJEM', op, k, '1.00', '', '', '']).out;
    expect(row('PREVOD Z UCTU', 'DUCHOD')?.[at('transactions', 'code')]).toBe('DD');
    expect(row('', 'UROK')?.[at('transactions', 'code')]).toBe('INT');
    expect(row('VYBER', ' ')?.[at('transactions', 'code')]).toBe('ATM');
    const miss = adapt(transactions, header, ['1', 'PRIJEM', 'VKLAD', '', '1.00', '', '', '']);
    expect(miss.out).toBeNull();
    expect(miss.issues[0]).toMatchObject({ column: 'operation+k_symbol', value: 'VKLAD|' });
  });

  it('signs amounts from a debit/credit column and refuses an unknown indicator', () => {
    const debit = adapt(transactions, header, ['1', 'VYDAJ', 'VYBER', '', '700.5', '', '', '']);
    expect(debit.out?.[at('transactions', 'amount')]).toBe('-700.50');
    const unknown = adapt(transactions, header, ['1', 'ZZZ', 'VYBER', '', '700', '', '', '']);
    expect(unknown.issues[0]?.reason).toMatch(/unknown debit\/credit indicator/);
  });

  it('fills templates from the named columns and trims what is left', () => {
    const { out } = adapt(transactions, header, ['1', 'PRIJEM', 'VYBER', '', '1', 'YZ', '87144583', '']);
    expect(out?.[at('transactions', 'counterparty')]).toBe('YZ 87144583');
    const empty = adapt(transactions, header, ['1', 'PRIJEM', 'VYBER', '', '1', '', '', '']).out;
    expect(empty?.[at('transactions', 'counterparty')]).toBe('');
  });

  it('leaves an empty cell empty in a lookup without a default, rather than refusing the row', () => {
    const { out, issues } = adapt(transactions, header, ['1', 'PRIJEM', 'VYBER', '', '1', '', '', '']);
    expect(issues).toEqual([]);
    expect(out?.[at('transactions', 'mcc')]).toBe('');
  });

  it('derives birth date and gender from a birth number', () => {
    const customers: FileMapping = {
      kind: 'customers',
      match: 'client.asc',
      format: {},
      fields: {
        customer_number: { column: 'client_id' },
        birth_date: { column: 'birth_number', transform: { type: 'birth-number', part: 'birth_date' } },
        gender: { column: 'birth_number', transform: { type: 'birth-number', part: 'gender' } },
      },
    };
    const { out } = adapt(customers, ['client_id', 'birth_number'], ['1', '706213']);
    expect(out?.[at('customers', 'birth_date')]).toBe('1970-12-13');
    expect(out?.[at('customers', 'gender')]).toBe('F');
  });
});
