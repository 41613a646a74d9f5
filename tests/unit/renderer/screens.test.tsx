// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiParsedInput } from '../../../src-shared/api';
import type { AppInfo, JobInfo } from '../../../src-shared/domain';
import { App } from '../../../src-renderer/app';
import { setApi } from '../../../src-renderer/lib/api';
import { createMockApi, MockError, type MockApi, type MockHandlers } from './mock-api';
import { APP_INFO, customerPage, customerRow, DASHBOARD, PROFILE } from './sample-data';

function mount(handlers: MockHandlers, hash = '#/home'): MockApi {
  const api = createMockApi({ 'app:info': () => APP_INFO, 'home:dashboard': () => DASHBOARD, ...handlers });
  setApi(api);
  window.location.hash = hash;
  render(<App />);
  return api;
}

beforeEach(() => {
  window.location.hash = '';
});

afterEach(() => {
  cleanup();
  setApi(null);
});

describe('Home', () => {
  it('shows the bank numbers from the dashboard call', async () => {
    mount({});
    expect(await screen.findByTestId('stat-customers')).toHaveProperty('textContent', '25,000');
    expect(screen.getByTestId('stat-households').textContent).toBe('19,876');
    expect(screen.getByTestId('stat-accounts').textContent).toBe('77,479');
    expect(screen.getByTestId('stat-transactions').textContent).toBe('1,109,787');
    expect(screen.getByTestId('stat-first-txn').textContent).toBe('2025-10-01');
    expect(screen.getByText('34.4% of customers share a household')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Prairie Valley Community Bank');
    // The chart's numbers are also in a table for screen readers.
    const table = screen.getByRole('table', { name: 'Share of households holding each product family' });
    expect(within(table).getByText('81%')).toBeTruthy();
    expect(screen.getByText('$5,512,345.67')).toBeTruthy();
  });

  it('an API error shows an alert with Retry, and Retry calls again', async () => {
    let fail = true;
    const api = mount({
      'home:dashboard': () => {
        if (fail) throw new MockError('internal', 'The database is busy.');
        return DASHBOARD;
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is busy.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('stat-customers')).toBeTruthy();
    expect(api.calls.filter((c) => c.channel === 'home:dashboard').length).toBeGreaterThanOrEqual(3);
  });
});

describe('navigation', () => {
  it('lists every stage in pipeline order and marks the current one', async () => {
    mount({});
    const nav = await screen.findByRole('navigation', { name: 'Pipeline' });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual([
      'Home',
      'Import',
      'Customers',
      'KLIs',
      'Audiences',
      'Matrix',
      'Campaigns',
      'Results',
      'Settings',
    ]);
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
  });

  it('a stage not built yet says so, with no buttons', async () => {
    mount({}, '#/matrix');
    expect(await screen.findByText('Not built yet in this version.')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});

describe('Customers', () => {
  function listHandler(seen: ApiParsedInput<'customers:list'>[]) {
    return (input: ApiParsedInput<'customers:list'>) => {
      seen.push(input);
      const rows = input.search
        ? [customerRow(2, 'Jane Smith')]
        : [customerRow(1, 'Ann Adams'), customerRow(2, 'Jane Smith')];
      return customerPage(rows, input.search ? 1 : 120, input.page, input.page_size);
    };
  }

  it('pages, sorts and searches on the server', async () => {
    const seen: ApiParsedInput<'customers:list'>[] = [];
    mount({ 'customers:list': listHandler(seen) }, '#/customers');
    expect(await screen.findByText('120 customers')).toBeTruthy();
    expect(seen.at(-1)).toEqual({ page: 0, page_size: 50, search: '', sort: 'name', direction: 'asc' });
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(seen.at(-1)?.page).toBe(1));

    await userEvent.click(screen.getByRole('button', { name: /City/ }));
    await waitFor(() => expect(seen.at(-1)).toMatchObject({ sort: 'city', direction: 'asc', page: 0 }));
    expect(screen.getByRole('columnheader', { name: /City/ }).getAttribute('aria-sort')).toBe('ascending');

    await userEvent.type(screen.getByLabelText('Search customers'), 'smith');
    await waitFor(() => expect(seen.at(-1)).toMatchObject({ search: 'smith', page: 0 }));
    expect(await screen.findByText('1 customers')).toBeTruthy();
    // Debounced: one request for the whole word, not one per letter.
    expect(seen.filter((s) => s.search !== '' && s.search !== 'smith')).toEqual([]);
  });

  it('keyboard: arrows move between rows and Enter opens the profile', async () => {
    mount({ 'customers:list': listHandler([]), 'customers:get': () => PROFILE }, '#/customers');
    const rows = await screen.findAllByTestId('customer-row');
    rows[0]?.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/customers/2'));
    expect((await screen.findByTestId('profile-name')).textContent).toBe('Jane Smith');
  });
});

describe('Customer profile', () => {
  it('shows contact, flags, household, accounts and transactions', async () => {
    mount({ 'customers:get': () => PROFILE }, '#/customers/7');
    expect((await screen.findByTestId('profile-name')).textContent).toBe('Jane Smith');
    expect(screen.getByText('Do not solicit')).toBeTruthy();
    expect(screen.queryByText('Deceased')).toBeNull();
    expect(screen.getByRole('link', { name: 'John Smith' }).getAttribute('href')).toBe('#/customers/8');
    expect(screen.getByText('Free Checking')).toBeTruthy();
    expect(screen.getByText('Joint')).toBeTruthy();
    expect(screen.getByText('ROCKET MORTGAGE PMT')).toBeTruthy();
    expect(screen.getByText('−$1,450.12')).toBeTruthy();
    expect(screen.getByText('+$2,100.00')).toBeTruthy();
  });

  it('an unknown customer shows the error', async () => {
    mount(
      { 'customers:get': () => Promise.reject(new MockError('not_found', 'No customer with id 99.')) },
      '#/customers/99',
    );
    expect((await screen.findByRole('alert')).textContent).toContain('No customer with id 99.');
  });
});

describe('first launch', () => {
  it('shows the build progress from job events, and Cancel cancels the job', async () => {
    const job: JobInfo = {
      id: 'job-1',
      kind: 'demo:build',
      state: 'running',
      step: 'Starting',
      current: 0,
      total: 1000,
    };
    let info: AppInfo = { ...APP_INFO, db_path: null, blocking_job: job };
    const api = mount({
      'app:info': () => info,
      'jobs:cancel': () => ({ cancelled: true }),
    });
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    act(() => api.emit('job:progress', { ...job, step: 'Loading transactions.csv (4 of 5)', current: 640 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('64');
    expect(screen.getByText('Loading transactions.csv (4 of 5) · 64%')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.calls.find((c) => c.channel === 'jobs:cancel')?.input).toEqual({ id: 'job-1' });

    // When the job is done and the database opens, the workspace appears.
    info = { ...APP_INFO };
    act(() => api.emit('job:progress', { ...job, state: 'done', current: 1000 }));
    expect(await screen.findByTestId('stat-customers')).toBeTruthy();
  });
});
