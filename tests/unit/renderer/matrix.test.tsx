// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../src-renderer/lib/router';
import { dropOrder } from '../../../src-renderer/matrix/plan-grid';
import { defaultOutDir, splitReasons } from '../../../src-renderer/matrix/plan-words';
import { deferred, renderApp, resetApp } from './render-app';
import { MockError } from './mock-api';
import { PDF, PROJECTION, RUN, RUN_JOB, VIEW, planHandlers } from './plan-data';
import type { PlanProjection } from '../../../src-shared/plan';

afterEach(resetApp);

const figures = (label: string) => {
  const select = screen.getByLabelText(label);
  return select.parentElement?.querySelector('[data-testid="cell-figures"]')?.textContent ?? null;
};

describe('Matrix words', () => {
  it('puts the runs in the data folder by month, with its separator, and splits a refusal into reasons', () => {
    expect(defaultOutDir('/data/', '2026-11')).toBe('/data/runs/2026-11');
    expect(defaultOutDir('C:\\Users\\m\\Mainstreet', '2027-01')).toBe('C:\\Users\\m\\Mainstreet\\runs\\2027-01');
    expect(splitReasons('2026-11 cannot run yet:\n- a\n- b')).toEqual({
      head: '2026-11 cannot run yet:',
      reasons: ['a', 'b'],
    });
    expect(parseRoute('#/offers')).toEqual({ screen: 'offers' });
    expect(href({ screen: 'month-run' })).toBe('#/month-run');
  });
});

