/** Sample answers for the plan channels, shaped as the main process gives them. */
import type { JobInfo } from '../../../src-shared/domain';
import type { Offer, PlanCell, PlanProjection, PlanRow, PlanView, RunSummary } from '../../../src-shared/plan';
import type { MockHandlers } from './mock-api';
import { customerPage, customerRow, PROFILE } from './sample-data';

export const MONTHS = ['2026-11', '2026-12', '2027-01'];

export const HELOC: Offer = {
  id: 1,
  code: 'HELOC-EQ',
  product_code: 'HELOC',
  name: 'Home equity line, no closing costs',
  headline: 'Put the equity in your home to work.',
  body: 'Open a line.',
  incentive: 'No closing costs.',
  response_days: 90,
  channels: { mail: 0.68, email: 0.02 },
  template_id: null,
  apy: null,
  prescreened: false,
  disclosures: ['Equal Housing Lender.'],
};

export const CD: Offer = {
  ...HELOC,
  id: 2,
  code: 'CD-12',
  product_code: 'CD-12M',
  name: '12-month CD special',
  channels: { mail: 0.62 },
  template_id: 1,
  apy: 4.25,
  disclosures: ['Member FDIC.', 'APY is the Annual Percentage Yield, accurate as of the letter date.'],
};

export const ROWS: PlanRow[] = [
  { audience_id: 11, audience: 'Homeowners', priority: 1, approved_version: 1 },
  { audience_id: 12, audience: 'Savers', priority: 2, approved_version: 2 },
];

export const CELLS: PlanCell[] = [
  { month: '2026-11', audience_id: 11, offer_id: 1 },
  { month: '2026-11', audience_id: 12, offer_id: 2 },
];

export const VIEW: PlanView = {
  months: MONTHS,
  rows: ROWS,
  cells: CELLS,
  offers: [HELOC, CD],
  templates: [{ id: 1, name: 'Standard letter', body: '{{salutation}},\n\n{{offer.body}}' }],
  economics: [
    {
      code: 'HELOC',
      name: 'Home Equity Line',
      family: 'heloc',
      average_balance: 35000,
      spread_percent: 3,
      annual_fee: 0,
      life_months: 60,
      acquisition_cost: 150,
    },
    {
      code: 'CD-12M',
      name: '12-Month CD',
      family: 'cd',
      average_balance: 20000,
      spread_percent: 1.5,
      annual_fee: 0,
      life_months: 24,
      acquisition_cost: 25,
    },
  ],
  settings: { start_month: '2026-11', months: 3, control_share: 0.1, offers_per_household: 1, budget: 2000 },
  audiences: [
    { id: 11, name: 'Homeowners' },
    { id: 12, name: 'Savers' },
    { id: 13, name: 'New movers' },
  ],
};

export const PROJECTION: PlanProjection = {
  cells: [
    {
      month: '2026-11',
      audience_id: 11,
      offer_id: 1,
      pieces: 1200,
      cost: 840,
      response_rate: 0.01,
      rate_from_results: false,
      rate_source: 'usual',
      rate_basis: '1.00%: the usual response to a heloc cross-sell letter (no results of the bank’s own yet)',
      responses: 12,
      return: 15400,
      control: 133,
      control_needed: 7000,
      holdout_too_small: true,
    },
    {
      month: '2026-11',
      audience_id: 12,
      offer_id: 2,
      pieces: 2000,
      cost: 1240,
      response_rate: 0.015,
      rate_from_results: true,
      rate_source: 'offer',
      rate_basis: '1.50%: this offer’s past results, 30 of 2,000 pieces mailed (Aug 2026)',
      responses: 30,
      return: 9000,
      control: 2000,
      control_needed: 1500,
      holdout_too_small: false,
    },
  ],
  months: [
    { month: '2026-11', pieces: 3200, cost: 2080, responses: 42, return: 24400 },
    { month: '2026-12', pieces: 0, cost: 0, responses: 0, return: 0 },
    { month: '2027-01', pieces: 0, cost: 0, responses: 0, return: 0 },
  ],
  year: { pieces: 3200, cost: 2080, responses: 42, return: 24400, budget: 2000 },
};

