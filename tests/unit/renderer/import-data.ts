/**
 * Sample answers for the Import screen's channels: a foreign core's customer file, the
 * standard fields, a suggestion, saved profiles, outcomes, data quality and history, shaped
 * as the main process answers them.
 */
import type { JobInfo } from '../../../src-shared/domain';
import type {
  ImportOutcome,
  ImportQuality,
  ImportRecord,
  ImportTargets,
  MappingSuggestion,
  QuarantinePage,
  SavedProfile,
  SniffedFile,
  TargetField,
} from '../../../src-shared/imports';
import type { MappingProfile } from '../../../src-shared/mapping-profile';
import type { MockHandlers } from './mock-api';

const req = (name: string, hint = name): TargetField => ({ name, required: true, hint });
const opt = (name: string, hint = name): TargetField => ({ name, required: false, hint });

export const TARGETS: ImportTargets = {
  products: [req('product_code'), req('product_name'), req('family'), opt('interest_bearing')],
  geography: [req('geography_code'), req('name')],
  customers: [
    req('customer_number', "the core's customer number (CIF), unique"),
    opt('first_name', 'given name (empty for a business)'),
    req('last_name', 'family name, or the business name'),
    opt('birth_date', 'date of birth'),
    opt('gender', 'F, M or X'),
    opt('address_line1', 'street address (required for US customers)'),
    opt('city'),
    opt('state'),
    opt('zip'),
    opt('tax_id', 'SSN / tax id, for matching only: stored as a salted hash, never in clear'),
  ],
  accounts: [req('account_number'), req('product_code'), req('open_date'), req('status'), opt('balance')],
  owners: [req('account_number'), req('customer_number'), opt('role')],
  payees: [req('payee_key'), req('account_number'), req('name')],
  transactions: [
    req('transaction_id'),
    req('account_number'),
    req('posted_date'),
    req('amount', 'signed amount: credits positive, debits negative'),
    req('code'),
    req('description'),
  ],
  balances: [req('account_number'), req('as_of_date'), req('balance')],
};

export const CIF_COLUMNS = ['CUST_NO', 'SURNAME', 'GIVEN_NAME', 'DOB', 'ADDR1', 'CITY', 'ST', 'ZIP5', 'SSN'];

export function cifFile(path = '/exports/CIF_20261130.TXT'): SniffedFile {
  return {
    path,
    name: path.split('/').pop() ?? path,
    size_bytes: 2150,
    encoding: 'windows-1252',
    bom: false,
    delimiter: ';',
    quote: '"',
    header: true,
    line_ending: 'CRLF',
    columns: CIF_COLUMNS,
    rows: [
      ['100231', 'Lindqvist', 'Marta', '03/15/1968', '12 Elm St', 'Ames', 'IA', '50010', '123-45-6789'],
      ['100232', 'Okafor', 'Chidi', '11/02/1990', '4 Oak Ave Apt 2', 'Ames', 'IA', '50014', '987-65-4321'],
      ['100233', 'Nguyen', 'Lan', '07/30/1955', 'RR 1 Box 9', 'Nevada', 'IA', '50201', ''],
    ],
    profile_match: null,
    guessed_kind: 'customers',
  };
}

export function histFile(path = '/exports/HIST.TXT'): SniffedFile {
  return {
    ...cifFile(path),
    encoding: 'utf-8',
    delimiter: ',',
    columns: ['TXN_ID', 'ACCT', 'POSTED', 'AMT', 'DRCR', 'TC', 'MEMO'],
    rows: [
      ['9001', '100001', '20261102', '1.250,00', 'C', 'PR', 'ACME PAYROLL'],
      ['9002', '100001', '20261103', '84,12', 'D', 'PS', 'HY-VEE #1432'],
    ],
    guessed_kind: 'transactions',
  };
}

export const HIST_SUGGESTION: MappingSuggestion = {
  fields: {
    transaction_id: { column: 'TXN_ID' },
    account_number: { column: 'ACCT' },
    posted_date: { column: 'POSTED', transform: { type: 'date', format: 'YYYYMMDD' } },
    amount: { column: 'AMT', transform: { type: 'amount', decimal: '.' } },
    code: { column: 'TC' },
    description: { column: 'MEMO' },
  },
  reasons: { amount: 'header "AMT" looks like amount' },
  sensitive_columns: [],
};

export const SUGGESTION: MappingSuggestion = {
  fields: {
    customer_number: { column: 'CUST_NO' },
    last_name: { column: 'SURNAME' },
    first_name: { column: 'GIVEN_NAME' },
    birth_date: { column: 'DOB', transform: { type: 'date', format: 'MM/DD/YYYY' } },
    address_line1: { column: 'ADDR1' },
    city: { column: 'CITY' },
    state: { column: 'ST' },
    zip: { column: 'ZIP5' },
  },
  reasons: {
    customer_number: 'header "CUST_NO" looks like customer_number; values are unique',
    birth_date: 'header "DOB" looks like birth_date; values are MM/DD/YYYY',
  },
  sensitive_columns: ['SSN'],
};

const STANDARD: MappingProfile = {
  format: 'mainstreet-mapping-profile',
  version: 1,
  name: 'mainstreet-standard',
  title: 'Mainstreet standard layout',
  description: 'The CSV files described in docs/standard-layout.md.',
  files: [
    {
      kind: 'customers',
      match: 'customers.csv',
      format: { encoding: 'utf-8', delimiter: ',', quote: '"', header: true },
      fields: { customer_number: { column: 'customer_number' }, last_name: { column: 'last_name' } },
    },
  ],
};

