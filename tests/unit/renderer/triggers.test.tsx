// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DownloadFile } from '../../../src-shared/imports';
import { hitsPage, kliHandlers, TRIGGERS } from './kli-data';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';

afterEach(() => {
  vi.restoreAllMocks();
  resetApp();
});

const rulesTable = () => screen.findByRole('table', { name: 'Trigger rules' });
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));

describe('Triggers', () => {
  it('lists the rules in words with their switches, as a tab of the KLIs stage', async () => {
    renderApp(kliHandlers(), '#/klis');
    await userEvent.click(await screen.findByRole('tab', { name: 'Triggers' }));
    await waitFor(() => expect(window.location.hash).toBe('#/triggers'));
    const table = await rulesTable();
    expect(cells(table).map((r) => r.slice(1, 5))).toEqual([
      ['Large deposit', 'Large deposit', 'A deposit (checking) over $25,000.00', 'Offer money market next month'],
      [
        'Balance falls below $500',
        'Balance crosses a threshold',
        'Balance below $500.00 for 2 snapshots in a row',
        'Relationship manager call list',
      ],
    ]);
    expect((screen.getByLabelText('Enabled: Large deposit') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Enabled: Balance falls below $500') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('link', { name: 'KLIs' }).getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe('Triggers — Mainstreet');
  });

  it('switches, edits and adds triggers, then saves the whole list', async () => {
    const api = renderApp(kliHandlers(), '#/triggers');
    await rulesTable();
    const save = screen.getByRole('button', { name: 'Save triggers' });
    expect(save).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByLabelText('Enabled: Balance falls below $500'));
    expect(save).toHaveProperty('disabled', false);
    // Run now waits for the changes to be saved.
    expect(screen.getByRole('button', { name: 'Run now' })).toHaveProperty('disabled', true);

    await userEvent.click(screen.getByRole('button', { name: 'Edit Large deposit' }));
    const editor = screen.getByTestId('trigger-editor');
    fireEvent.change(within(editor).getByLabelText('Over an amount'), { target: { value: '' } });
    fireEvent.change(within(editor).getByLabelText('Over a percent of the balance'), { target: { value: '50' } });
    expect(within(editor).getByTestId('trigger-words').textContent).toBe(
      'A deposit (checking) over 50% of the balance.',
    );
    await userEvent.click(within(editor).getByRole('button', { name: 'Done' }));

    await userEvent.click(screen.getByRole('button', { name: 'Add a trigger' }));
    const added = screen.getByTestId('trigger-editor');
    fireEvent.change(within(added).getByLabelText('Name'), { target: { value: 'Savings above 50k' } });
    expect((within(added).getByLabelText('Id') as HTMLInputElement).value).toBe('savings-above-50k');
    await userEvent.selectOptions(within(added).getByLabelText('Watches for'), 'average-balance');
    fireEvent.change(within(added).getByLabelText('Threshold'), { target: { value: '' } });
    // An empty threshold keeps the list from being saved.
    expect(within(added).getByTestId('trigger-problems').textContent).toBe('Enter the balance threshold.');
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(within(added).getByLabelText('Threshold'), { target: { value: '50,000' } });
    fireEvent.change(within(added).getByLabelText('Consecutive monthly snapshots'), { target: { value: '2' } });
    await userEvent.click(within(added).getByLabelText('Savings'));
    await userEvent.click(within(added).getByLabelText('The relationship managers’ call list'));
    await userEvent.click(save);
    await screen.findByText('Saved 3 triggers.');
    expect(api.inputs('triggers:save')).toEqual([
      {
        rules: [
          { ...TRIGGERS[0], threshold_cents: undefined, percent_of_balance: 50 },
          { ...TRIGGERS[1], enabled: true },
          {
            id: 'savings-above-50k',
            name: 'Savings above 50k',
            type: 'average-balance',
            direction: 'above',
            threshold_cents: 50_000_00,
            months: 2,
            families: ['savings'],
            action: { type: 'call-list' },
            enabled: true,
          },
        ].map((rule) => JSON.parse(JSON.stringify(rule)) as unknown),
      },
    ]);
  });

  it('a refused save says why and keeps the changes', async () => {
    renderApp(
      kliHandlers({ 'triggers:save': () => Promise.reject(new MockError('invalid_input', 'rules.0.id: taken')) }),
      '#/triggers',
    );
    await rulesTable();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Large deposit' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save triggers' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The triggers could not be saved: rules.0.id: taken');
    expect(cells(await rulesTable())).toHaveLength(1);
  });

  it('runs the triggers and lists the hits with customer links, a page at a time', async () => {
    const api = renderApp(
      kliHandlers({
        'triggers:hits': ({ page, page_size }) =>
          hitsPage(api.inputs('triggers:run').length > 0 ? 60 : 3, page, page_size),
        'triggers:run': () => hitsPage(60),
      }),
      '#/triggers',
    );
    const hits = await screen.findByRole('table', { name: 'Trigger hits' });
    expect(within(hits).getAllByTestId('trigger-hit')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Run now' }));
    expect(await screen.findByText('Evaluated on the snapshots as of 2026-10-31: 60 hits.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('trigger-hit')).toHaveLength(50));
    expect(screen.getByTestId('trigger-hits-summary').textContent).toContain('60 hits');
    const first = screen.getAllByTestId('trigger-hit')[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: 'Customer 0' }).getAttribute('href')).toBe('#/customers/100');
    expect(first.textContent).toContain('deposit $30,000 on 2026-10-10');
    expect(first.textContent).toContain('Offer money market');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getAllByTestId('trigger-hit')).toHaveLength(10));
    expect(api.inputs('triggers:hits').at(-1)).toEqual({ page: 1, page_size: 50 });

    // Sorting orders the page; the keyboard moves between its rows.
    const table = screen.getByRole('table', { name: 'Trigger hits' });
    await userEvent.click(within(table).getByRole('button', { name: /Customer/ }));
    await userEvent.click(within(table).getByRole('button', { name: /Customer/ }));
    expect(within(screen.getAllByTestId('trigger-hit')[0] as HTMLElement).getByRole('link').textContent).toBe(
      'Customer 59',
    );
    (screen.getAllByTestId('trigger-hit')[0] as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getAllByTestId('trigger-hit')[1]);
  });

  it('before any run, says so; Export is there once hits are', async () => {
    const api = renderApp(
      kliHandlers({
        'triggers:hits': () => ({ evaluated_at: null, as_of: null, hits: [], total: 0 }),
        'triggers:export': (): DownloadFile => ({
          file_name: 'trigger-hits.csv',
          mime: 'text/csv',
          base64: btoa('a,b\n'),
        }),
      }),
      '#/triggers',
    );
    expect(await screen.findByText(/have not been evaluated yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
    expect(api.inputs('triggers:export')).toEqual([]);
  });

  it('exports the hits as CSV or XLSX', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:hits');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = renderApp(
      kliHandlers({
        'triggers:export': ({ format }): DownloadFile => ({
          file_name: `trigger-hits.${format}`,
          mime: format === 'csv' ? 'text/csv' : 'application/octet-stream',
          base64: btoa('a,b\n'),
        }),
        'exports:acknowledge': () => ({ recorded: true }),
      }),
      '#/triggers',
    );
    await screen.findByRole('table', { name: 'Trigger hits' });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    // A lead list holds names: warned once for this evaluation, and the warning recorded.
    const warning = screen.getByRole('alertdialog', { name: 'These files hold personal data' });
    await userEvent.click(within(warning).getByRole('button', { name: 'Save them there' }));
    expect(api.inputs('exports:acknowledge')).toHaveLength(1);
    await userEvent.click(await screen.findByRole('button', { name: 'Export XLSX' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.inputs('triggers:export')).toEqual([{ format: 'csv' }, { format: 'xlsx' }]);
    expect(created).toHaveBeenCalledTimes(2);
    expect(clicked).toHaveBeenCalledTimes(2);
  });
});
