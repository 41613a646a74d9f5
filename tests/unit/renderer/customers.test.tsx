// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiParsedInput } from '../../../src-shared/api';
import type { CustomerPage } from '../../../src-shared/domain';
import { announced } from '../../../src-renderer/lib/announce';
import { deferred, renderApp, resetApp } from './render-app';
import { customerPage, customerRow, PROFILE } from './sample-data';

type ListInput = ApiParsedInput<'customers:list'>;

afterEach(() => {
  vi.useRealTimers();
  resetApp();
});

/** 120 customers unfiltered; a search finds only Jane Smith. */
function listCustomers(input: ListInput): CustomerPage {
  const rows = input.search
    ? [customerRow(2, 'Jane Smith')]
    : [customerRow(1, 'Ann Adams'), customerRow(2, 'Jane Smith'), customerRow(3, 'Bo Chen')];
  return customerPage(rows, input.search ? 1 : 120, input.page, input.page_size);
}

const names = () => screen.getAllByTestId('customer-row').map((row) => row.children[1]?.textContent);

describe('Customers list', () => {
  it('asks for the first page of 50 sorted by name, and shows the total and page count', async () => {
    const api = renderApp({ 'customers:list': listCustomers }, '#/customers');
    expect(await screen.findByText('120 customers')).toBe(screen.getByTestId('customer-count'));
    expect(api.inputs('customers:list')).toEqual([
      { page: 0, page_size: 50, search: '', sort: 'name', direction: 'asc' },
    ]);
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    expect(names()).toEqual(['Ann Adams', 'Jane Smith', 'Bo Chen']);
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');
    const first = screen.getAllByTestId('customer-row')[0];
    expect(within(first as HTMLElement).getByText('$1,234.56')).toBeTruthy();
  });

  it('pages with Next and Previous and changes the page size', async () => {
    const api = renderApp({ 'customers:list': listCustomers }, '#/customers');
    await screen.findByText('Page 1 of 3');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 3');
    expect(api.inputs('customers:list').at(-1)).toMatchObject({ page: 1, page_size: 50 });
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(api.inputs('customers:list').at(-1)).toMatchObject({ page: 0 }));

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 3');
    await userEvent.selectOptions(screen.getByLabelText('Rows per page'), '100');
    await waitFor(() => expect(api.inputs('customers:list').at(-1)).toMatchObject({ page: 0, page_size: 100 }));
    expect(await screen.findByText('Page 1 of 2')).toBeTruthy();
  });

  it('sorts on the server from the column header buttons, back at page 0', async () => {
    const api = renderApp({ 'customers:list': listCustomers }, '#/customers');
    await screen.findByText('Page 1 of 3');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 3');

    await userEvent.click(screen.getByRole('button', { name: /City/ }));
    await waitFor(() =>
      expect(api.inputs('customers:list').at(-1)).toMatchObject({ sort: 'city', direction: 'asc', page: 0 }),
    );
    expect(screen.getByRole('columnheader', { name: /City/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /City/ }));
    await waitFor(() => expect(api.inputs('customers:list').at(-1)).toMatchObject({ sort: 'city', direction: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /City/ }).getAttribute('aria-sort')).toBe('descending');
    // The change is said to screen readers, not only shown.
    await waitFor(() => expect(announced()).toBe('Sorted by City, descending'));

    await userEvent.click(screen.getByRole('button', { name: /Deposits/ }));
    await waitFor(() => expect(api.inputs('customers:list').at(-1)).toMatchObject({ sort: 'total_deposits_cents' }));
    // Household size is not a server sort column, so its header is plain text.
    expect(within(screen.getByRole('columnheader', { name: 'Household size' })).queryByRole('button')).toBeNull();
  });

  it('debounces the search: one request 250 ms after the last keystroke, back at page 0', async () => {
    vi.useFakeTimers();
    const api = renderApp({ 'customers:list': listCustomers }, '#/customers');
    await act(async () => {
      await vi.runOnlyPendingTimersAsync();
    });
    expect(screen.getByTestId('customer-count').textContent).toBe('120 customers');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await act(async () => {
      await vi.runOnlyPendingTimersAsync();
    });
    expect(api.inputs('customers:list').at(-1)).toMatchObject({ page: 1 });
    const sent = api.inputs('customers:list').length;

    const box = screen.getByRole('searchbox', { name: 'Search customers' });
    expect(box.getAttribute('placeholder')).toBe('Name, customer number or city');
    for (const text of ['s', 'sm', 'smi', 'smith']) {
      fireEvent.change(box, { target: { value: text } });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
      });
    }
    expect(api.inputs('customers:list')).toHaveLength(sent);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(150);
    });
    expect(api.inputs('customers:list').slice(sent)).toEqual([
      { page: 0, page_size: 50, search: 'smith', sort: 'name', direction: 'asc' },
    ]);
    await act(async () => {
      await vi.runOnlyPendingTimersAsync();
    });
    expect(screen.getByTestId('customer-count').textContent).toBe('1 customer');
    expect(names()).toEqual(['Jane Smith']);
  });

  it('never lets an older answer overwrite a newer one', async () => {
    const pending: { input: ListInput; answer: ReturnType<typeof deferred<CustomerPage>> }[] = [];
    const api = renderApp(
      {
        'customers:list': (input) => {
          if (input.page === 0) return listCustomers(input);
          const answer = deferred<CustomerPage>();
          pending.push({ input, answer });
          return answer.promise;
        },
      },
      '#/customers',
    );
    await screen.findByText('Page 1 of 3');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(pending.map((p) => p.input.page)).toEqual([1, 2]));

    // The answer for page 3 arrives first, then the late answer for page 2.
    await act(async () => pending[1]?.answer.resolve(customerPage([customerRow(9, 'Page Three')], 120, 2)));
    await act(async () => pending[0]?.answer.resolve(customerPage([customerRow(8, 'Page Two')], 120, 1)));
    expect(names()).toEqual(['Page Three']);
    expect(screen.getByText('Page 3 of 3')).toBeTruthy();
    expect(api.inputs('customers:list').map((i) => i.page)).toEqual([0, 1, 2]);
  });

  it('says so when a search finds nobody', async () => {
    renderApp({ 'customers:list': (input) => customerPage([], 0, input.page, input.page_size) }, '#/customers');
    expect(await screen.findByText('0 customers')).toBe(screen.getByTestId('customer-count'));
    expect(screen.getByText('No customers yet.')).toBeTruthy();
    expect(screen.getByText('Page 1 of 1')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Customers keyboard and clicks', () => {
  it('Tab reaches one row; arrows move between rows; Enter opens the profile', async () => {
    renderApp({ 'customers:list': listCustomers, 'customers:get': () => PROFILE }, '#/customers');
    const rows = await screen.findAllByTestId('customer-row');
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);

    await userEvent.click(screen.getByRole('searchbox', { name: 'Search customers' }));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[0]);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(document.activeElement).toBe(rows[1]);
    expect(rows.map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(rows[2]);
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(rows[0]);
    await userEvent.keyboard('{ArrowDown}{Enter}');

    await waitFor(() => expect(window.location.hash).toBe('#/customers/2'));
    expect((await screen.findByTestId('profile-name')).textContent).toBe('Jane Smith');
  });

  it('clicking a row opens that customer', async () => {
    const api = renderApp({ 'customers:list': listCustomers, 'customers:get': () => PROFILE }, '#/customers');
    const rows = await screen.findAllByTestId('customer-row');
    await userEvent.click(within(rows[2] as HTMLElement).getByText('Bo Chen'));
    await waitFor(() => expect(window.location.hash).toBe('#/customers/3'));
    await screen.findByTestId('profile-name');
    expect(api.inputs('customers:get')).toEqual([{ id: 3 }]);
  });

  it('a failed list shows an alert with Retry', async () => {
    let fail = true;
    renderApp(
      {
        'customers:list': (input) => {
          if (fail) throw new Error('disk I/O error');
          return listCustomers(input);
        },
      },
      '#/customers',
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Customers could not be loaded: disk I/O error');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('120 customers')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
