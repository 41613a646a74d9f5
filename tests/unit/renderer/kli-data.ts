/** Sample answers for the KLI and trigger channels, shaped as the main process gives them. */
import type { JobInfo } from '../../../src-shared/domain';
import type {
  CustomerKli,
  KliDetail,
  KliEvidence,
  KliLibrary,
  KliPreview,
  KliSummary,
  TriggerHit,
  TriggerHitsPage,
  TriggerRule,
} from '../../../src-shared/kli';
import type { MockHandlers } from './mock-api';

const trend = (start: number) =>
  ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((month, i) => ({
    month,
    customers: start + i * 10,
  }));

export const PAYROLL: KliSummary = {
  id: 'payroll-dd',
  name: 'Payroll direct deposit here',
  question: 'Who is paid into this bank, and about how much?',
  product: 'checking',
  builtin: true,
  rule: {
    type: 'activity',
    match: { categories: ['payroll'], direction: 'credit' },
    measure: 'months',
    min: 3,
    min_months: 0,
  },
  words: 'A payroll deposit in at least 3 of the last 12 months.',
  tuned: false,
  customers: 9120,
  households: 7400,
  coverage: 21000,
  trend: trend(8000),
};

export const LOW_BALANCE: KliSummary = {
  id: 'low-balance',
  name: 'Low average balance',
  question: 'Who keeps little in their accounts?',
  product: 'savings',
  builtin: true,
  rule: { type: 'balance', direction: 'below', threshold_cents: 100_00, months: 1 },
  words: 'Average collected balance below $100.00 in the last month.',
  tuned: false,
  customers: 3100,
  households: 2900,
  coverage: 24000,
  trend: trend(3000),
};

export const STREAMERS: KliSummary = {
  id: 'streamers',
  name: 'Streamers',
  question: 'Who pays several streaming services?',
  product: 'credit_card',
  builtin: false,
  rule: {
    type: 'activity',
    match: { categories: ['subscriptions_streaming'], direction: 'debit' },
    measure: 'merchants',
    min: 2,
    min_months: 0,
  },
  words: 'At least 2 different merchants among Streaming & subscriptions debits in the last 12 months.',
  tuned: false,
  customers: 40,
  households: 38,
  coverage: 21000,
  trend: trend(20),
};

export const LIBRARY: KliLibrary = {
  run: {
    as_of: '2026-10-31',
    lookback_months: 12,
    computed_at: '2026-11-23T09:00:00Z',
    seconds: 4.2,
    transactions_read: 1_109_787,
    incremental: false,
    coverage: 21000,
    customers: 25000,
  },
  stale: false,
  klis: [PAYROLL, LOW_BALANCE, STREAMERS],
};

export const EVIDENCE: KliEvidence[] = [
  {
    transaction_id: 11,
    account_number: '100001',
    posted_date: '2026-10-05',
    amount_cents: -1599,
    description: 'NETFLIX.COM 866-579-7172',
    merchant: 'Netflix',
    category: 'subscriptions_streaming',
  },
  {
    transaction_id: 12,
    account_number: '100001',
    posted_date: '2026-10-09',
    amount_cents: -1099,
    description: 'SPOTIFY USA',
    merchant: 'Spotify',
    category: 'subscriptions_streaming',
  },
];

export const PAYROLL_DETAIL: KliDetail = {
  kli: PAYROLL,
  sample_transactions: [
    {
      transaction_id: 21,
      account_number: '100001',
      posted_date: '2026-10-01',
      amount_cents: 210000,
      description: 'ACME PAYROLL',
      merchant: 'Acme',
      category: 'payroll',
    },
  ],
  sample_customers: [{ customer_id: 7, customer_number: '100007', name: 'Jane Smith', value: 12, detail: null }],
};

export const STREAMERS_DETAIL: KliDetail = {
  kli: STREAMERS,
  sample_transactions: EVIDENCE,
  sample_customers: [
    { customer_id: 7, customer_number: '100007', name: 'Jane Smith', value: 2, detail: 'Netflix, Spotify' },
  ],
};