describe('Matrix › Plan', () => {
  it('lays out audiences by months with each filled cell’s projection, the month totals, and the year over budget', async () => {
    renderApp(planHandlers(), '#/matrix');
    const table = await screen.findByRole('table', { name: 'Plan matrix' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Priority · audience', 'Nov 2026', 'Dec 2026', 'Jan 2027']);
    expect(
      within(table)
        .getAllByTestId('plan-row')
        .map((r) => r.querySelector('th .wrap')?.textContent),
    ).toEqual(['1. Homeowners', '2. Savers']);
    expect((screen.getByLabelText('Homeowners, Nov 2026') as HTMLSelectElement).value).toBe('1');
    expect((screen.getByLabelText('Homeowners, Dec 2026') as HTMLSelectElement).value).toBe('');
    await waitFor(() => expect(figures('Homeowners, Nov 2026')).toBe('1,200 pieces$84012 responses$15,400 return'));
    expect(figures('Savers, Nov 2026')).toBe('2,000 pieces$1,24030 responses$9,000 return');
    expect(within(screen.getByTestId('plan-month-totals')).getAllByRole('cell')[0]?.textContent).toBe(
      '3,200 pieces$2,08042 responses$24,400 return',
    );
    expect(screen.getByTestId('year-cost').textContent).toBe('$2,080');
    expect(screen.getByTestId('year-budget').textContent).toBe('Over the $2,000 budget by $80');
    expect(screen.getByText('The plan costs more than the year’s budget.').getAttribute('role')).toBe('alert');
  });

  it('a year within budget says what is left', async () => {
    const within_: PlanProjection = { ...PROJECTION, year: { ...PROJECTION.year, budget: 5000 } };
    renderApp(planHandlers({ 'plan:projections': () => within_ }), '#/matrix');
    expect((await screen.findByTestId('year-budget')).textContent).toBe('Within the $5,000 budget ($2,920 left)');
    expect(screen.queryByText('The plan costs more than the year’s budget.')).toBeNull();
  });

  it('shows how many households each planned audience has and shares with the others', async () => {
    renderApp(planHandlers(), '#/matrix');
    const table = await screen.findByRole('table', { name: 'Households the audiences share' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children, (c) => c.textContent))).toEqual(
      VIEW.rows.map((row, i) => [
        `${i + 1}. ${row.audience}`,
        (1000 - i * 100).toLocaleString('en-US'),
        ...VIEW.rows.map((col, j) => (i === j ? '—' : i === 0 || j === 0 ? '42' : '0')),
      ]),
    );
  });

  it('sets a cell, shows it projecting, and asks for the projections again', async () => {
    const later = deferred<PlanProjection>();
    let asked = 0;
    const api = renderApp(
      planHandlers({ 'plan:projections': () => (++asked === 1 ? PROJECTION : later.promise) }),
      '#/matrix',
    );
    await screen.findByTestId('year-totals');
    await userEvent.selectOptions(screen.getByLabelText('Savers, Dec 2026'), 'HELOC-EQ');
    expect(api.inputs('plan:set-cell')).toEqual([{ month: '2026-12', audience_id: 12, offer_id: 1 }]);
    expect((screen.getByLabelText('Savers, Dec 2026') as HTMLSelectElement).value).toBe('1');
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Plan matrix' }).getAttribute('aria-busy')).toBe('true'),
    );
    expect(screen.getByText('Projecting the plan…')).toBeTruthy();
    later.resolve({
      ...PROJECTION,
      cells: [
        ...PROJECTION.cells,
        {
          ...PROJECTION.cells[0]!,
          month: '2026-12',
          audience_id: 12,
          pieces: 800,
          cost: 560,
          responses: 8,
          return: 9000,
        },
      ],
    });
    await waitFor(() => expect(figures('Savers, Dec 2026')).toBe('800 pieces$5608 responses$9,000 return'));
    expect(api.inputs('plan:projections')).toHaveLength(2);

    // Emptying a cell sends null.
    await userEvent.selectOptions(screen.getByLabelText('Homeowners, Nov 2026'), '—');
    expect(api.inputs('plan:set-cell').at(-1)).toEqual({ month: '2026-11', audience_id: 11, offer_id: null });
  });

  it('moves a row down from the keyboard with the new order, keeping the focus on the row moved', async () => {
    const api = renderApp(planHandlers(), '#/matrix');
    const down = await screen.findByRole('button', { name: /^Move down\W+Homeowners$/ });
    expect(screen.getByRole('button', { name: /^Move up\W+Homeowners$/ })).toHaveProperty('disabled', true);
    down.focus();
    await userEvent.keyboard('{Enter}');
    expect(api.inputs('plan:reorder')).toEqual([{ audience_ids: [12, 11] }]);
    await waitFor(() =>
      expect(screen.getAllByTestId('plan-row').map((r) => r.querySelector('th .wrap')?.textContent)).toEqual([
        '1. Savers',
        '2. Homeowners',
      ]),
    );
    // Homeowners is last now: its Move down is disabled and Move up has the focus.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Move up\W+Homeowners$/ })),
    );
  });

  it('says where each cell’s rate comes from, and warns when its holdout cannot prove the lift', async () => {
    renderApp(planHandlers(), '#/matrix');
    await waitFor(() => expect(screen.getAllByTestId('rate-source')).toHaveLength(2));
    const [usual, measured] = screen.getAllByTestId('rate-source');
    expect(usual!.textContent).toBe('1.00% usual rate');
    expect(measured!.textContent).toBe('1.50% measured');
    expect(measured!.getAttribute('title')).toMatch(/this offer’s past results, 30 of 2,000 pieces/);
    const warnings = screen.getAllByTestId('holdout-warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.getAttribute('title')).toMatch(/133 households held out; about 7,000 households are needed/);
  });

  it('works out the control group a lift needs in the sample-size planner', async () => {
    const api = renderApp(planHandlers(), '#/matrix');
    const form = await screen.findByRole('form', { name: 'Sample-size planner' });
    await userEvent.clear(within(form).getByLabelText('Control response rate %'));
    await userEvent.type(within(form).getByLabelText('Control response rate %'), '1.5');
    await userEvent.clear(within(form).getByLabelText('Lift worth detecting (points %)'));
    await userEvent.type(within(form).getByLabelText('Lift worth detecting (points %)'), '0.5');
    await userEvent.click(within(form).getByRole('button', { name: 'Work it out' }));
    expect(api.inputs('plan:sample-size')).toEqual([{ base_rate: 0.015, lift: 0.005, control_share: 0.1 }]);
    expect((await screen.findByTestId('sample-size-answer')).textContent).toBe(
      'Hold out 1,234 households and mail 11,106: a cell needs 12,340 households in all.',
    );
    await userEvent.clear(within(form).getByLabelText('Lift worth detecting (points %)'));
    await userEvent.type(within(form).getByLabelText('Lift worth detecting (points %)'), 'lots');
    await userEvent.click(within(form).getByRole('button', { name: 'Work it out' }));
    const planner = screen.getByRole('region', { name: 'Sample-size planner' });
    expect(within(planner).getByRole('alert').textContent).toBe('Write each as a percentage, e.g. 1.5.');
  });

  it('drags a row by its handle onto another row, which gives the new order', async () => {
    expect(dropOrder([1, 2, 3, 4], 0, 2)).toEqual([2, 3, 1, 4]);
    expect(dropOrder([1, 2, 3, 4], 3, 0)).toEqual([4, 1, 2, 3]);
    const api = renderApp(planHandlers(), '#/matrix');
    await screen.findByRole('button', { name: /^Move down\W+Homeowners$/ });
    const [first, second] = screen.getAllByTestId('plan-row');
    const transfer = { effectAllowed: '', dropEffect: '', setData: () => undefined };
    fireEvent.dragStart(within(first!).getByTestId('drag-handle'), { dataTransfer: transfer });
    fireEvent.dragOver(second!, { dataTransfer: transfer });
    // The row under the pointer shows where the dragged one lands.
    expect(second!.className).toContain('drop-below');
    fireEvent.drop(second!, { dataTransfer: transfer });
    expect(api.inputs('plan:reorder')).toEqual([{ audience_ids: [12, 11] }]);
    await waitFor(() =>
      expect(screen.getAllByTestId('plan-row').map((r) => r.querySelector('th .wrap')?.textContent)).toEqual([
        '1. Savers',
        '2. Homeowners',
      ]),
    );
    expect(screen.getAllByTestId('plan-row').some((r) => /drop-|dragging/.test(r.className))).toBe(false);
  });

  it('takes a row off the plan only after asking, saying how many planned offers go with it', async () => {
    const api = renderApp(planHandlers(), '#/matrix');
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Homeowners from the plan' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Take Homeowners off the plan?' });
    expect(dialog.textContent).toMatch(/Its \d+ planned offers? will be emptied/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('plan:remove-row')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Homeowners from the plan' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(api.inputs('plan:remove-row')).toEqual([{ audience_id: 11 }]);
    await waitFor(() =>
      expect(screen.getAllByTestId('plan-row').map((r) => r.querySelector('th .wrap')?.textContent)).toEqual([
        '1. Savers',
      ]),
    );
    expect(screen.queryByLabelText('Homeowners, Nov 2026')).toBeNull();
  });

  it('adds an approved audience not yet planned, and saves the settings', async () => {
    const api = renderApp(planHandlers(), '#/matrix');
    const pick = await screen.findByLabelText('Audience to add');
    expect(
      within(pick)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose an approved audience', 'New movers']);
    await userEvent.selectOptions(pick, 'New movers');
    await userEvent.click(screen.getByRole('button', { name: 'Add audience' }));
    expect(api.inputs('plan:add-row')).toEqual([{ audience_id: 13 }]);
    expect(await screen.findByText('3. New movers')).toBeTruthy();

    await userEvent.clear(screen.getByLabelText('Control group %'));
    await userEvent.type(screen.getByLabelText('Control group %'), '15');
    await userEvent.selectOptions(screen.getByLabelText('Offers per household a month'), '2');
    await userEvent.clear(screen.getByLabelText('Year’s budget ($)'));
    await userEvent.type(screen.getByLabelText('Year’s budget ($)'), '25,000');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(api.inputs('plan:settings')).toEqual([
      { start_month: '2026-11', control_share: 0.15, offers_per_household: 2, budget: 25000 },
    ]);
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
  });
});

