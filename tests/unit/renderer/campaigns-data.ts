/** Sample answers for the Campaigns screens: runs, recipients, response imports and matches. */
import type { SavedProfile } from '../../../src-shared/imports';
import type { MappingProfile } from '../../../src-shared/mapping-profile';
import type { ResponseImport, ResponseImportResult, ResponseRow } from '../../../src-shared/measure';
import type { RecipientRow, RunSummary } from '../../../src-shared/plan';
import type { MockHandlers } from './mock-api';
import { PROFILE } from './sample-data';

export const FINAL_RUN: RunSummary = {
  run_id: 5,
  month: '2026-11',
  status: 'final',
  cells: [
    { audience: 'Homeowners', offer: 'HELOC-EQ', eligible: 159, mailed: 121, control: 13 },
    { audience: 'Savers', offer: 'CD-12', eligible: 549, mailed: 351, control: 39 },
  ],
  waterfall: [
    { step: 'Eligible (the rules)', removed: 0, remaining: 708 },
    { step: 'One letter per household', removed: 184, remaining: 524 },
    { step: 'Control group (held out)', removed: 52, remaining: 472 },
  ],
  files: ['/data/runs/2026-11/letters-2026-11.pdf'],
};

export const REVIEW_RUN: RunSummary = {
  run_id: 6,
  month: '2026-12',
  status: 'review',
  cells: [{ audience: 'Homeowners', offer: 'HELOC-EQ', eligible: 90, mailed: 80, control: 9 }],
  waterfall: [
    { step: 'Eligible (the rules)', removed: 0, remaining: 90 },
    { step: 'Control group (held out)', removed: 9, remaining: 81 },
  ],
  files: [],
};

/** Newest first, as plan:runs answers. */
export const RUNS = [REVIEW_RUN, FINAL_RUN];

/** 60 recipients of run 5: every tenth held out. */
export const RECIPIENTS: RecipientRow[] = Array.from({ length: 60 }, (_, i) => ({
  customer_id: 100 + i,
  customer_number: `00${2000 + i}`,
  name: `Pat Person${i}`,
  household_id: 500 + i,
  audience: i % 2 === 0 ? 'Homeowners' : 'Savers',
  offer: i % 2 === 0 ? 'HELOC-EQ' : 'CD-12',
  group: i % 10 === 0 ? 'control' : 'mailed',
  keycode: `K${String(i + 1).padStart(4, '0')}`,
}));

const accountsProfile = (name: string, title: string): MappingProfile => ({
  format: 'mainstreet-mapping-profile',
  version: 1,
  name,
  title,
  description: '',
  files: [
    {
      kind: 'accounts',
      match: 'accounts*.csv',
      format: { encoding: 'utf-8', delimiter: ',', quote: '"', header: true },
      fields: { account_number: { column: 'account_number' } },
    },
  ],
});

const saved = (profile: MappingProfile, builtIn: boolean): SavedProfile => ({
  name: profile.name,
  title: profile.title,
  description: profile.description,
  built_in: builtIn,
  updated_at: null,
  profile,
});

export const SAVED_PROFILES: SavedProfile[] = [
  saved(accountsProfile('mainstreet-standard', 'Mainstreet standard layout'), true),
  // Customers only: nothing to read responses from.
  saved(
    {
      ...accountsProfile('cif-only', 'CIF extract'),
      files: [
        {
          kind: 'customers',
          match: 'CIF_*.TXT',
          format: { delimiter: ';' },
          fields: { customer_number: { column: 'CUST_NO' } },
        },
      ],
    },
    false,
  ),
  saved(accountsProfile('jack-henry', 'Jack Henry SilverLake'), false),
];

export const IMPORT_RESULT: ResponseImportResult = {
  import_id: 3,
  rows: 312,
  not_responses: 40,
  matched: 268,
  doubtful: 4,
  unmatched: 4,
  match_rate: 268 / 272,
};

