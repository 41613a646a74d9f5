// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setApi } from '../../../src-renderer/lib/api';
import { HistoryTab } from '../../../src-renderer/results/history-tab';
import type { HistoryImport, HistoryReport } from '../../../src-shared/history';
import { MockError, createMockApi, type MockHandlers } from './mock-api';
import { resetApp } from './render-app';

afterEach(resetApp);

const UCI: HistoryImport = {
  id: 4,
  name: 'Term deposits by phone',
  family: 'cd',
  file: 'bank-full.csv',
  contacts: 45211,
  responders: 5289,
  rate: 5289 / 45211,
  imported_at: '2026-11-23T10:00:00.000Z',
  imported_by: 'carol',
};

const REPORT: HistoryReport = {
  history: UCI,
  segments: [
    {
      key: 'previous_outcome',
      label: 'Previous campaign’s outcome',
      values: [
        { value: 'unknown', contacts: 36959, responders: 3386, rate: 0.0916, ci_low: 0.0887, ci_high: 0.0946 },
        { value: 'success', contacts: 1511, responders: 978, rate: 0.6473, ci_low: 0.6232, ci_high: 0.6714 },
      ],
    },
    {
      key: 'month',
      label: 'Month contacted',
      values: [{ value: 'mar', contacts: 477, responders: 248, rate: 0.5199, ci_low: 0.475, ci_high: 0.5647 }],
    },
  ],
};

function renderTab(handlers: MockHandlers) {
  const api = createMockApi(handlers);
  setApi(api);
  render(<HistoryTab />);
  return api;
}

describe('Results › History baseline', () => {
  it('says none is imported yet, imports a file with its name and product, then shows its rates by segment', async () => {
    let histories: HistoryImport[] = [];
    const api = renderTab({
      'history:list': () => histories,
      'history:import': () => {
        histories = [UCI];
        return UCI;
      },
      'history:report': () => REPORT,
    });
    expect(await screen.findByText('No past campaign imported yet.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Import a past campaign' });
    await userEvent.type(within(form).getByLabelText('File'), '/data/bank-full.csv');
    await userEvent.type(within(form).getByLabelText('Name'), 'Term deposits by phone');
    await userEvent.click(within(form).getByRole('button', { name: 'Import' }));
    expect(api.inputs('history:import')).toEqual([
      { path: '/data/bank-full.csv', name: 'Term deposits by phone', family: 'cd' },
    ]);
    const report = await screen.findByTestId('history-report');
    expect(within(report).getByRole('heading', { level: 2 }).textContent).toBe(
      'Term deposits by phone: 11.7% responded',
    );
    const table = within(report).getByRole('table', { name: 'Response by previous campaign’s outcome' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'Previous campaign’s outcomeContactsRespondedRate95% interval',
      'unknown36,9593,3869.2%8.9% – 9.5%',
      'success1,51197864.7%62.3% – 67.1%',
    ]);
    await userEvent.selectOptions(within(report).getByLabelText('Response by'), 'Month contacted');
    expect(within(report).getByRole('table', { name: 'Response by month contacted' })).toBeTruthy();
  });

  it('shows what the API refuses, in full', async () => {
    renderTab({
      'history:list': () => [],
      'history:import': () => {
        throw new MockError(
          'invalid_input',
          'bad.csv was not imported (1 problems; nothing was stored):\n- bad.csv, row 3, column y, value "maybe": expected yes or no',
        );
      },
    });
    const form = await screen.findByRole('form', { name: 'Import a past campaign' });
    await userEvent.type(within(form).getByLabelText('File'), '/data/bad.csv');
    await userEvent.type(within(form).getByLabelText('Name'), 'x');
    await userEvent.click(within(form).getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /row 3, column y, value "maybe": expected yes or no/,
    );
  });

  it('removes a history only after asking', async () => {
    let histories = [UCI];
    const api = renderTab({
      'history:list': () => histories,
      'history:report': () => REPORT,
      'history:delete': () => {
        histories = [];
        return [];
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Term deposits by phone' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Term deposits by phone?' });
    expect(dialog.textContent).toMatch(/45,211 contacts go/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(api.inputs('history:delete')).toEqual([{ id: 4 }]);
    await waitFor(() => expect(screen.getByText('No past campaign imported yet.')).toBeTruthy());
  });
});
