import type { MappingProfile } from '../../../src-shared/mapping-profile';

/** Berka's files: semicolons, strings in double quotes, a header row, ASCII. */
const FORMAT = { encoding: 'utf-8', delimiter: ';', quote: '"', header: true } as const;
const YYMMDD = { type: 'date', format: 'YYMMDD' } as const;

/**
 * Transaction codes from Berka's operation and k_symbol (purpose) together; "*" is any value.
 * Exact pairs first, then the patterns, in order.
 */
const CODES: Record<string, string> = {
  'PREVOD Z UCTU|DUCHOD': 'DD',
  'PREVOD NA UCET|SIPO': 'ACH_DR',
  'PREVOD NA UCET|POJISTNE': 'ACH_DR',
  'PREVOD NA UCET|UVER': 'PMT',
  'PREVOD NA UCET|LEASING': 'PMT',
  'VYBER|SIPO': 'ACH_DR',
  'VYBER|POJISTNE': 'ACH_DR',
  'VYBER|UVER': 'PMT',
  '*|SLUZBY': 'FEE',
  '*|SANKC. UROK': 'FEE',
  '*|UROK': 'INT',
  'VKLAD|*': 'DEP',
  'PREVOD Z UCTU|*': 'XFER_IN',
  'PREVOD NA UCET|*': 'XFER_OUT',
  'VYBER KARTOU|*': 'ATM',
  'VYBER|*': 'ATM',
};

const DESCRIPTIONS: Record<string, string> = {
  'PREVOD Z UCTU|DUCHOD': 'Pension',
  'PREVOD NA UCET|SIPO': 'Household payment (SIPO)',
  'PREVOD NA UCET|POJISTNE': 'Insurance payment',
  'PREVOD NA UCET|UVER': 'Loan payment',
  'PREVOD NA UCET|LEASING': 'Leasing payment',
  'VYBER|SIPO': 'Household payment (SIPO)',
  'VYBER|POJISTNE': 'Insurance payment',
  'VYBER|UVER': 'Loan payment',
  '*|SLUZBY': 'Statement fee',
  '*|SANKC. UROK': 'Penalty interest',
  '*|UROK': 'Interest credited',
  'VKLAD|*': 'Cash deposit',
  'PREVOD Z UCTU|*': 'Transfer from another bank',
  'PREVOD NA UCET|*': 'Transfer to another bank',
  'VYBER KARTOU|*': 'Card withdrawal',
  'VYBER|*': 'Cash withdrawal',
};

/**
 * The PKDD'99 Berka data set (a Czech bank, 1993–1998) as its eight files export it. Clients
 * have no names or addresses: a client is "Client <id>" living in its district. Dispositions
 * are the account owners (DISPONENT, a user of the account, is a joint owner); loans and
 * cards are accounts of their own (L…, C…) owned through the account or disposition they
 * belong to; standing orders are payees; districts are the geography.
 */
