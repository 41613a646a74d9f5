// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countByRule,
  importResultWords,
  responseProfiles,
  RESPONSE_PROFILE,
} from '../../../src-renderer/campaigns/campaign-words';
import type { ResponseImport, ResponseRow } from '../../../src-shared/measure';
import {
  campaignsHandlers,
  DOUBTFUL,
  IMPORT_RESULT,
  MATCHED,
  RUNS,
  responseImport,
  SAVED_PROFILES,
} from './campaigns-data';
import { MockError } from './mock-api';
import { deferred, renderApp, resetApp } from './render-app';

afterEach(resetApp);

const cells = (row: HTMLElement) => Array.from(row.children, (c) => c.textContent);
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('Campaigns words', () => {
  it('says what an import did, naming the doubtful apart from the unmatched', () => {
    expect(importResultWords(IMPORT_RESULT)).toBe(
      '312 rows: 40 opened before the drop (not responses); 268 matched, 4 doubtful to review, 0 unmatched; match rate 98.5%',
    );
    expect(
      importResultWords({
        import_id: 1,
        rows: 1,
        not_responses: 0,
        matched: 0,
        doubtful: 0,
        unmatched: 1,
        match_rate: 0,
      }),
    ).toBe(
      '1 row: 0 opened before the drop (not responses); 0 matched, 0 doubtful to review, 1 unmatched; match rate 0%',
    );
  });

  it('offers the response layout first, then the profiles that map an accounts file', () => {
    expect(responseProfiles(SAVED_PROFILES).map((p) => p.name)).toEqual([
      RESPONSE_PROFILE,
      'mainstreet-standard',
      'jack-henry',
    ]);
    expect(responseProfiles([]).map((p) => p.name)).toEqual([RESPONSE_PROFILE]);
  });

  it('counts matches by rule in a fixed order, leaving out rules with none', () => {
    expect(countByRule(MATCHED).map((r) => [r.label, r.count])).toEqual([
      ['Customer number', 2],
      ['Keycode', 1],
      ['Household', 1],
      ['Name and address', 1],
    ]);
  });
});

