// @vitest-environment happy-dom
/** Settings › People, Backups and Privacy, and the screens that come before the workspace. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupEntry } from '../../../src-shared/backup';
import type { PeopleState } from '../../../src-shared/people';
import type { RetentionPolicy } from '../../../src-shared/privacy';
import { EXPORT_KINDS } from '../../../src-shared/privacy';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';
import { APP_INFO } from './sample-data';

afterEach(() => {
  vi.restoreAllMocks();
  resetApp();
});

const DANA = {
  id: 1,
  name: 'Dana Whitfield',
  role: 'administrator' as const,
  has_pin: false,
  created_at: '2026-11-01',
};
const PRIYA = { id: 2, name: 'Priya Shah', role: 'compliance' as const, has_pin: true, created_at: '2026-11-02' };
const NOBODY: PeopleState = {
  people: [],
  signed_in: null,
  machine_user: 'mlopez',
  four_eyes: true,
  four_eyes_in_force: false,
};
const TEAM: PeopleState = { ...NOBODY, people: [DANA, PRIYA], signed_in: DANA, four_eyes_in_force: true };
const BACKUP: BackupEntry = {
  file: '/data/backups/bank-2026-11-20T10-00-00-000Z-before-import.msbackup',
  reason: 'before-import',
  created_at: '2026-11-20T10:00:00.000Z',
  schema_version: 17,
  counts: {
    customers: 2500,
    households: 1900,
    accounts: 6100,
    transactions: 90000,
    audiences: 4,
    runs: 2,
    responses: 80,
  },
  size: 5_400_000,
};

describe('Settings › People', () => {
  it('adds the first person as the administrator', async () => {
    const api = renderApp(
      { 'people:list': () => NOBODY, 'people:save': () => ({ ...NOBODY, people: [DANA], signed_in: DANA }) },
      '#/people',
    );
    expect((await screen.findByTestId('people-none')).textContent).toContain('mlopez');
    await userEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    const form = screen.getByRole('form', { name: 'Add a person' });
    const role = within(form).getByLabelText('Role') as HTMLSelectElement;
    expect(role.value).toBe('administrator');
    expect((within(form).getByRole('option', { name: 'Marketer' }) as HTMLOptionElement).disabled).toBe(true);
    await userEvent.type(within(form).getByLabelText('Name'), 'Dana Whitfield');
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(api.inputs('people:save')).toEqual([{ name: 'Dana Whitfield', role: 'administrator' }]);
    expect((await screen.findByRole('status')).textContent).toBe('Dana Whitfield was added.');
  });

  it('asks for a PIN when switching to someone who has one, and says a refusal', async () => {
    const api = renderApp(
      {
        'people:list': () => TEAM,
        'people:sign-in': ({ pin }) => {
          if (pin !== '2468') throw new MockError('forbidden', 'That PIN is not right. Try again.');
          return { ...TEAM, signed_in: PRIYA };
        },
      },
      '#/people',
    );
    const choices = await screen.findByRole('list', { name: 'Who is working' });
    await userEvent.click(within(choices).getByRole('button', { name: /Priya Shah/ }));
    const pin = screen.getByLabelText('Priya Shah’s PIN');
    await userEvent.type(pin, '1111');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That PIN is not right. Try again.');
    await userEvent.clear(pin);
    await userEvent.type(pin, '2468');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(api.inputs('people:sign-in').at(-1)).toEqual({ id: 2, pin: '2468' }));
  });

  it('confirms before turning four-eyes off', async () => {
    const api = renderApp(
      { 'people:list': () => TEAM, 'people:four-eyes': () => ({ ...TEAM, four_eyes: false }) },
      '#/people',
    );
    const box = await screen.findByLabelText(/approved by someone other than the person who prepared it/);
    await userEvent.click(box);
    const dialog = screen.getByRole('alertdialog', { name: 'Turn four-eyes off?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('people:four-eyes')).toEqual([]);
    await userEvent.click(box);
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Turn off' }));
    expect(api.inputs('people:four-eyes')).toEqual([{ on: false }]);
  });
});

describe('Settings › Backups', () => {
  it('lists what each backup holds and restores one after a preview', async () => {
    const api = renderApp(
      {
        'backups:list': () => ({ folder: '/data/backups', key: 'this computer’s backup key', backups: [BACKUP] }),
        'backups:restore': () => ({
          ...BACKUP,
          restored_to: '/data/bank.sqlite',
          previous: '/data/backups/x-before-restore.msbackup',
        }),
      },
      '#/backups',
    );
    const table = await screen.findByRole('table', { name: 'Backups' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('Before an import');
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('2,500 customers');
    await userEvent.click(within(table).getByRole('button', { name: /^Restore/ }));
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByTestId('restore-preview').textContent).toContain(
      '4 audiences, 2 month runs, 80 responses',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(api.inputs('backups:restore')).toEqual([{ file: BACKUP.file }]);
    expect((await screen.findByRole('status')).textContent).toContain('x-before-restore.msbackup');
  });
});

describe('before the workspace', () => {
  it('offers the newest backup for a damaged database', async () => {
    const api = renderApp(
      {
        'app:info': () => ({
          ...APP_INFO,
          db_path: null,
          recovery: { db_path: '/data/bank.sqlite', problem: 'SQLite’s check found damage.', backups: [BACKUP] },
        }),
        'backups:restore': () => ({
          ...BACKUP,
          restored_to: '/data/bank.sqlite',
          previous: '/data/bank.sqlite.damaged-x',
        }),
      },
      '#/home',
    );
    expect((await screen.findByTestId('recovery-offer')).textContent).toContain('2,500 customers');
    await userEvent.click(screen.getByRole('button', { name: 'Restore the newest backup…' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    expect(api.inputs('backups:restore')).toEqual([{ file: BACKUP.file }]);
  });

  it('asks who is working when nobody can carry on', async () => {
    renderApp({
      'app:info': () => ({ ...APP_INFO, sign_in_needed: true }),
      'people:list': () => ({ ...TEAM, signed_in: null }),
    });
    expect(await screen.findByRole('heading', { name: 'Who is working?' })).toBeTruthy();
    expect(within(await screen.findByRole('list', { name: 'Who is working' })).getAllByRole('button')).toHaveLength(2);
  });
});

describe('Settings › Privacy', () => {
  const policy: RetentionPolicy = {
    responses_months: 36,
    contacts_months: 36,
    prescreen_years: 3,
    due: {
      responses: 0,
      contacts: 12,
      prescreen_runs: [{ run_id: 3, month: '2023-06', drop_date: '2023-06-05', recipients: 410 }],
    },
  };
  it('erases a customer after a look-up and a confirmation, and purges what is due', async () => {
    const api = renderApp(
      {
        'privacy:overview': () => ({ locations: [], exports: EXPORT_KINDS, erased_customers: 0 }),
        'privacy:erase-preview': () => ({
          customer_id: 7,
          customer_number: '100007',
          name: 'Ruth Gomez',
          accounts: 3,
          responses: 1,
          contacts: 2,
          quarantined_rows: 0,
          already_erased: false,
        }),
        'privacy:erase': () => ({
          customer_id: 7,
          customer_number: '100007',
          name: '',
          accounts: 3,
          responses: 1,
          contacts: 2,
          quarantined_rows: 0,
          already_erased: true,
        }),
        'retention:get': () => policy,
        'retention:purge': () => ({ ...policy, due: { ...policy.due, prescreen_runs: [] } }),
      },
      '#/privacy',
    );
    await userEvent.type(await screen.findByLabelText('Customer number'), '100007');
    await userEvent.click(screen.getByRole('button', { name: 'Look up' }));
    expect((await screen.findByTestId('erase-preview')).textContent).toContain('Ruth Gomez');
    await userEvent.click(screen.getByRole('button', { name: 'Erase…' }));
    await userEvent.click(
      within(screen.getByRole('alertdialog', { name: 'Erase Ruth Gomez?' })).getByRole('button', { name: 'Erase' }),
    );
    expect(api.inputs('privacy:erase')).toEqual([{ customer_number: '100007' }]);

    const due = screen.getByRole('table', { name: 'Due for purging' });
    expect(within(due).getAllByRole('row')[3]!.textContent).toContain('410');
    expect((within(due).getAllByRole('button')[0] as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(within(due).getAllByRole('button')[2]!);
    await userEvent.click(
      within(screen.getByRole('alertdialog', { name: 'Purge 410 prescreened recipients?' })).getByRole('button', {
        name: 'Purge',
      }),
    );
    expect(api.inputs('retention:purge')).toEqual([{ kind: 'prescreen' }]);
  });
});