export const RUN_JOB: JobInfo = {
  id: 'plan-1',
  kind: 'plan:run',
  state: 'running',
  step: 'Starting',
  current: 0,
  total: 4,
};

export const RUN: RunSummary = {
  run_id: 5,
  month: '2026-11',
  status: 'review',
  cells: [
    { audience: 'Homeowners', offer: 'HELOC-EQ', eligible: 159, mailed: 121, control: 13 },
    { audience: 'Savers', offer: 'CD-12', eligible: 549, mailed: 351, control: 39 },
  ],
  waterfall: [
    { step: 'Eligible (the rules)', removed: 0, remaining: 708 },
    { step: 'One letter per household', removed: 184, remaining: 524 },
    { step: 'Control group (held out)', removed: 52, remaining: 472 },
  ],
  files: ['/data/runs/2026-11/letters-2026-11.pdf', '/data/runs/2026-11/mail-file-2026-11.csv'],
};

/** A tiny PDF's base64: the preview only needs bytes to make a blob of. */
export const PDF = { file_name: 'HELOC-EQ-100007.pdf', mime: 'application/pdf', base64: btoa('%PDF-1.4\n%%EOF') };

export function planHandlers(overrides: MockHandlers = {}): MockHandlers {
  return {
    'plan:get': () => VIEW,
    'plan:projections': () => PROJECTION,
    'plan:overlap': () => ({
      audiences: VIEW.rows.map((r, i) => ({
        audience_id: r.audience_id,
        name: r.audience,
        households: 1000 - i * 100,
      })),
      pairs: VIEW.rows.slice(1).map((r) => ({ a: VIEW.rows[0]!.audience_id, b: r.audience_id, households: 42 })),
    }),
    'plan:runs': () => [],
    'exports:acknowledge': () => ({ recorded: true }),
    'plan:set-cell': (input) => [
      ...CELLS.filter((c) => !(c.month === input.month && c.audience_id === input.audience_id)),
      ...(input.offer_id === null
        ? []
        : [{ month: input.month, audience_id: input.audience_id, offer_id: input.offer_id }]),
    ],
    'plan:reorder': (input) =>
      input.audience_ids.map((id, i) => ({ ...(ROWS.find((r) => r.audience_id === id) ?? ROWS[0]!), priority: i + 1 })),
    'plan:sample-size': (input) =>
      input.lift >= 0.5
        ? { control_needed: null, mailed_needed: null, households_needed: null }
        : { control_needed: 1234, mailed_needed: 11106, households_needed: 12340 },
    'plan:remove-row': (input) => ROWS.filter((r) => r.audience_id !== input.audience_id),
    'plan:add-row': (input) => [
      ...ROWS,
      { audience_id: input.audience_id, audience: 'New movers', priority: 3, approved_version: 1 },
    ],
    'plan:settings': (input) => ({ ...VIEW.settings, ...input }),
    'plan:run-month': () => RUN_JOB,
    'plan:run-outcome': () => RUN,
    'plan:recipients': () => ({
      rows: [
        {
          customer_id: 6,
          customer_number: '0006',
          name: 'Ann Lee',
          household_id: 2,
          audience: 'Homeowners',
          offer: 'HELOC-EQ',
          group: 'control',
          keycode: 'K1',
        },
        {
          customer_id: 7,
          customer_number: '0007',
          name: 'Jane Smith',
          household_id: 3,
          audience: 'Homeowners',
          offer: 'HELOC-EQ',
          group: 'mailed',
          keycode: 'K2',
        },
      ],
      total: 2,
    }),
    'plan:finalize': () => ({ ...RUN, status: 'final' }),
    'plan:preview': () => PDF,
    'customers:get': () => PROFILE,
    'customers:list': () => customerPage([customerRow(7, 'Jane Smith')]),
    'jobs:get': () => RUN_JOB,
    'jobs:cancel': () => ({ cancelled: true }),
    ...overrides,
  };
}
