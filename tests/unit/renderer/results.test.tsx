// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verdict } from '../../../src-renderer/results/results-words';
import type { CampaignReport, CampaignSummary, CellFigures } from '../../../src-shared/measure';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';

afterEach(resetApp);

function figures(over: Partial<CellFigures> = {}): CellFigures {
  return {
    mailed: 1000,
    control: 1000,
    responders_mailed: 50,
    responders_control: 20,
    direct_mailed: 45,
    indirect_mailed: 5,
    direct_control: 18,
    indirect_control: 2,
    rate_mailed: 0.05,
    rate_control: 0.02,
    lift: 0.03,
    lift_ci_low: 0.0137,
    lift_ci_high: 0.0463,
    p_value: 0.0002,
    incremental_responses: 30,
    balance_mailed_cents: 15_000_000,
    balance_control_cents: 6_000_000,
    incremental_balance_cents: 9_000_000,
    cost_cents: 62_000,
    margin_cents: 900_000,
    monthly_margin_cents: 30_000,
    upfront_cents: 100_000,
    romi: 13.5,
    payback_months: 3.3,
    break_even_rate: 0.002,
    scenarios: { conservative: 5.2, expected: 13.5, aggressive: 21.8 },
    ...over,
  };
}

const REPORT: CampaignReport = {
  run_id: 4,
  month: '2026-11',
  drop_date: '2026-11-01',
  status: 'final',
  attribution: 'last',
  attribution_words: 'last touch: the most recent drop before the response gets it',
  method: 'Lift = mailed response rate − control response rate; 95% Wald interval.',
  cells: [
    { audience: 'Homeowners', offer: 'HELOC-EQ', ...figures({ mailed: 400, control: 400 }) },
    { audience: 'Savers', offer: 'CD-12', ...figures({ mailed: 600, control: 600, lift_ci_low: -0.004, lift: 0.01 }) },
  ],
  totals: figures(),
  quality: {
    responses: 70,
    outside_window: 2,
    already_held: 1,
    other_campaigns: 0,
    doubtful: 3,
    unmatched: 4,
    match_rate: 0.9,
  },
  by_day: Array.from({ length: 91 }, (_, day) => ({ day, mailed: (0.05 * day) / 90, control: (0.02 * day) / 90 })),
  funnel: {
    mailed: { pieces: 1000, responded: 50, funded: 45, active: 30 },
    control: { pieces: 1000, responded: 20, funded: 18, active: 12 },
  },
  balance_growth: null,
  branch: null,
};

const OVERVIEW: CampaignSummary[] = [
  { run_id: 5, month: '2026-12', status: 'review', responses: 0, totals: figures({ romi: null }) },
  { run_id: 4, month: '2026-11', status: 'final', responses: 70, totals: figures() },
];

const handlers = (over = {}) => ({
  'report:overview': () => OVERVIEW,
  'report:campaign': (input: { run_id: number; attribution: string; branch: string | null }) => ({
    ...REPORT,
    run_id: input.run_id,
    attribution: input.attribution as CampaignReport['attribution'],
    branch: input.branch,
  }),
  'report:export': (input: { format: 'pdf' | 'xlsx' }) => ({
    file_name: `campaign.${input.format}`,
    mime: 'application/pdf',
    base64: btoa('%PDF-1.3'),
  }),
  ...over,
});

describe('Results words', () => {
  it('says a lift is proven only when its interval is clear of zero', () => {
    expect(verdict(figures()).proven).toBe(true);
    expect(verdict(figures({ lift_ci_low: -0.001 })).words).toMatch(/^Not proven: the 95% interval/);
    expect(verdict(figures({ lift: null, lift_ci_low: null, lift_ci_high: null })).words).toMatch(/No control group/);
    expect(verdict(figures({ lift: -0.02, lift_ci_low: -0.03, lift_ci_high: -0.01 })).words).toMatch(/less than/);
  });
});