export function responseImport(id: number, overrides: Partial<ResponseImport> = {}): ResponseImport {
  return {
    id,
    file: `responses-${id}.csv`,
    profile: 'mainstreet-responses',
    run_id: null,
    rows: 312,
    not_responses: 40,
    matched: 268,
    unmatched: 4,
    imported_at: '2026-12-20T15:30:00Z',
    imported_by: 'mdavis',
    ...overrides,
  };
}

export function responseRow(id: number, overrides: Partial<ResponseRow> = {}): ResponseRow {
  return {
    id,
    import_id: 2,
    row: id + 1,
    kind: 'account',
    response_date: '2026-11-12',
    customer_number: `C-${1000 + id}`,
    name: null,
    product_code: 'CD-12M',
    family: 'cd',
    keycode: null,
    customer_id: 100 + id,
    household_id: 500 + id,
    match_rule: 'customer_number',
    match_score: 1,
    match_status: 'matched',
    note: null,
    address: null,
    zip: null,
    matched_name: `Pat Person${id}`,
    matched_address: `${id} Elm St, Ames IA 50010`,
    ...overrides,
  };
}

export const DOUBTFUL: ResponseRow[] = [
  responseRow(21, {
    name: 'Pat Smitx',
    customer_number: 'NEW-2',
    address: '14 ELM STREET',
    zip: '50010',
    matched_name: 'Pat Smith',
    matched_address: '12 ELM ST, AMES IA 50010',
    match_rule: 'name_address',
    match_score: 0.823,
    match_status: 'doubtful',
    note: 'Name and address are close: confirm or reject',
  }),
  responseRow(22, {
    name: 'Lee Jonas',
    customer_number: 'NEW-4',
    address: '9 OAK AVE',
    zip: '50011',
    matched_name: 'Lee Jones',
    matched_address: '9 OAK AVE, AMES IA 50011',
    match_rule: 'name_address',
    match_score: 0.78,
    match_status: 'doubtful',
    note: 'Name and address are close: confirm or reject',
  }),
];

export const UNMATCHED: ResponseRow[] = [
  responseRow(31, {
    name: 'Zed Nobody',
    customer_number: 'NEW-3',
    customer_id: null,
    household_id: null,
    match_rule: null,
    match_score: null,
    match_status: 'unmatched',
    note: 'No customer NEW-3, and nothing else matched',
  }),
];

export const MATCHED: ResponseRow[] = [
  responseRow(1),
  responseRow(2),
  responseRow(3, { match_rule: 'keycode', keycode: 'K0003' }),
  responseRow(4, { match_rule: 'household' }),
  responseRow(5, { match_rule: 'name_address', match_score: 0.93 }),
];

export function campaignsHandlers(overrides: MockHandlers = {}): MockHandlers {
  return {
    'plan:runs': () => RUNS,
    'plan:recipients': (input) => ({
      rows: RECIPIENTS.slice((input.page - 1) * input.page_size, input.page * input.page_size),
      total: RECIPIENTS.length,
    }),
    'plan:finalize': (input) => ({ ...(RUNS.find((r) => r.run_id === input.run_id) ?? REVIEW_RUN), status: 'final' }),
    'profiles:list': () => SAVED_PROFILES,
    'responses:imports': () => [responseImport(2, { run_id: 5 })],
    'responses:import': () => IMPORT_RESULT,
    'responses:scan': () => ({
      ...IMPORT_RESULT,
      import_id: 9,
      rows: 3,
      not_responses: 0,
      matched: 3,
      doubtful: 0,
      unmatched: 0,
      match_rate: 1,
    }),
    'responses:delete-import': () => [],
    'responses:list': (input) => {
      if (input.status === 'doubtful') return DOUBTFUL;
      if (input.status === 'unmatched') return UNMATCHED;
      if (input.status === 'matched') return MATCHED;
      return [];
    },
    'responses:decide': (input) => ({
      ...(DOUBTFUL.find((r) => r.id === input.id) ?? DOUBTFUL[0]!),
      match_status: input.decision,
      note: null,
    }),
    'customers:get': () => PROFILE,
    ...overrides,
  };
}
