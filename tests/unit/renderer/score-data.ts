/** Sample answers for the next-product score channels, shaped as the main process gives them. */
import type { JobInfo } from '../../../src-shared/domain';
import type { CustomerScore, ScoreDecile, ScoreModel } from '../../../src-shared/scores';
import { CATALOG, audienceHandlers } from './audience-data';
import type { MockHandlers } from './mock-api';

/** Ten tenths whose rates fall from `top`, with lift and captured worked out as the engine does. */
function deciles(rates: number[]): ScoreDecile[] {
  const customers = 100;
  const openers = rates.map((r) => Math.round(r * customers));
  const total = openers.reduce((a, b) => a + b, 0);
  const average = total / (customers * rates.length);
  let found = 0;
  return rates.map((rate, i) => {
    found += openers[i] ?? 0;
    return {
      decile: i + 1,
      customers,
      openers: openers[i] ?? 0,
      rate,
      lift: average > 0 ? rate / average : 0,
      captured: total > 0 ? found / total : 0,
    };
  });
}

export const SAVINGS: ScoreModel = {
  family: 'savings',
  trained_at: '2026-11-18T15:00:00.000Z',
  actor: 'maria',
  as_of: '2026-10-31',
  window_start: '2026-04-30',
  population: 20684,
  openers: 412,
  holdout: 1000,
  holdout_openers: 50,
  auc: 0.834,
  // 16% in the top tenth against 5% on average: 3.2× lift, 16 of 50 openers (32%).
  deciles: deciles([0.16, 0.08, 0.06, 0.05, 0.04, 0.04, 0.03, 0.02, 0.01, 0.01]),
  features: [
    { key: 'holds:checking', label: 'checking', weight: 0.92 },
    { key: 'age', label: 'age', weight: -0.51 },
    { key: 'deposits', label: 'deposits', weight: 0.44 },
    { key: 'kli:payroll-dd', label: 'Payroll direct deposit here', weight: 0.31 },
    { key: 'loans', label: 'loan balances', weight: -0.22 },
    { key: 'tenure', label: 'years as a customer', weight: 0.12 },
    { key: 'accounts', label: 'accounts', weight: -0.08 },
    { key: 'age_unknown', label: 'age not on file', weight: 0.05 },
    // The ninth strongest: not named.
    { key: 'holds:mortgage', label: 'mortgage', weight: 0.01 },
  ],
  scored: 18850,
};

export const CHECKING: ScoreModel = {
  ...SAVINGS,
  family: 'checking',
  population: 1310,
  openers: 21,
  holdout: 320,
  holdout_openers: 3,
  auc: null,
  deciles: [],
  features: [{ key: 'age', label: 'age', weight: 0.4 }],
  scored: 1290,
};

export const AUTO: ScoreModel = {
  ...SAVINGS,
  family: 'auto',
  population: 19900,
  openers: 96,
  auc: 0.6449,
  deciles: deciles([0.09, 0.07, 0.06, 0.05, 0.05, 0.05, 0.04, 0.04, 0.03, 0.02]),
  features: [{ key: 'loans', label: 'loan balances', weight: 0.3 }],
  scored: 20010,
};

export const MODELS = [AUTO, CHECKING, SAVINGS];

export const TRAIN_JOB: JobInfo = {
  id: 'scores-1',
  kind: 'scores:train',
  state: 'running',
  step: 'Starting',
  current: 0,
  total: 14,
};

export const CUSTOMER_SCORES: CustomerScore[] = [
  {
    family: 'savings',
    score: 93,
    probability: 0.11,
    reasons: [
      { key: 'holds:checking', label: 'Holds checking' },
      { key: 'deposits', label: 'More in deposits than most' },
    ],
  },
  { family: 'cd', score: 41, probability: 0.02, reasons: [] },
  { family: 'auto', score: 67, probability: 0.04, reasons: [{ key: 'age', label: 'Younger than most' }] },
];

/** The catalog once savings is scored: the rule builder offers its score. */
export const SCORED_CATALOG = {
  ...CATALOG,
  fields: [
    ...CATALOG.fields,
    {
      field: 'score:savings',
      label: 'Next-product score: savings',
      type: 'number' as const,
      group: 'Scores' as const,
      unit: '1–100',
    },
  ],
};

/** Handlers for the score channels (and the audience ones the "top scores" button leads to). */
export function scoreHandlers(overrides: MockHandlers = {}): MockHandlers {
  return {
    ...audienceHandlers({ 'audience:catalog': () => SCORED_CATALOG }),
    'scores:models': () => MODELS,
    'scores:train': () => TRAIN_JOB,
    'scores:customer': () => CUSTOMER_SCORES,
    'jobs:get': () => TRAIN_JOB,
    'jobs:cancel': () => ({ cancelled: true }),
    ...overrides,
  };
}