describe('Campaigns › Runs', () => {
  it('lists every run with its status, pieces mailed, held out and cells, and opens the newest', async () => {
    renderApp(campaignsHandlers(), '#/campaigns');
    const table = await screen.findByRole('table', { name: 'Campaigns' });
    expect(rowsOf(table).map(cells)).toEqual([
      ['Dec 2026', '6', 'For review', '80', '9', 'Homeowners · HELOC-EQ'],
      ['Nov 2026', '5', 'Final', '472', '52', 'Homeowners · HELOC-EQSavers · CD-12'],
    ]);
    expect(rowsOf(table)[0]?.getAttribute('aria-current')).toBe('true');
    const detail = screen.getByTestId('run-detail');
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('Run 6 · December 2026 · For review');
    expect(within(detail).getByRole('button', { name: 'Finalize…' })).toBeTruthy();
    expect(within(detail).queryByRole('link', { name: /^Results of run/ })).toBeNull();
    expect(screen.queryByText('Not built yet in this version.')).toBeNull();
  });

  it('opens another run from the keyboard: its cells with totals, the waterfall, Results, and its recipients', async () => {
    const api = renderApp(campaignsHandlers(), '#/campaigns');
    const table = await screen.findByRole('table', { name: 'Campaigns' });
    // One tab stop: the first row; ↓ moves, Enter opens.
    rowsOf(table)[0]?.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const detail = screen.getByTestId('run-detail');
    await waitFor(() => expect(within(detail).getByTestId('run-detail-status').textContent).toBe('Final'));
    expect(rowsOf(table)[1]?.getAttribute('aria-current')).toBe('true');
    expect(rowsOf(within(detail).getByRole('table', { name: 'Run cells' })).map(cells)).toEqual([
      ['Homeowners', 'HELOC-EQ', '159', '121', '13'],
      ['Savers', 'CD-12', '549', '351', '39'],
      ['All cells', '708', '472', '52'],
    ]);
    expect(rowsOf(within(detail).getByRole('table', { name: 'Run waterfall' })).map(cells)).toEqual([
      ['Eligible (the rules)', '0', '708'],
      ['One letter per household', '−184', '524'],
      ['Control group (held out)', '−52', '472'],
    ]);
    expect(within(detail).getByRole('link', { name: 'Results of run 5' }).getAttribute('href')).toBe('#/results');
    expect(within(detail).queryByRole('button', { name: 'Finalize…' })).toBeNull();

    const recipients = await screen.findByRole('table', { name: 'Recipients of run 5' });
    await waitFor(() => expect(within(recipients).getAllByTestId('recipient-row')).toHaveLength(25));
    expect(api.inputs('plan:recipients').at(-1)).toEqual({ run_id: 5, page: 1, page_size: 25 });
    const first = within(recipients).getAllByTestId('recipient-row')[0] as HTMLElement;
    expect(cells(first)).toEqual([
      'K0001',
      'Pat Person0',
      '002000',
      '500',
      'Homeowners',
      'HELOC-EQ',
      'Held out (control)',
    ]);
    expect(within(first).getByRole('link', { name: 'Pat Person0' }).getAttribute('href')).toBe('#/customers/100');
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(api.inputs('plan:recipients').at(-1)).toEqual({ run_id: 5, page: 2, page_size: 25 }));
    await waitFor(() =>
      expect(cells(within(recipients).getAllByTestId('recipient-row')[0] as HTMLElement)[0]).toBe('K0026'),
    );
    // Enter on a recipient opens the customer.
    (within(recipients).getAllByTestId('recipient-row')[1] as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/customers/126'));
  });

  it('finalizes a run for review after asking, and shows it final', async () => {
    let runs = RUNS;
    const api = renderApp(
      campaignsHandlers({
        'plan:runs': () => runs,
        'plan:finalize': (input) => {
          runs = runs.map((r) => (r.run_id === input.run_id ? { ...r, status: 'final' } : r));
          return runs.find((r) => r.run_id === input.run_id)!;
        },
      }),
      '#/campaigns',
    );
    const finalize = await screen.findByRole('button', { name: 'Finalize…' });
    await userEvent.click(finalize);
    let dialog = screen.getByRole('alertdialog', { name: 'Finalize Run 6 · December 2026?' });
    expect(dialog.textContent).toContain('the contact history of 80 mailed pieces is written');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('plan:finalize')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Finalize…' }));
    dialog = screen.getByRole('alertdialog', { name: 'Finalize Run 6 · December 2026?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Finalize' }));
    expect(api.inputs('plan:finalize')).toEqual([{ run_id: 6 }]);
    await waitFor(() => expect(screen.getByTestId('run-detail-status').textContent).toBe('Final'));
    expect(screen.getByRole('link', { name: 'Results of run 6' })).toBeTruthy();
    await waitFor(() =>
      expect(cells(rowsOf(screen.getByRole('table', { name: 'Campaigns' }))[0] as HTMLElement)[2]).toBe('Final'),
    );
  });

  it('with no run yet, points to Run a month', async () => {
    renderApp(campaignsHandlers({ 'plan:runs': () => [] }), '#/campaigns');
    expect(await screen.findByText(/No month has been run yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Run a month' }).getAttribute('href')).toBe('#/month-run');
  });

  it('says why the runs could not be loaded, and Retry asks again', async () => {
    let fail = true;
    renderApp(
      campaignsHandlers({
        'plan:runs': () => {
          if (fail) throw new MockError('internal', 'disk I/O error');
          return RUNS;
        },
      }),
      '#/campaigns',
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The runs could not be loaded: disk I/O error');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Campaigns' })).toBeTruthy();
  });

  it('the tabs move between Runs and Responses by route', async () => {
    renderApp(campaignsHandlers(), '#/campaigns');
    const responses = await screen.findByRole('tab', { name: 'Responses' });
    screen.getByRole('tab', { name: 'Runs' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(window.location.hash).toBe('#/responses'));
    expect(responses.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('form', { name: 'Import responses' })).toBeTruthy();
  });
});

