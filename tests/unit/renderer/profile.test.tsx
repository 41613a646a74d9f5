// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerProfile } from '../../../src-shared/domain';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';
import { PROFILE } from './sample-data';

afterEach(resetApp);

const cellsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));

describe('Customer profile', () => {
  it('shows the customer, the address block and only the flags that are set', async () => {
    const api = renderApp({ 'customers:get': () => PROFILE }, '#/customers/7');
    expect((await screen.findByTestId('profile-name')).textContent).toBe('Jane Smith');
    expect(api.inputs('customers:get')).toEqual([{ id: 7 }]);
    expect(screen.getByText('Customer 100007')).toBeTruthy();
    expect(screen.getByTestId('profile-address').textContent).toBe('12 Elm StreetApt 4Ames, IA 50010');
    expect(screen.getByText('1972-09-30 (age 54)')).toBeTruthy();
    expect(screen.getByText('Female')).toBeTruthy();
    expect(screen.getByText('Main Street Office')).toBeTruthy();
    const flags = within(screen.getByRole('list', { name: 'Flags' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(flags).toEqual(['Do not solicit', 'Employee']);
    expect(screen.getByRole('link', { name: '← Customers' }).getAttribute('href')).toBe('#/customers');
  });

  it('shows no flag list when no flag is set', async () => {
    const plain: CustomerProfile = {
      ...PROFILE,
      flags: { do_not_solicit: false, do_not_mail: false, deceased: false, returned_mail: false, employee: false },
    };
    renderApp({ 'customers:get': () => plain }, '#/customers/7');
    await screen.findByTestId('profile-name');
    expect(screen.queryByRole('list', { name: 'Flags' })).toBeNull();
    expect(screen.queryByText('Deceased')).toBeNull();
  });

  it('lists the household with links to the other members', async () => {
    renderApp({ 'customers:get': (input) => ({ ...PROFILE, id: input.id }) }, '#/customers/7');
    const household = (await screen.findByRole('heading', { name: 'Household (2)' })).closest('section');
    expect(household).not.toBeNull();
    const link = within(household as HTMLElement).getByRole('link', { name: 'John Smith' });
    expect(link.getAttribute('href')).toBe('#/customers/8');
    expect(within(household as HTMLElement).getByText('Jane Smith (this customer)')).toBeTruthy();
  });

  it('shows the accounts with family, role, status, balance and rate', async () => {
    renderApp({ 'customers:get': () => PROFILE }, '#/customers/7');
    const heading = await screen.findByRole('heading', { name: 'Accounts (2)' });
    const table = within(heading.closest('section') as HTMLElement).getByRole('table');
    expect(cellsOf(table)).toEqual([
      ['100001', 'Free Checking', 'Checking', 'Joint', 'Open', '2001-06-01', '$2,500.50', '—'],
      [
        '300002',
        '12-Month CD',
        'Certificates of deposit',
        'Owner',
        'Closed 2025-03-01',
        '2024-03-01',
        '$0.00',
        '4.25%',
      ],
    ]);
  });

  it('marks credits and debits by sign and word, not by colour alone', async () => {
    renderApp({ 'customers:get': () => PROFILE }, '#/customers/7');
    const heading = await screen.findByRole('heading', { name: 'Last transactions' });
    const table = within(heading.closest('section') as HTMLElement).getByRole('table');
    expect(cellsOf(table)).toEqual([
      ['2026-10-01', '100001', 'Acme', 'Payroll', 'ACME PAYROLL', 'DD', 'Credit +$2,100.00'],
      [
        '2026-09-03',
        '100001',
        'Rocket Mortgage',
        'Loan & card payments',
        'ROCKET MORTGAGE PMT',
        'ACH_DR',
        'Debit −$1,450.12',
      ],
    ]);
  });

  it('following a household link loads that member', async () => {
    const api = renderApp(
      {
        'customers:get': (input) =>
          input.id === 8 ? { ...PROFILE, id: 8, name: 'John Smith', customer_number: '100008' } : PROFILE,
      },
      '#/customers/7',
    );
    await userEvent.click(await screen.findByRole('link', { name: 'John Smith' }));
    await waitFor(() => expect(screen.getByTestId('profile-name').textContent).toBe('John Smith'));
    expect(api.inputs('customers:get')).toEqual([{ id: 7 }, { id: 8 }]);
  });

  it('an unknown customer shows the error and a way back', async () => {
    renderApp(
      { 'customers:get': () => Promise.reject(new MockError('not_found', 'No customer with id 99.')) },
      '#/customers/99',
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No customer with id 99.');
    // Retrying would not help: the customer is not there.
    expect(within(alert).queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: '← Customers' })).toBeTruthy();
  });
});