export const PREVIEW: KliPreview = {
  customers: 41,
  households: 39,
  matching_transactions: 812,
  sample_transactions: EVIDENCE,
};

export const CUSTOMER_KLIS: CustomerKli[] = [
  {
    id: 'streamers',
    name: 'Streamers',
    product: 'credit_card',
    value: 2,
    value_text: '2 merchants: Netflix, Spotify',
    via_customer: null,
    evidence: EVIDENCE,
  },
  {
    id: 'payroll-dd',
    name: 'Payroll direct deposit here',
    product: 'checking',
    value: 310000,
    value_text: '$3,100 a month',
    via_customer: 'John Smith',
    evidence: [],
  },
];

export const COMPUTE_JOB: JobInfo = {
  id: 'kli-1',
  kind: 'kli:compute',
  state: 'running',
  step: 'Reading transactions',
  current: 0,
  total: 100,
};

export const TRIGGERS: TriggerRule[] = [
  {
    id: 'big-deposit',
    name: 'Large deposit',
    type: 'large-deposit',
    threshold_cents: 25_000_00,
    families: ['checking'],
    action: { type: 'offer', product: 'money_market' },
    enabled: true,
  },
  {
    id: 'balance-drop',
    name: 'Balance falls below $500',
    type: 'balance',
    direction: 'below',
    threshold_cents: 500_00,
    months: 2,
    action: { type: 'call-list' },
    enabled: false,
  },
];

export function hit(i: number): TriggerHit {
  return {
    trigger_id: 'big-deposit',
    trigger_name: 'Large deposit',
    customer_id: 100 + i,
    customer_number: String(200000 + i),
    name: `Customer ${i}`,
    account_number: String(300000 + i),
    as_of: '2026-10-31',
    evidence: `deposit $${30 + i},000 on 2026-10-${String(10 + (i % 20)).padStart(2, '0')}`,
    action: 'Offer money market',
  };
}

export function hitsPage(total: number, page = 0, pageSize = 50): TriggerHitsPage {
  const hits = Array.from({ length: Math.max(0, Math.min(pageSize, total - page * pageSize)) }, (_, i) =>
    hit(page * pageSize + i),
  );
  return { evaluated_at: '2026-11-23T09:30:00Z', as_of: '2026-10-31', hits, total };
}

export function kliHandlers(overrides: MockHandlers = {}): MockHandlers {
  return {
    'kli:library': () => LIBRARY,
    // Any other id is a custom KLI like Streamers (one just saved in the editor, say).
    'kli:get': ({ id }) =>
      id === 'payroll-dd'
        ? PAYROLL_DETAIL
        : id === 'low-balance'
          ? { ...PAYROLL_DETAIL, kli: LOW_BALANCE }
          : { ...STREAMERS_DETAIL, kli: { ...STREAMERS, id } },
    'kli:preview': () => PREVIEW,
    'kli:save': ({ definition }) => ({
      ...STREAMERS,
      ...definition,
      question: definition.question,
      builtin: false,
      customers: null,
      households: null,
      coverage: null,
      trend: [],
    }),
    'kli:compute': () => COMPUTE_JOB,
    'jobs:get': () => COMPUTE_JOB,
    'jobs:cancel': () => ({ cancelled: true }),
    'kli:tune': ({ id, rule }) => {
      const kli = id === 'low-balance' ? LOW_BALANCE : PAYROLL;
      return { ...kli, rule: rule ?? kli.rule, tuned: rule !== null };
    },
    'kli:delete': () => ({ deleted: true }),
    'kli:customer': () => CUSTOMER_KLIS,
    'triggers:list': () => TRIGGERS,
    'triggers:save': ({ rules }) => rules,
    'triggers:run': () => hitsPage(3),
    'triggers:hits': ({ page, page_size }) => hitsPage(3, page, page_size),
    ...overrides,
  };
}
