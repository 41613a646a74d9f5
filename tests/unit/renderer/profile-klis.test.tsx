// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER_KLIS, kliHandlers } from './kli-data';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';
import { PROFILE } from './sample-data';

afterEach(resetApp);

const section = async () => (await screen.findByRole('heading', { name: /^KLIs/ })).closest('section') as HTMLElement;

describe('Customer profile: KLIs', () => {
  it('lists the customer’s KLIs with their values, and whose they are when a household member’s', async () => {
    const api = renderApp({ ...kliHandlers(), 'customers:get': () => PROFILE }, '#/customers/7');
    await within(await section()).findByRole('table', { name: 'KLIs of this customer' });
    expect(api.inputs('kli:customer')).toEqual([{ customer_id: 7 }]);
    expect(screen.getByRole('heading', { name: 'KLIs (2)' })).toBeTruthy();
    const rows = within(await section()).getAllByTestId('profile-kli');
    expect(rows.map((r) => within(r).getByTestId('profile-kli-value').textContent)).toEqual([
      '2 merchants: Netflix, Spotify',
      '$3,100 a month · via John Smith',
    ]);
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: 'Streamers' })
        .getAttribute('href'),
    ).toBe('#/klis/streamers');
    // A KLI read from balances or monthly totals has no transactions to show.
    expect(within(rows[1] as HTMLElement).queryByRole('button')).toBeNull();
    expect(rows[1]?.textContent).toContain('no single transactions');
  });

  it('opens and closes the evidence transactions of a KLI', async () => {
    renderApp({ ...kliHandlers(), 'customers:get': () => PROFILE }, '#/customers/7');
    const toggle = await within(await section()).findByRole('button', { name: /Show 2 transactions/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('table', { name: 'Why Streamers' })).toBeNull();
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const evidence = screen.getByRole('table', { name: 'Why Streamers' });
    expect(
      within(evidence)
        .getAllByRole('row')
        .map((row) => Array.from(row.children, (cell) => cell.textContent)),
    ).toEqual([
      ['Date', 'Account', 'Description', 'Merchant', 'Amount'],
      ['2026-10-05', '100001', 'NETFLIX.COM 866-579-7172', 'Netflix', 'Debit −$15.99'],
      ['2026-10-09', '100001', 'SPOTIFY USA', 'Spotify', 'Debit −$10.99'],
    ]);
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /Hide 2 transactions/ }));
    expect(screen.queryByRole('table', { name: 'Why Streamers' })).toBeNull();
  });

  it('says when the customer has no KLI', async () => {
    renderApp({ ...kliHandlers({ 'kli:customer': () => [] }), 'customers:get': () => PROFILE }, '#/customers/7');
    expect(await screen.findByRole('heading', { name: 'KLIs (0)' })).toBeTruthy();
    expect((await section()).textContent).toContain('No KLI at the last compute.');
  });

  it('a failure to load the KLIs leaves the rest of the profile in place, with Retry', async () => {
    let fail = true;
    renderApp(
      {
        ...kliHandlers({
          'kli:customer': () => (fail ? Promise.reject(new MockError('internal', 'Disk trouble.')) : CUSTOMER_KLIS),
        }),
        'customers:get': () => PROFILE,
      },
      '#/customers/7',
    );
    const alert = await within(await section()).findByRole('alert');
    expect(alert.textContent).toContain('The KLIs could not be loaded: Disk trouble.');
    expect(screen.getByRole('heading', { name: 'Accounts (2)' })).toBeTruthy();
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'KLIs (2)' })).toBeTruthy();
  });
});