describe('Results › Dashboard', () => {
  it('opens the newest campaign with responses and says whether it paid, each figure with its formula', async () => {
    const api = renderApp(handlers(), '#/results');
    expect((await screen.findByTestId('verdict')).textContent).toBe(
      'Proven lift: the mail raised response by +3.00 pts (95% interval +1.37 pts to +4.63 pts).',
    );
    expect(api.inputs('report:campaign')).toEqual([{ run_id: 4, attribution: 'last', branch: null }]);
    const tiles = screen.getAllByTestId('figure');
    const romi = tiles.find((t) => t.textContent?.startsWith('ROMI'))!;
    expect(within(romi).getByRole('tooltip').textContent).toMatch(/^\(margin − cost\) ÷ cost/);
    expect(romi.getAttribute('aria-describedby')).toBe(within(romi).getByRole('tooltip').id);
    expect(romi.textContent).toContain('1350%');
    expect(romi.textContent).toContain('conservative 520% · aggressive 2180%');
    // The cells, their total, and the data quality with a way to the review.
    const table = screen.getByRole('table', { name: 'Results by cell' });
    expect(
      within(table)
        .getAllByTestId('result-cell')
        .map((r) => r.querySelector('th')?.textContent),
    ).toEqual(['Homeowners · HELOC-EQ', 'Savers · CD-12', 'All cells']);
    const quality = screen.getByTestId('quality');
    expect(quality.textContent).toContain('Match rate90.0%');
    expect(screen.getByRole('link', { name: 'Review the doubtful and unmatched responses' }).getAttribute('href')).toBe(
      '#/responses',
    );
    expect(screen.getByTestId('growth').textContent).toMatch(/Needs balance snapshots after the drop/);
    // The lift chart marks the proven cell only.
    const lifts = screen.getByTestId('lift-chart').querySelectorAll('.lift-interval');
    expect([...lifts].map((l) => l.classList.contains('proven'))).toEqual([true, false, true]);
  });

  it('asks again with the attribution and branch chosen, and narrows the cells by offer', async () => {
    const api = renderApp(handlers(), '#/results');
    await screen.findByTestId('verdict');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Attribution/ }), 'Equal split');
    await waitFor(() =>
      expect(api.inputs('report:campaign').at(-1)).toEqual({ run_id: 4, attribution: 'equal', branch: null }),
    );
    expect(screen.getByTestId('attribution-words').textContent).toMatch(/^Attribution by equal split/);
    await userEvent.type(screen.getByLabelText('Branch code'), 'br02{Enter}');
    await waitFor(() =>
      expect(api.inputs('report:campaign').at(-1)).toEqual({ run_id: 4, attribution: 'equal', branch: 'BR02' }),
    );
    await screen.findByTestId('verdict');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Offer/ }), 'CD-12');
    const table = screen.getByRole('table', { name: 'Results by cell' });
    expect(within(table).getAllByTestId('result-cell')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Did it pay? (Savers · CD-12)' })).toBeTruthy();
    expect(screen.getByTestId('verdict').textContent).toMatch(/^Not proven/);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: /^Campaign/ }),
      '2026-12 · run 5 (for review, 0 responses)',
    );
    await waitFor(() => expect(api.inputs('report:campaign').at(-1)).toMatchObject({ run_id: 5 }));
  });

  it('downloads the executive report and the tables', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = renderApp(handlers(), '#/results');
    await screen.findByTestId('verdict');
    await userEvent.click(screen.getByRole('button', { name: 'Executive report (PDF)' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Tables (Excel)' }));
    await waitFor(() => expect(api.inputs('report:export')).toHaveLength(2));
    expect(api.inputs('report:export')).toEqual([
      { run_id: 4, attribution: 'last', branch: null, format: 'pdf' },
      { run_id: 4, attribution: 'last', branch: null, format: 'xlsx' },
    ]);
    expect(created).toHaveBeenCalledTimes(2);
    expect(clicked).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
  });

  it('says what to do with no campaign yet, and shows why the results could not be worked out', async () => {
    renderApp(handlers({ 'report:overview': () => [] }), '#/results');
    expect((await screen.findByTestId('no-runs')).textContent).toMatch(/run a month in Matrix › Run a month/);
    resetApp();
    renderApp(
      handlers({
        'report:campaign': () => {
          throw new MockError('not_found', 'No run 4.');
        },
      }),
      '#/results',
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/The results could not be worked out: No run 4\./);
  });

  it('the tabs move between the dashboard and the history baseline', async () => {
    renderApp(handlers({ 'history:list': () => [] }), '#/results');
    await screen.findByTestId('verdict');
    await userEvent.click(screen.getByRole('tab', { name: 'History baseline' }));
    expect(window.location.hash).toBe('#/history');
    expect(await screen.findByText('No past campaign imported yet.')).toBeTruthy();
  });
});