describe('Matrix › Run a month', () => {
  it('runs a month through the job’s progress to its cells, waterfall and files; previews the first letter; finalizes', async () => {
    const api = renderApp(planHandlers(), '#/month-run');
    const folder = (await screen.findByLabelText('Output folder')) as HTMLInputElement;
    expect(folder.value).toBe('/data/runs/2026-11');
    await userEvent.selectOptions(screen.getByLabelText('Month to run'), 'December 2026');
    expect(folder.value).toBe('/data/runs/2026-12');
    await userEvent.selectOptions(screen.getByLabelText('Month to run'), 'November 2026');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    // The files hold personal data: the person is warned once for the run, and may step back.
    let warning = screen.getByRole('alertdialog', { name: 'These files hold personal data' });
    expect(warning.textContent).toContain('/data/runs/2026-11');
    await userEvent.click(within(warning).getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('plan:run-month')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    warning = screen.getByRole('alertdialog', { name: 'These files hold personal data' });
    await userEvent.click(within(warning).getByRole('button', { name: 'Save them there' }));
    expect(api.inputs('exports:acknowledge')).toEqual([
      { what: 'The files of November 2026', destination: '/data/runs/2026-11' },
    ]);
    expect(api.inputs('plan:run-month')).toEqual([{ month: '2026-11', out_dir: '/data/runs/2026-11' }]);
    const bar = await screen.findByRole('progressbar', { name: 'Running the month' });
    act(() => api.emit('job:progress', { ...RUN_JOB, current: 2, step: 'Writing letters' }));
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('Writing letters · 50%')).toBeTruthy();
    act(() => api.emit('job:progress', { ...RUN_JOB, state: 'done', current: 4, step: 'Done' }));

    const result = await screen.findByTestId('run-result');
    expect(api.inputs('plan:run-outcome')).toEqual([{ job_id: 'plan-1' }]);
    expect(within(result).getByTestId('run-status').textContent).toBe('For review');
    const cells = within(result).getByRole('table', { name: 'Run cells' });
    expect(within(cells).getAllByRole('row')[1]?.textContent).toBe('HomeownersHELOC-EQ15912113');
    const waterfall = within(result).getByRole('table', { name: 'Run waterfall' });
    expect(within(waterfall).getAllByRole('row')[2]?.textContent).toBe('One letter per household−184524');
    expect(within(result).getByRole('list', { name: 'Files written' }).textContent).toContain(
      '/data/runs/2026-11/letters-2026-11.pdf',
    );

    // The first mailed recipient (not the control) is looked up for a customer number.
    await userEvent.click(within(result).getByRole('button', { name: 'Preview the first letter' }));
    const frame = (await screen.findByTitle('The run’s first letter')) as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    expect(api.inputs('customers:get')).toEqual([{ id: 7 }]);
    expect(api.inputs('plan:preview')).toEqual([{ offer_id: 1, customer: '100007' }]);
    expect(screen.getByRole('link', { name: 'Download HELOC-EQ-100007.pdf' }).getAttribute('href')).toBe(
      frame.getAttribute('src'),
    );

    await userEvent.click(within(result).getByRole('button', { name: 'Finalize…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Finalize the November 2026 run?' });
    expect(dialog.textContent).toContain(
      'A final run cannot change; the contact history of 472 mailed pieces is written.',
    );
    expect(api.inputs('plan:finalize')).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Finalize' }));
    expect(api.inputs('plan:finalize')).toEqual([{ run_id: 5 }]);
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('Final'));
    expect(screen.queryByRole('button', { name: 'Finalize…' })).toBeNull();
  });

  it('shows a pre-flight refusal as a list of reasons', async () => {
    renderApp(
      planHandlers({
        'plan:run-month': () => {
          throw new MockError(
            'invalid_input',
            '2026-11 cannot run yet:\n- Savers has no approved version.\n- CD-12 has no mail cost.',
          );
        },
      }),
      '#/month-run',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Run' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save them there' }));
    const error = await screen.findByTestId('run-error');
    expect(error.querySelector('p')?.textContent).toBe('2026-11 cannot run yet:');
    expect(
      within(error)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Savers has no approved version.', 'CD-12 has no mail cost.']);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('lists the runs with their status and opens one', async () => {
    renderApp(planHandlers({ 'plan:runs': () => [{ ...RUN, status: 'final' }] }), '#/month-run');
    const runs = await screen.findByRole('table', { name: 'Runs' });
    expect(within(runs).getAllByRole('row')[1]?.textContent).toBe('5Nov 2026Final47252Open');
    await userEvent.click(within(runs).getByRole('button', { name: 'Open run 5' }));
    expect(within(await screen.findByTestId('run-result')).getByTestId('run-status').textContent).toBe('Final');
  });
});

