/** Sample answers for the audience channels, shaped as the main process gives them. */
import type {
  AudienceCatalog,
  AudienceCount,
  AudienceDetails,
  AudienceExplanation,
  AudienceSummary,
  AudienceVersion,
  RuleNode,
} from '../../../src-shared/audience';
import type { MockHandlers } from './mock-api';

export const CATALOG: AudienceCatalog = {
  fields: [
    { field: 'age', label: 'Age', type: 'number', group: 'Demographics', unit: 'years' },
    { field: 'birth_date', label: 'Birth date', type: 'date', group: 'Demographics', unit: 'YYYY-MM-DD' },
    { field: 'state', label: 'State', type: 'text', group: 'Demographics' },
    { field: 'has:mortgage', label: 'Has mortgage', type: 'flag', group: 'Products' },
    { field: 'balance:deposits', label: 'Total deposits', type: 'money', group: 'Balances', unit: '$' },
    { field: 'kli:payroll-dd', label: 'Payroll direct deposit here', type: 'kli', group: 'KLIs' },
  ],
  products: [
    { code: 'CHK', name: 'Everyday Checking', family: 'checking', credit: false },
    { code: 'HELOC', name: 'Home Equity Line', family: 'heloc', credit: true },
  ],
  suppressions: [
    { id: 'do-not-mail', label: 'Do not mail', description: 'Asked for no mail.', default_on: true },
    { id: 'deceased', label: 'Deceased', description: 'Marked deceased.', default_on: true },
  ],
};

/** A count that shrinks with each condition, so a test can see the number change. */
export function countFor(rule: RuleNode): AudienceCount {
  const conditions = (JSON.stringify(rule).match(/"field"/g) ?? []).length;
  const eligible = 2000 - conditions * 100;
  const customers = eligible - 30;
  return {
    customers,
    households: customers - 200,
    waterfall: [
      { id: 'eligible', step: 'Eligible (the rule)', removed: 0, remaining: eligible },
      { id: 'do-not-mail', step: 'Do not mail', removed: 20, remaining: eligible - 20 },
      { id: 'deceased', step: 'Deceased', removed: 10, remaining: customers },
      { id: 'household', step: 'One letter per household', removed: 200, remaining: customers - 200 },
    ],
  };
}

export const DETAILS: AudienceDetails = {
  sample: [
    { id: 41, customer_number: '0001041', name: 'Ada Lindqvist', city: 'Lincoln', state: 'NE', branch: 'MAIN' },
    { id: 77, customer_number: '0001077', name: 'Bo Reyes', city: 'Omaha', state: 'NE', branch: 'WEST' },
  ],
  by_branch: [
    { branch: 'MAIN', customers: 900 },
    { branch: 'WEST', customers: 570 },
  ],
  by_family: [
    { family: 'checking', customers: 1400 },
    { family: 'savings', customers: 610 },
  ],
};

const RULE: RuleNode = {
  all: [
    { field: 'kli:payroll-dd', op: '=', value: true },
    { field: 'age', op: 'between', value: [30, 55] },
  ],
};

export function version(change: Partial<AudienceVersion> = {}): AudienceVersion {
  return {
    id: 11,
    audience_id: 3,
    version: 1,
    rule: RULE,
    product_code: 'HELOC',
    suppressions_off: [],
    status: 'draft',
    created_at: '2026-11-18T15:00:00.000Z',
    created_by: 'maria',
    submitted_at: null,
    submitted_by: null,
    approved_at: null,
    approved_by: null,
    approval_comment: null,
    fair_lending: [],
    fair_lending_ack_by: null,
    retired_at: null,
    retired_by: null,
    ...change,
  };
}

export const APPROVED = version({
  status: 'approved',
  submitted_at: '2026-11-19T15:00:00.000Z',
  submitted_by: 'maria',
  approved_at: '2026-11-20T15:00:00.000Z',
  approved_by: 'Carol Reyes',
  approval_comment: 'Q1 HELOC push',
});

export const SUBMITTED_WITH_WARNINGS = version({
  status: 'submitted',
  submitted_at: '2026-11-19T15:00:00.000Z',
  submitted_by: 'maria',
  fair_lending: [
    {
      path: 'rule.all[1]',
      field: 'age',
      message: 'Selects on age for a credit offer (ECOA / Regulation B).',
    },
  ],
});

export function audience(versions: AudienceVersion[]): AudienceSummary {
  return { id: 3, name: 'Payroll, 30 to 55', created_at: '2026-11-18T15:00:00.000Z', created_by: 'maria', versions };
}

export const EXPLANATION: AudienceExplanation = {
  audience_id: null,
  version: null,
  customer_id: 41,
  customer_number: '0001041',
  eligible: true,
  rule: {
    path: 'rule',
    kind: 'all',
    holds: true,
    children: [
      { path: 'rule.all[0]', kind: 'kli:payroll-dd', holds: true, op: '=', value: true, actual: true },
      { path: 'rule.all[1]', kind: 'age', holds: true, op: 'between', value: [30, 55], actual: 42 },
    ],
  },
  suppressions: [
    { id: 'do-not-mail', label: 'Do not mail', hits: true },
    { id: 'deceased', label: 'Deceased', hits: false },
  ],
  removed_by: 'do-not-mail',
  household: { id: 9, letter_to: null },
  mailed: false,
};

/** Handlers for every audience channel; a test overrides the ones it looks at. */
export function audienceHandlers(overrides: MockHandlers = {}): MockHandlers {
  return {
    'audience:catalog': () => CATALOG,
    'audience:list': () => [],
    'audience:count': (input) => countFor(input.rule),
    'audience:details': () => DETAILS,
    'audience:explain': () => EXPLANATION,
    ...overrides,
  };
}
