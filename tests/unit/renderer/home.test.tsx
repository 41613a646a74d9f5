// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';
import { DASHBOARD } from './sample-data';

afterEach(resetApp);

describe('Home', () => {
  it('shows the headline numbers from home:dashboard, formatted en-US', async () => {
    renderApp();
    expect((await screen.findByTestId('stat-customers')).textContent).toBe('25,000');
    expect(screen.getByTestId('stat-households').textContent).toBe('19,876');
    expect(screen.getByTestId('stat-accounts').textContent).toBe('77,479');
    expect(screen.getByTestId('stat-transactions').textContent).toBe('1,109,787');
    expect(screen.getByTestId('stat-first-txn').textContent).toBe('2025-10-01');
    expect(screen.getByTestId('stat-last-txn').textContent).toBe('2026-10-31');
    // 8,600 of 25,000 customers live in a household of two or more.
    expect(screen.getByText('34.4% of customers live in households of 2+')).toBeTruthy();
    expect(screen.getByTestId('stat-last-import').textContent).toBe('1.7M rows');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Prairie Valley Community Bank');
    expect(screen.getByTestId('nav-bank-name').textContent).toBe('Prairie Valley Community Bank');
  });

  it('lists product families grouped by kind, with balances in whole dollars', async () => {
    renderApp();
    const table = await screen.findByRole('table', { name: 'Open accounts and balances by product family' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['Product family', 'Open accounts', 'Balance'],
      ['Deposits', '17,000', '$5,512,346'],
      ['Checking', '17,000', '$5,512,346'],
      ['Loans', '2,400', '$340,000,000'],
      ['Mortgage', '2,400', '$340,000,000'],
      ['Services', '16,000', '—'],
      ['Online banking', '16,000', '—'],
    ]);
  });

  it('gives the penetration chart a text alternative with the same numbers', async () => {
    renderApp();
    const table = await screen.findByRole('table', { name: 'Share of households holding each product family' });
    const checking = within(table).getByRole('row', { name: /Checking/ });
    expect(within(checking).getByText('16,100')).toBeTruthy();
    expect(within(checking).getByText('81%')).toBeTruthy();
    expect(within(table).getByRole('row', { name: /Mortgage/ }).textContent).toContain('12%');
  });

  it('asks for the dashboard once although the shell and Home both show it', async () => {
    const api = renderApp();
    await screen.findByTestId('stat-customers');
    expect(api.inputs('home:dashboard')).toHaveLength(1);
  });

  it('an API error shows an alert with Retry, and Retry asks again', async () => {
    let fail = true;
    const api = renderApp({
      'home:dashboard': () => {
        if (fail) throw new MockError('internal', 'The database is busy.');
        return DASHBOARD;
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is busy.');
    const before = api.inputs('home:dashboard').length;
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect((await screen.findByTestId('stat-customers')).textContent).toBe('25,000');
    expect(api.inputs('home:dashboard').length).toBe(before + 1);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