export const BERKA: MappingProfile = {
  format: 'mainstreet-mapping-profile',
  version: 1,
  name: 'berka',
  title: "Berka / PKDD'99 Czech bank",
  description:
    "The eight files of the PKDD'99 Discovery Challenge financial data set: district, client, account, disp, loan, card, order and trans (.asc, semicolons). Amounts are in Czech koruna.",
  currency: 'CZK',
  products: [
    { code: 'BK-CHK-MONTHLY', name: 'Current account, monthly statement', family: 'checking', interest_bearing: true },
    { code: 'BK-CHK-WEEKLY', name: 'Current account, weekly statement', family: 'checking', interest_bearing: true },
    {
      code: 'BK-CHK-PER-TXN',
      name: 'Current account, statement after each transaction',
      family: 'checking',
      interest_bearing: true,
    },
    { code: 'BK-LOAN', name: 'Loan', family: 'personal_loan', interest_bearing: false },
    { code: 'BK-CARD-JUNIOR', name: 'Junior card', family: 'credit_card', interest_bearing: false },
    { code: 'BK-CARD-CLASSIC', name: 'Classic card', family: 'credit_card', interest_bearing: false },
    { code: 'BK-CARD-GOLD', name: 'Gold card', family: 'credit_card', interest_bearing: false },
  ],
  files: [
    {
      kind: 'geography',
      match: 'district*.asc',
      format: FORMAT,
      fields: {
        geography_code: { column: 'A1' },
        name: { column: 'A2' },
        region: { column: 'A3' },
        population: { column: 'A4' },
        average_salary: { column: 'A11', transform: { type: 'amount', decimal: '.' } },
        // A13 is 1996's unemployment rate; A12 (1995) has "?" where unknown.
        unemployment_rate: { column: 'A13' },
      },
    },
    {
      kind: 'customers',
      match: 'client*.asc',
      format: FORMAT,
      fields: {
        customer_number: { column: 'client_id' },
        last_name: { transform: { type: 'template', template: 'Client {client_id}' } },
        birth_date: { column: 'birth_number', transform: { type: 'birth-number', part: 'birth_date' } },
        gender: { column: 'birth_number', transform: { type: 'birth-number', part: 'gender' } },
        country: { transform: { type: 'constant', value: 'CZ' } },
        geography_code: { column: 'district_id' },
      },
    },
    {
      kind: 'accounts',
      match: 'account*.asc',
      format: FORMAT,
      fields: {
        account_number: { column: 'account_id' },
        product_code: {
          column: 'frequency',
          transform: {
            type: 'lookup',
            map: {
              'POPLATEK MESICNE': 'BK-CHK-MONTHLY',
              'POPLATEK TYDNE': 'BK-CHK-WEEKLY',
              'POPLATEK PO OBRATU': 'BK-CHK-PER-TXN',
            },
          },
        },
        open_date: { column: 'date', transform: YYMMDD },
        status: { transform: { type: 'constant', value: 'OPEN' } },
        branch: { column: 'district_id' },
      },
    },
    {
      kind: 'owners',
      match: 'disp*.asc',
      format: FORMAT,
      fields: {
        owner_key: { column: 'disp_id' },
        account_number: { column: 'account_id' },
        customer_number: { column: 'client_id' },
        role: { column: 'type', transform: { type: 'lookup', map: { OWNER: 'owner', DISPONENT: 'joint' } } },
      },
    },
    {
      kind: 'accounts',
      match: 'loan*.asc',
      format: FORMAT,
      fields: {
        account_number: { transform: { type: 'template', template: 'L{loan_id}' } },
        product_code: { transform: { type: 'constant', value: 'BK-LOAN' } },
        owners_from_account: { column: 'account_id' },
        open_date: { column: 'date', transform: YYMMDD },
        // A finished, paid; B finished, not paid; C running, fine; D running, in debt.
        status: {
          column: 'status',
          transform: { type: 'lookup', map: { A: 'CLOSED', B: 'CHARGED_OFF', C: 'OPEN', D: 'OPEN' } },
        },
        balance: { column: 'amount', transform: { type: 'amount', decimal: '.' } },
      },
    },
    {
      kind: 'accounts',
      match: 'card*.asc',
      format: FORMAT,
      fields: {
        account_number: { transform: { type: 'template', template: 'C{card_id}' } },
        product_code: {
          column: 'type',
          transform: {
            type: 'lookup',
            map: { junior: 'BK-CARD-JUNIOR', classic: 'BK-CARD-CLASSIC', gold: 'BK-CARD-GOLD' },
          },
        },
        owner_key: { column: 'disp_id' },
        open_date: { column: 'issued', transform: { type: 'date', format: 'YYMMDD 00:00:00' } },
        status: { transform: { type: 'constant', value: 'OPEN' } },
        balance: { transform: { type: 'constant', value: '0' } },
      },
    },
    {
      kind: 'payees',
      match: 'order*.asc',
      format: FORMAT,
      fields: {
        payee_key: { column: 'order_id' },
        account_number: { column: 'account_id' },
        name: {
          column: 'k_symbol',
          transform: {
            type: 'lookup',
            map: {
              SIPO: 'Household payment (SIPO)',
              UVER: 'Loan payment',
              POJISTNE: 'Insurance payment',
              LEASING: 'Leasing payment',
            },
            default: 'Standing order',
          },
        },
        bank: { column: 'bank_to' },
        payee_account: { column: 'account_to' },
        amount: { column: 'amount', transform: { type: 'amount', decimal: '.' } },
        category: {
          column: 'k_symbol',
          transform: {
            type: 'lookup',
            map: { SIPO: 'household', UVER: 'loan', POJISTNE: 'insurance', LEASING: 'leasing' },
            default: 'other',
          },
        },
      },
    },
    {
      kind: 'transactions',
      match: 'trans*.asc',
      format: FORMAT,
      fields: {
        transaction_id: { column: 'trans_id' },
        account_number: { column: 'account_id' },
        posted_date: { column: 'date', transform: YYMMDD },
        amount: {
          column: 'amount',
          transform: {
            type: 'amount',
            decimal: '.',
            sign: { column: 'type', debit: ['VYDAJ', 'VYBER'], credit: ['PRIJEM'] },
          },
        },
        code: { columns: ['operation', 'k_symbol'], transform: { type: 'lookup', map: CODES, default: 'ACH_DR' } },
        description: {
          columns: ['operation', 'k_symbol'],
          transform: { type: 'lookup', map: DESCRIPTIONS, default: 'Other transaction' },
        },
        balance_after: { column: 'balance', transform: { type: 'amount', decimal: '.' } },
        counterparty: { transform: { type: 'template', template: '{bank} {account}' } },
      },
    },
  ],
};