describe('Matrix › Offers and letters', () => {
  it('lists offers with product, channels and the disclosures printed', async () => {
    renderApp(planHandlers(), '#/offers');
    const table = await screen.findByRole('table', { name: 'Offers' });
    const rows = within(table).getAllByTestId('offer-row');
    expect(rows[1]?.textContent).toContain('CD-12');
    expect(rows[1]?.textContent).toContain('12-Month CD');
    expect(rows[1]?.textContent).toContain('Mail $0.62');
    expect(
      within(rows[1]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Member FDIC.', 'APY is the Annual Percentage Yield, accurate as of the letter date.']);
    expect(rows[0]?.textContent).toContain('Mail $0.68 · Email $0.02');
  });

  it('creates an offer in a dialog with the right input, and shows what the API refuses', async () => {
    let attempt = 0;
    const api = renderApp(
      planHandlers({
        'offers:save': (input) => {
          if (++attempt === 1) throw new MockError('invalid_input', 'A CD offer needs the APY it quotes.');
          return { ...input.offer, id: 9, disclosures: ['Member FDIC.'] } as never;
        },
      }),
      '#/offers',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'New offer' }));
    const dialog = screen.getByRole('dialog', { name: 'New offer' });
    const d = within(dialog);
    expect(document.activeElement).toBe(d.getByLabelText('Code'));
    await userEvent.type(d.getByLabelText('Code'), 'cd-6');
    await userEvent.selectOptions(d.getByLabelText('Product'), 'CD-12M');
    await userEvent.type(d.getByLabelText('Name'), 'Six-month CD');
    await userEvent.type(d.getByLabelText('Headline'), 'Six months, one good rate.');
    await userEvent.type(d.getByLabelText('Offer paragraph'), 'Open one today.');
    await userEvent.type(d.getByLabelText('Mail cost a piece'), '0.55');
    await userEvent.click(d.getByLabelText('Email'));
    await userEvent.type(d.getByLabelText('Email cost a piece'), '0.02');
    await userEvent.selectOptions(d.getByLabelText('Letter template'), 'Standard letter');
    await userEvent.click(d.getByRole('button', { name: 'Save offer' }));
    expect((await d.findByRole('alert')).textContent).toBe('A CD offer needs the APY it quotes.');

    await userEvent.type(d.getByLabelText('APY quoted (%)'), '4.1');
    await userEvent.click(d.getByRole('button', { name: 'Save offer' }));
    expect(api.inputs('offers:save')[1]).toEqual({
      offer: {
        code: 'CD-6',
        product_code: 'CD-12M',
        name: 'Six-month CD',
        headline: 'Six months, one good rate.',
        body: 'Open one today.',
        incentive: '',
        response_days: 90,
        channels: { mail: 0.55, email: 0.02 },
        template_id: 1,
        apy: 4.1,
        prescreened: false,
      },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.inputs('plan:get').length).toBeGreaterThan(1);
  });

  it('edits a template with the merge fields listed, and previews a letter in a frame from a blob URL', async () => {
    const api = renderApp(planHandlers({ 'templates:save': (input) => ({ id: 1, ...input }) }), '#/offers');
    const body = (await screen.findByLabelText('Letter text')) as HTMLTextAreaElement;
    expect(body.value).toContain('{{offer.body}}');
    expect(screen.getByRole('list', { name: 'Merge fields' }).textContent).toContain('{{offer.respond_by}}');
    await waitFor(() => expect((screen.getByLabelText('Customer number') as HTMLInputElement).value).toBe('100007'));
    await userEvent.selectOptions(screen.getByLabelText('Offer to preview'), 'CD-12 — 12-month CD special');
    await userEvent.click(screen.getByRole('button', { name: 'Preview letter' }));
    const frame = (await screen.findByTitle('Letter preview')) as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    expect(api.inputs('plan:preview')).toEqual([{ offer_id: 2, customer: '100007' }]);

    // Saving the template merges the letter again.
    await userEvent.type(body, '\n\nSee you soon.');
    await userEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(api.inputs('templates:save')).toEqual([
      { name: 'Standard letter', body: '{{salutation}},\n\n{{offer.body}}\n\nSee you soon.' },
    ]);
    await waitFor(() => expect(api.inputs('plan:preview')).toHaveLength(2));
  });

  it('downloads the envelope calibration page', async () => {
    const api = renderApp(
      planHandlers({ 'plan:calibration': () => ({ ...PDF, file_name: 'envelope-calibration.pdf' }) }),
      '#/offers',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Envelope calibration page' }));
    await waitFor(() => expect(api.inputs('plan:calibration')).toEqual([{}]));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves a product’s economics', async () => {
    const api = renderApp(
      planHandlers({ 'economics:set': (input) => ({ ...input, name: 'Home Equity Line', family: 'heloc' }) }),
      '#/offers',
    );
    const balance = await screen.findByLabelText('Home Equity Line: Average balance ($)');
    await userEvent.clear(balance);
    await userEvent.type(balance, '40,000');
    await userEvent.click(screen.getByRole('button', { name: 'Save Home Equity Line' }));
    expect(api.inputs('economics:set')).toEqual([
      {
        code: 'HELOC',
        average_balance: 40000,
        spread_percent: 3,
        annual_fee: 0,
        life_months: 60,
        acquisition_cost: 150,
      },
    ]);
    expect(await screen.findByText('Saved')).toBeTruthy();
  });
});