describe('Campaigns › Responses', () => {
  it('explains how matching works and how responses count', async () => {
    renderApp(campaignsHandlers(), '#/responses');
    const words = (await screen.findByTestId('how-matching')).textContent ?? '';
    expect(words).toContain('by customer number');
    expect(words).toContain('within the ZIP code');
    expect(words).toContain('from 75% to 90% it waits for your review');
    expect(words).toContain('on or after the drop');
    expect(words).toContain('last touch');
  });

  it('imports a file through a profile and a run, and says what happened in words', async () => {
    const later = deferred<typeof IMPORT_RESULT>();
    const api = renderApp(campaignsHandlers({ 'responses:import': () => later.promise }), '#/responses');
    const form = await screen.findByRole('form', { name: 'Import responses' });
    const profile = within(form).getByLabelText('Read it as') as HTMLSelectElement;
    await waitFor(() => expect(profile.options).toHaveLength(3));
    expect(Array.from(profile.options, (o) => o.textContent)).toEqual([
      'Response layout: new accounts, applications, approvals, keycodes',
      'Mainstreet standard layout: its accounts file',
      'Jack Henry SilverLake: its accounts file',
    ]);
    const run = within(form).getByLabelText('Match to') as HTMLSelectElement;
    expect(Array.from(run.options, (o) => o.textContent)).toEqual([
      'Every final run',
      'Run 6 · Dec 2026 (for review)',
      'Run 5 · Nov 2026 (final)',
    ]);
    expect(run.value).toBe('final');
    const importButton = within(form).getByRole('button', { name: 'Import' });
    expect(importButton).toHaveProperty('disabled', true);

    await userEvent.type(within(form).getByLabelText('Response file'), '  /exports/responses.csv ');
    await userEvent.click(importButton);
    expect(api.inputs('responses:import')).toEqual([{ path: '/exports/responses.csv', profile: RESPONSE_PROFILE }]);
    expect(within(form).getByRole('button', { name: 'Importing…' })).toHaveProperty('disabled', true);
    const listed = api.inputs('responses:list').length;
    later.resolve(IMPORT_RESULT);
    expect((await screen.findByTestId('import-result')).textContent).toBe(
      'Import #3 — 312 rows: 40 opened before the drop (not responses); 268 matched, 4 doubtful to review, 0 unmatched; match rate 98.5%.',
    );
    // The lists are read again.
    await waitFor(() => expect(api.inputs('responses:list').length).toBeGreaterThanOrEqual(listed + 4));
    expect(api.inputs('responses:imports').length).toBeGreaterThanOrEqual(2);

    // Another profile and one run.
    await userEvent.selectOptions(profile, 'jack-henry');
    await userEvent.selectOptions(run, '5');
    await userEvent.click(within(form).getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(api.inputs('responses:import').at(-1)).toEqual({
        path: '/exports/responses.csv',
        profile: 'jack-henry',
        run_id: 5,
      }),
    );
  });

  it('takes responses from the bank’s imported data without a file, for the run chosen', async () => {
    const api = renderApp(campaignsHandlers(), '#/responses');
    await screen.findByRole('form', { name: 'Import responses' });
    await userEvent.click(screen.getByRole('button', { name: 'Take responses from the bank’s data' }));
    expect(api.inputs('responses:scan')).toEqual([{}]);
    expect((await screen.findByTestId('import-result')).textContent).toMatch(/^Import #9 — 3 rows: .*3 matched/);
    await userEvent.selectOptions(screen.getByLabelText('Match to'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Take responses from the bank’s data' }));
    await waitFor(() => expect(api.inputs('responses:scan').at(-1)).toEqual({ run_id: 5 }));
  });

  it('a chosen file is staged and its path filled in', async () => {
    window.mainstreetFiles = { pathForFile: (file) => `/home/m/${file.name}` };
    try {
      renderApp(campaignsHandlers(), '#/responses');
      const form = await screen.findByRole('form', { name: 'Import responses' });
      await userEvent.upload(
        within(form).getByLabelText('Choose file…'),
        new File(['response_date\n'], 'responses.csv', { type: 'text/csv' }),
      );
      await waitFor(() =>
        expect((within(form).getByLabelText('Response file') as HTMLInputElement).value).toBe('/home/m/responses.csv'),
      );
    } finally {
      delete window.mainstreetFiles;
    }
  });

  it('shows a refused file in full: every bad row by file, row, column and value', async () => {
    const refusal =
      'responses.csv was not imported (2 problems in 3 rows; nothing was stored). Fix the file and import it again:\n' +
      '- responses.csv, row 2, column response_date, value "2026-13-01": expected a date as YYYY-MM-DD\n' +
      '- responses.csv, row 3, column response_type, value "visit": expected one of account, application, approval, keycode';
    renderApp(
      campaignsHandlers({
        'responses:import': () => {
          throw new MockError('invalid_input', refusal);
        },
      }),
      '#/responses',
    );
    const form = await screen.findByRole('form', { name: 'Import responses' });
    await userEvent.type(within(form).getByLabelText('Response file'), '/exports/responses.csv');
    await userEvent.click(within(form).getByRole('button', { name: 'Import' }));
    const alert = await screen.findByTestId('import-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(refusal);
    expect(screen.queryByTestId('import-result')).toBeNull();
  });

  it('with no run yet, says responses need one', async () => {
    renderApp(campaignsHandlers({ 'plan:runs': () => [] }), '#/responses');
    expect(await screen.findByText(/responses are matched to the households a run mailed or held out/)).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Import responses' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Run a month' }).getAttribute('href')).toBe('#/month-run');
  });

  it('lists the imports and takes one back after asking', async () => {
    let imports: ResponseImport[] = [responseImport(4), responseImport(2, { run_id: 5, not_responses: 0 })];
    const api = renderApp(
      campaignsHandlers({
        'responses:imports': () => imports,
        'responses:delete-import': (input) => {
          imports = imports.filter((i) => i.id !== input.import_id);
          return imports;
        },
      }),
      '#/responses',
    );
    const table = await screen.findByRole('table', { name: 'Response imports' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    const row = rowsOf(table)[1] as HTMLElement;
    expect(cells(row).slice(0, 9)).toEqual([
      '#2',
      expect.stringMatching(/^Dec 20, 2026/),
      'mdavis',
      'responses-2.csv',
      'mainstreet-responses',
      'Run 5 · Nov 2026 (final)',
      '312',
      '268',
      '4',
    ]);
    expect(cells(rowsOf(table)[0] as HTMLElement)[5]).toBe('Every final run');
    expect(cells(rowsOf(table)[0] as HTMLElement)[6]).toBe('31240 before the drop');

    const takeBack = within(row).getByRole('button', { name: 'Take back import #2' });
    await userEvent.click(takeBack);
    let dialog = screen.getByRole('alertdialog', { name: 'Take back import #2?' });
    expect(dialog.textContent).toContain('This removes the 312 rows of responses-2.csv');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('responses:delete-import')).toEqual([]);
    expect(document.activeElement).toBe(takeBack);

    await userEvent.click(takeBack);
    dialog = screen.getByRole('alertdialog', { name: 'Take back import #2?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Take it back' }));
    expect(api.inputs('responses:delete-import')).toEqual([{ import_id: 2 }]);
    const said = await screen.findByText('Import #2 was taken back.');
    await waitFor(() => expect(rowsOf(table)).toHaveLength(1));
    expect(document.activeElement).toBe(said);
  });

  it('says when there is no import yet', async () => {
    renderApp(campaignsHandlers({ 'responses:imports': () => [] }), '#/responses');
    expect(await screen.findByText('No response file has been imported yet.')).toBeTruthy();
  });

  it('reviews doubtful matches: Confirm and Reject update the row and keep the focus on it', async () => {
    const api = renderApp(campaignsHandlers(), '#/responses');
    const table = await screen.findByRole('table', { name: 'Matches to review' });
    // The response's name and address beside the customer it matched, to compare.
    expect(rowsOf(table).map((r) => cells(r).slice(0, 7))).toEqual([
      [
        'Pat Smitx14 ELM STREET, 50010 · NEW-2',
        'Pat Smith12 ELM ST, AMES IA 50010',
        'CD-12M',
        '2026-11-12',
        '82.3% name and address',
        'Name and address are close: confirm or reject',
        'Waiting for review',
      ],
      [
        'Lee Jonas9 OAK AVE, 50011 · NEW-4',
        'Lee Jones9 OAK AVE, AMES IA 50011',
        'CD-12M',
        '2026-11-12',
        '78% name and address',
        'Name and address are close: confirm or reject',
        'Waiting for review',
      ],
    ]);
    expect(within(table).getByRole('link', { name: 'Pat Smith' }).getAttribute('href')).toBe('#/customers/121');
    expect(screen.getByText(/2 matches waiting\./)).toBeTruthy();

    const confirm = within(table).getByRole('button', { name: 'Confirm Pat Smitx' });
    confirm.focus();
    await userEvent.keyboard('{Enter}');
    expect(api.inputs('responses:decide')).toEqual([{ id: DOUBTFUL[0]!.id, decision: 'confirmed' }]);
    const first = rowsOf(table)[0] as HTMLElement;
    await waitFor(() => expect(within(first).getByTestId('review-status').textContent).toBe('Confirmed'));
    expect(confirm.getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(confirm);
    expect(screen.getByText('Pat Smitx: confirmed.')).toBeTruthy();
    expect(screen.getByText(/1 match waiting\./)).toBeTruthy();
    // The confirmed count is read again.
    await waitFor(() => expect(api.inputs('responses:list').filter((i) => i.status === 'confirmed')).toHaveLength(2));
    // Confirming again asks nothing; Tab reaches Reject, which changes the decision.
    await userEvent.keyboard('{Enter}');
    expect(api.inputs('responses:decide')).toHaveLength(1);
    await userEvent.tab();
    expect(document.activeElement).toBe(within(first).getByRole('button', { name: 'Reject Pat Smitx' }));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(within(first).getByTestId('review-status').textContent).toBe('Rejected'));
    expect(api.inputs('responses:decide').at(-1)).toEqual({ id: DOUBTFUL[0]!.id, decision: 'rejected' });
  });

  it('says why a decision was refused', async () => {
    renderApp(
      campaignsHandlers({
        'responses:decide': () => {
          throw new MockError('not_found', 'No response 21.');
        },
      }),
      '#/responses',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Reject Pat Smitx' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The match of Pat Smitx could not be rejected: No response 21.',
    );
    expect(screen.getAllByTestId('review-status')[0]?.textContent).toBe('Waiting for review');
  });

  it('shows the unmatched with their reason and the matched counted by rule', async () => {
    const confirmed: ResponseRow[] = [{ ...DOUBTFUL[0]!, match_status: 'confirmed', note: null }];
    renderApp(
      campaignsHandlers({
        'responses:list': (input) => {
          if (input.status === 'unmatched')
            return [
              {
                ...DOUBTFUL[1]!,
                id: 31,
                name: 'Zed Nobody',
                customer_number: 'NEW-3',
                match_status: 'unmatched',
                match_rule: null,
                match_score: null,
                customer_id: null,
                note: 'No customer NEW-3, and nothing else matched',
              },
            ];
          if (input.status === 'matched') return MATCHED;
          if (input.status === 'confirmed') return confirmed;
          return [];
        },
      }),
      '#/responses',
    );
    const unmatched = await screen.findByRole('table', { name: 'Unmatched responses' });
    expect(rowsOf(unmatched).map(cells)).toEqual([
      ['Zed Nobody', 'NEW-3', '—', 'CD-12M', '2026-11-12', 'No customer NEW-3, and nothing else matched', '#2, row 23'],
    ]);
    expect(screen.getByText('Nothing waits for review.')).toBeTruthy();
    const summary = screen.getByRole('table', { name: 'Matched responses by rule' });
    expect(within(summary).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['Customer number', '2'],
      ['Keycode', '1'],
      ['Household', '1'],
      ['Name and address', '1'],
      ['Name and address, confirmed by you', '1'],
      ['All matched', '6'],
    ]);
  });

  it('with nothing imported, each list says so', async () => {
    renderApp(campaignsHandlers({ 'responses:list': () => [] }), '#/responses');
    expect(await screen.findByText('Nothing waits for review.')).toBeTruthy();
    expect(screen.getByText('No response has been matched yet.')).toBeTruthy();
    expect(screen.getByText('Every response is matched or waiting for review.')).toBeTruthy();
  });
});
