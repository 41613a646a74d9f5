// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';
import { PROFILE } from './sample-data';
import { CUSTOMER_SCORES, MODELS, scoreHandlers } from './score-data';

afterEach(resetApp);

const section = async () =>
  (await screen.findByRole('heading', { name: /^Next-product scores/ })).closest('section') as HTMLElement;

describe('Customer profile: next-product scores', () => {
  it('lists the customer’s scores best first, each out of 100 with its reasons', async () => {
    const api = renderApp(scoreHandlers({ 'customers:get': () => PROFILE }), '#/customers/7');
    const table = await within(await section()).findByRole('table', { name: 'Next-product scores of this customer' });
    expect(api.inputs('scores:customer')).toEqual([{ customer_id: 7 }]);
    expect(screen.getByRole('heading', { name: 'Next-product scores (3)' })).toBeTruthy();
    const rows = within(table)
      .getAllByTestId('profile-score')
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['Savings', '93 of 100', 'Holds checking · More in deposits than most'],
      ['Auto loan', '67 of 100', 'Younger than most'],
      ['Certificates of deposit', '41 of 100', '—'],
    ]);
    // No need to ask which families are scored when the customer has scores.
    expect(api.inputs('scores:models')).toEqual([]);
  });

  it('says to train the scores when none are trained', async () => {
    renderApp(
      scoreHandlers({ 'customers:get': () => PROFILE, 'scores:customer': () => [], 'scores:models': () => [] }),
      '#/customers/7',
    );
    const empty = await within(await section()).findByTestId('profile-scores-empty');
    expect(empty.textContent).toBe('No scores yet — train them on the Audiences screen, under Next-product scores.');
    expect(within(empty).getByRole('link', { name: 'Next-product scores' }).getAttribute('href')).toBe('#/scores');
  });

  it('says the customer holds every product scored when scores exist but none for them', async () => {
    renderApp(
      scoreHandlers({ 'customers:get': () => PROFILE, 'scores:customer': () => [], 'scores:models': () => MODELS }),
      '#/customers/7',
    );
    expect((await within(await section()).findByTestId('profile-scores-empty')).textContent).toBe(
      'Holds every product scored.',
    );
  });

  it('a failure to load the scores leaves the rest of the profile in place, with Retry', async () => {
    let fail = true;
    renderApp(
      scoreHandlers({
        'customers:get': () => PROFILE,
        'scores:customer': () => (fail ? Promise.reject(new MockError('internal', 'Disk trouble.')) : CUSTOMER_SCORES),
      }),
      '#/customers/7',
    );
    const alert = await within(await section()).findByRole('alert');
    expect(alert.textContent).toContain('The scores could not be loaded: Disk trouble.');
    expect(screen.getByRole('heading', { name: 'Accounts (2)' })).toBeTruthy();
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Next-product scores (3)' })).toBeTruthy();
  });
});
