// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRoute, href } from '../../../src-renderer/lib/router';
import { COMPUTE_JOB, kliHandlers, LIBRARY, LOW_BALANCE, PAYROLL_DETAIL } from './kli-data';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';

afterEach(resetApp);

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));

describe('KLI routes', () => {
  it('reads and writes the KLI screens’ addresses', () => {
    expect(parseRoute('#/klis')).toEqual({ screen: 'stage', stage: 'klis' });
    expect(parseRoute('#/klis/payroll-dd')).toEqual({ screen: 'kli', id: 'payroll-dd' });
    expect(parseRoute('#/klis/streamers/edit')).toEqual({ screen: 'kli-editor', id: 'streamers' });
    expect(parseRoute('#/new-kli')).toEqual({ screen: 'kli-editor', id: null });
    expect(parseRoute('#/triggers')).toEqual({ screen: 'triggers' });
    expect(parseRoute('#/klis/Not An Id')).toEqual({ screen: 'home' });
    expect(parseRoute('#/klis/x/y/z')).toEqual({ screen: 'home' });
    expect(href({ screen: 'kli-editor', id: 'new' })).toBe('#/klis/new/edit');
    expect(href({ screen: 'kli-editor', id: null })).toBe('#/new-kli');
  });
});

describe('KLI library', () => {
  it('lists every KLI with its figures, trend in words and the last compute', async () => {
    renderApp(kliHandlers(), '#/klis');
    const table = await screen.findByRole('table', { name: 'KLI library' });
    const rows = rowsOf(table);
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      ['Payroll direct deposit here', 'Checking', '9,120', '7,400', '21,000', '43.4%'],
      ['Low average balance', 'Savings', '3,100', '2,900', '24,000', '12.9%'],
      ['StreamersCustom', 'Credit card', '40', '38', '21,000', '0.2%'],
    ]);
    expect(rows[0]?.[6]).toContain('8,000 customers in 2026-05, 8,050 in 2026-10');
    expect(screen.getByTestId('kli-run').textContent).toContain('over the 12 months to 2026-10-31');
    expect(screen.getByTestId('kli-run').textContent).toContain('1,109,787 transactions read in 4.2 s');
    expect(screen.queryByTestId('kli-stale')).toBeNull();
    expect(screen.getByRole('link', { name: 'KLIs' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('tab', { name: 'Library' }).getAttribute('aria-selected')).toBe('true');
  });

  it('sorts by a figure, and the keyboard moves between rows and opens one', async () => {
    renderApp(kliHandlers(), '#/klis');
    const table = await screen.findByRole('table', { name: 'KLI library' });
    const customers = within(table).getByRole('button', { name: /Customers/ });
    // Figures sort largest first, then smallest first.
    await userEvent.click(customers);
    expect(rowsOf(table).map((r) => r[2])).toEqual(['9,120', '3,100', '40']);
    await userEvent.click(customers);
    expect(rowsOf(table).map((r) => r[2])).toEqual(['40', '3,100', '9,120']);
    const rows = within(table).getAllByTestId('kli-row');
    rows[0]?.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/klis/low-balance'));
  });

  it('says when the figures are out of date', async () => {
    renderApp(kliHandlers({ 'kli:library': () => ({ ...LIBRARY, stale: true }) }), '#/klis');
    expect((await screen.findByTestId('kli-stale')).textContent).toContain('The figures are out of date.');
  });

  it('before the first compute, says so and shows dashes', async () => {
    const never = {
      run: null,
      stale: false,
      klis: LIBRARY.klis.map((k) => ({ ...k, customers: null, households: null, coverage: null, trend: [] })),
    };
    renderApp(kliHandlers({ 'kli:library': () => never }), '#/klis');
    expect((await screen.findByTestId('kli-run')).textContent).toContain('Not computed yet');
    const rows = rowsOf(screen.getByRole('table', { name: 'KLI library' }));
    expect(rows[0]?.slice(2)).toEqual(['—', '—', '—', '—', '—']);
  });

  it('recomputes with a progress bar that follows the job, and the result stays said after the screen reloads', async () => {
    const api = renderApp(kliHandlers(), '#/klis');
    await screen.findByRole('table', { name: 'KLI library' });
    await userEvent.selectOptions(screen.getByLabelText('Lookback'), '24');
    await userEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    const bar = await screen.findByRole('progressbar', { name: 'KLI compute' });
    expect(api.inputs('kli:compute')).toEqual([{ full: false, lookback_months: 24 }]);
    expect(screen.getByRole('button', { name: 'Recomputing…' })).toHaveProperty('disabled', true);
    act(() => api.emit('job:progress', { ...COMPUTE_JOB, current: 40, rows: 400_000, step: 'Payroll' }));
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('40%, 400,000 transactions read');
    // Another job's progress is not this compute's.
    act(() => api.emit('job:progress', { ...COMPUTE_JOB, id: 'import-3', kind: 'import:run', current: 90 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    act(() => api.emit('job:progress', { ...COMPUTE_JOB, state: 'done', current: 100 }));
    // The app reloads every screen when a job ends; the library is asked again.
    expect(await screen.findByText('KLIs recomputed.')).toBeTruthy();
    await waitFor(() => expect(api.inputs('kli:library').length).toBeGreaterThan(1));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('does not say "recomputed" once the figures are out of date again', async () => {
    let stale = false;
    const api = renderApp(kliHandlers({ 'kli:library': () => ({ ...LIBRARY, stale }) }), '#/klis');
    await screen.findByRole('table', { name: 'KLI library' });
    await userEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    await screen.findByRole('progressbar', { name: 'KLI compute' });
    act(() => api.emit('job:progress', { ...COMPUTE_JOB, state: 'done', current: 100 }));
    expect(await screen.findByText('KLIs recomputed.')).toBeTruthy();
    // A KLI tuned since: the library is stale, and the old success line gives way to the banner.
    stale = true;
    act(() => api.emit('db:changed', { db_path: '/data/demo-bank.sqlite' }));
    await screen.findByTestId('kli-stale');
    expect(screen.queryByText('KLIs recomputed.')).toBeNull();
  });

  it('a compute can be cancelled, and a failed one says why', async () => {
    const api = renderApp(kliHandlers(), '#/klis');
    await screen.findByRole('table', { name: 'KLI library' });
    await userEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    await screen.findByRole('progressbar', { name: 'KLI compute' });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('jobs:cancel')).toEqual([{ id: 'kli-1' }]);
    act(() => api.emit('job:progress', { ...COMPUTE_JOB, state: 'cancelled' }));
    expect(await screen.findByText(/Cancelled\. The figures of the last compute are kept\./)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    await screen.findByRole('progressbar', { name: 'KLI compute' });
    act(() => api.emit('job:progress', { ...COMPUTE_JOB, state: 'failed', error: 'The database is locked.' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The database is locked.');
  });

  it('a refused start is said plainly', async () => {
    renderApp(
      kliHandlers({
        'kli:compute': () =>
          Promise.reject(new MockError('busy', 'An import is running; compute KLIs when it has finished.')),
      }),
      '#/klis',
    );
    await screen.findByRole('table', { name: 'KLI library' });
    await userEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The compute could not start: An import is running',
    );
  });
});

describe('One KLI', () => {
  it('shows the question, the rule in words, the trend, samples and links to customers', async () => {
    renderApp(kliHandlers(), '#/klis/payroll-dd');
    expect((await screen.findByTestId('kli-detail-name')).textContent).toBe('Payroll direct deposit here');
    expect(screen.getByText('Who is paid into this bank, and about how much?')).toBeTruthy();
    expect(screen.getByTestId('kli-words').textContent).toBe(PAYROLL_DETAIL.kli.words);
    expect(screen.getByTestId('kli-detail-customers').textContent).toBe('9,120');
    const trend = screen.getByRole('table', { name: 'Customers with Payroll direct deposit here, by month' });
    expect(within(trend).getAllByRole('row')).toHaveLength(7);
    const sample = screen.getByRole('table', { name: 'Transactions matching Payroll direct deposit here' });
    expect(rowsOf(sample)).toEqual([['2026-10-01', '100001', 'ACME PAYROLL', 'Acme', 'Payroll', 'Credit +$2,100.00']]);
    expect(screen.getByRole('link', { name: 'Jane Smith' }).getAttribute('href')).toBe('#/customers/7');
    expect(screen.getByRole('link', { name: 'KLIs' }).getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe('KLI — Mainstreet');
  });

  it('tunes a built-in’s numbers and restores its defaults after a confirmation', async () => {
    const api = renderApp(
      kliHandlers({ 'kli:get': () => ({ ...PAYROLL_DETAIL, kli: LOW_BALANCE }) }),
      '#/klis/low-balance',
    );
    const threshold = await screen.findByLabelText('Average collected balance below');
    expect((threshold as HTMLInputElement).value).toBe('100');
    const save = screen.getByRole('button', { name: 'Save parameters' });
    expect(save).toHaveProperty('disabled', true);
    // Nothing to restore while the numbers are the built-in ones.
    expect(screen.getByRole('button', { name: 'Restore defaults…' })).toHaveProperty('disabled', true);
    fireEvent.change(threshold, { target: { value: '250.50' } });
    expect(screen.getByText('= $250.50')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('For consecutive months'), { target: { value: '30' } });
    expect(screen.getByText('Between 1 and 24.')).toBeTruthy();
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('For consecutive months'), { target: { value: '2' } });
    await userEvent.click(save);
    await screen.findByText('Saved. Recompute to see the figures under the new parameters.');
    expect(api.inputs('kli:tune')).toEqual([
      { id: 'low-balance', rule: { type: 'balance', direction: 'below', threshold_cents: 25050, months: 2 } },
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Restore defaults…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Restore the defaults of Low average balance?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore defaults' }));
    await screen.findByText('Defaults restored. Recompute to see the figures under them.');
    expect(api.inputs('kli:tune')[1]).toEqual({ id: 'low-balance', rule: null });
    expect(screen.getByRole('button', { name: 'Restore defaults…' })).toHaveProperty('disabled', true);
    expect((screen.getByLabelText('Average collected balance below') as HTMLInputElement).value).toBe('100');
  });

  it('a custom KLI is edited in the editor and deleted after a confirmation', async () => {
    const api = renderApp(kliHandlers(), '#/klis/streamers');
    await screen.findByTestId('kli-detail-name');
    expect(screen.queryByRole('button', { name: 'Save parameters' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe('#/klis/streamers/edit');
    expect(screen.getByRole('cell', { name: 'Netflix, Spotify' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('kli:delete')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(window.location.hash).toBe('#/klis'));
    expect(api.inputs('kli:delete')).toEqual([{ id: 'streamers' }]);
  });

  it('an unknown KLI says so with a way back', async () => {
    renderApp(
      kliHandlers({ 'kli:get': () => Promise.reject(new MockError('not_found', 'No KLI with id gone-kli.')) }),
      '#/klis/gone-kli',
    );
    expect((await screen.findByRole('alert')).textContent).toContain('No KLI with id gone-kli.');
    expect(screen.getByRole('link', { name: '← KLI library' }).getAttribute('href')).toBe('#/klis');
  });
});
