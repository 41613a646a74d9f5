// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, Dashboard } from '../../../src-shared/domain';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';
import { APP_INFO, DASHBOARD } from './sample-data';

afterEach(resetApp);

describe('navigation', () => {
  it('lists every stage in pipeline order and marks the current one', async () => {
    renderApp({}, '#/customers/7');
    const nav = await screen.findByRole('navigation', { name: 'Pipeline' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
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
    // A profile belongs to Customers.
    expect(links.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.textContent)).toEqual([
      'Customers',
    ]);
    expect(within(nav).getByText('demo-bank.sqlite')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('treats an empty, unknown or token hash as Home', async () => {
    renderApp({}, '#token=abc123');
    expect(await screen.findByTestId('stat-customers')).toBeTruthy();
    act(() => {
      window.location.hash = '#/no-such-screen';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
  });

  it('moves focus to the new screen after a nav link, and names it in the title', async () => {
    renderApp();
    await screen.findByTestId('stat-customers');
    await userEvent.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Settings' });
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(document.title).toBe('Settings — Mainstreet');
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
  });

  it('the skip link focuses the content without changing the route', async () => {
    renderApp({}, '#/settings');
    await screen.findByRole('heading', { name: 'Settings' });
    await userEvent.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(window.location.hash).toBe('#/settings');
  });

  it('Settings shows the version, folders, database and mode', async () => {
    renderApp({}, '#/settings');
    await screen.findByRole('heading', { name: 'Settings' });
    expect(screen.getByTestId('settings-version').textContent).toBe('0.1.0');
    expect(screen.getByText('/data')).toBeTruthy();
    expect(screen.getByText('/data/demo-bank.sqlite')).toBeTruthy();
    expect(screen.getByText(/Browser mode/)).toBeTruthy();
    expect(screen.getByText(/in the File menu of the desktop app/)).toBeTruthy();
  });
});

describe('app state', () => {
  it('says when app:info fails, and Retry asks again', async () => {
    let fail = true;
    renderApp({
      'app:info': () => {
        if (fail) throw new MockError('internal', 'The main process is not answering.');
        return APP_INFO;
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The main process is not answering.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('stat-customers')).toBeTruthy();
  });

  it('says what to do when no database is open', async () => {
    renderApp({ 'app:info': () => ({ ...APP_INFO, db_path: null, mode: 'desktop' }) });
    expect((await screen.findByRole('alert')).textContent).toContain('Use File › Open…');
    expect(screen.getByText('No database open')).toBeTruthy();
  });

  it('reloads the screens when db:changed says another database is open', async () => {
    let info: AppInfo = APP_INFO;
    let dashboard: Dashboard = DASHBOARD;
    const api = renderApp({ 'app:info': () => info, 'home:dashboard': () => dashboard });
    expect((await screen.findByTestId('stat-customers')).textContent).toBe('25,000');

    info = { ...APP_INFO, db_path: '/data/other-bank.sqlite' };
    dashboard = { ...DASHBOARD, bank_name: 'Other Bank', stats: { ...DASHBOARD.stats, customers: 1234 } };
    act(() => api.emit('db:changed', { db_path: '/data/other-bank.sqlite' }));
    await waitFor(() => expect(screen.getByTestId('stat-customers').textContent).toBe('1,234'));
    expect(await screen.findByText('other-bank.sqlite')).toBeTruthy();
    expect(screen.getByTestId('nav-bank-name').textContent).toBe('Other Bank');
  });

  it('reloads even when the same file was rebuilt in place', async () => {
    let customers = 25000;
    const api = renderApp({
      'home:dashboard': () => ({ ...DASHBOARD, stats: { ...DASHBOARD.stats, customers } }),
    });
    expect((await screen.findByTestId('stat-customers')).textContent).toBe('25,000');
    customers = 26000;
    act(() => api.emit('db:changed', { db_path: APP_INFO.db_path ?? '' }));
    await waitFor(() => expect(screen.getByTestId('stat-customers').textContent).toBe('26,000'));
  });
});

describe('skip link keyboard', () => {
  it('is the first thing Tab reaches', async () => {
    renderApp();
    await screen.findByTestId('stat-customers');
    fireEvent.focus(document.body);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Skip to content' }));
  });
});