export const JACK_HENRY: MappingProfile = {
  ...STANDARD,
  name: 'jack-henry',
  title: 'Jack Henry SilverLake',
  description: 'Monthly CIF extract.',
  files: [
    {
      kind: 'customers',
      match: 'CIF_*.TXT',
      format: { delimiter: ';' },
      fields: { customer_number: { column: 'CUST_NO' }, last_name: { column: 'SURNAME' } },
    },
  ],
};

export const PROFILES: SavedProfile[] = [
  {
    name: 'mainstreet-standard',
    title: STANDARD.title,
    description: STANDARD.description,
    built_in: true,
    updated_at: null,
    profile: STANDARD,
  },
  {
    name: 'berka',
    title: 'Berka (PKDD’99 Czech bank)',
    description: 'The eight files of the PKDD’99 financial data set.',
    built_in: true,
    updated_at: null,
    profile: { ...STANDARD, name: 'berka', title: 'Berka (PKDD’99 Czech bank)' },
  },
  {
    name: 'jack-henry',
    title: JACK_HENRY.title,
    description: JACK_HENRY.description,
    built_in: false,
    updated_at: '2026-10-31T09:00:00Z',
    profile: JACK_HENRY,
  },
];

export const JOB: JobInfo = {
  id: 'import-1',
  kind: 'import:run',
  state: 'running',
  step: 'Reading CIF_20261130.TXT',
  current: 0,
  total: 2150,
  rows: 0,
};

export const REFUSED: ImportOutcome = {
  status: 'refused',
  message: 'CIF_20261130.TXT has 3 rows with problems; nothing was imported.',
  files: [{ path: '/exports/CIF_20261130.TXT', kind: 'customers', rows_read: 3, rows_loaded: 0, rows_quarantined: 0 }],
  errors: [
    {
      file: '/exports/CIF_20261130.TXT',
      row: 2,
      column: 'DOB',
      value: '13/45/1990',
      reason: 'expected a date as MM/DD/YYYY',
    },
    { file: '/exports/CIF_20261130.TXT', row: 3, column: 'SURNAME', value: '', reason: 'last_name is required' },
    { file: '/exports/CIF_20261130.TXT', row: 3, column: 'ZIP5', value: '5020', reason: 'expected a ZIP code' },
  ],
  error_count: 3,
};

export const LOADED: ImportOutcome = {
  status: 'loaded',
  import_id: 7,
  files: [{ path: '/exports/CIF_20261130.TXT', kind: 'customers', rows_read: 3, rows_loaded: 2, rows_quarantined: 1 }],
  errors: [REFUSED.errors[0]!],
};

export function importRecord(id: number, overrides: Partial<ImportRecord> = {}): ImportRecord {
  return {
    id,
    started_at: '2026-11-23T08:00:00Z',
    finished_at: '2026-11-23T08:00:04Z',
    actor: 'mdavis',
    profile: 'jack-henry',
    source: 'jack-henry: 1 file(s)',
    status: 'done',
    files: [
      {
        path: '/exports/CIF_20261130.TXT',
        kind: 'customers',
        fingerprint: '9f2c4e1b7a3d5c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6',
        rows_read: 3,
        rows_loaded: 2,
        rows_quarantined: 1,
      },
    ],
    can_roll_back: false,
    ...overrides,
  };
}

export const QUALITY: ImportQuality = {
  import: importRecord(7, { can_roll_back: true }),
  files: [
    {
      ...importRecord(7).files[0]!,
      missing_by_field: { first_name: 0, birth_date: 1, zip: 0 },
      duplicates: 4,
    },
  ],
  accounts_without_owners: 12,
  transactions_without_accounts: 5,
  coverage: [
    { month: '2026-09', transactions: 41_200 },
    { month: '2026-10', transactions: 43_950 },
    { month: '2026-11', transactions: 12_003 },
  ],
  quarantined: 1,
};

export const QUARANTINE: QuarantinePage = {
  total: 1,
  rows: [
    {
      id: 1,
      file: '/exports/CIF_20261130.TXT',
      kind: 'customers',
      row: 2,
      record: ['100232', 'Okafor', 'Chidi', '13/45/1990', '4 Oak Ave Apt 2', 'Ames', 'IA', '50014', '(hidden)'],
      issues: [REFUSED.errors[0]!],
    },
  ],
};

/** Every channel the Import screen reads, answering with the samples above. */
export function importHandlers(overrides: MockHandlers = {}): MockHandlers {
  return {
    'profiles:list': () => PROFILES,
    'import:targets': () => TARGETS,
    'import:sniff': (input) => input.paths.map((path) => cifFile(path)),
    'import:suggest': (input) => (input.kind === 'transactions' ? HIST_SUGGESTION : SUGGESTION),
    'import:start': () => JOB,
    'jobs:get': () => JOB,
    'jobs:cancel': () => ({ cancelled: true }),
    'imports:list': () => [
      importRecord(7, { can_roll_back: true }),
      importRecord(6, { profile: 'mainstreet-standard' }),
    ],
    'imports:quality': () => QUALITY,
    'imports:quarantine': () => QUARANTINE,
    ...overrides,
  };
}

/** The desktop preload's file bridge: every picked file lives in /exports. */
export function stubFileBridge(): void {
  window.mainstreetFiles = { pathForFile: (file) => `/exports/${file.name}` };
}

export function cifUpload(name = 'CIF_20261130.TXT'): File {
  return new File([`${CIF_COLUMNS.join(';')}\r\n100231;Lindqvist;Marta;03/15/1968\r\n`], name, { type: 'text/plain' });
}
