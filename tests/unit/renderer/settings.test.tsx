// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { HouseholdSettings } from '../../../src-shared/domain';
import type { MerchantRule } from '../../../src-shared/merchants';
import { renderApp, resetApp } from './render-app';
import { APP_INFO, DASHBOARD } from './sample-data';

const HOUSEHOLDS: HouseholdSettings = {
  rule: { use_core_id: true, by_address: true, ignore_unit: false, shared_accounts: false },
  description: 'Customers with the same household id from the core are one household; otherwise…',
  households: 3,
  customers: 4,
};

function settingsHandlers(rules: MerchantRule[] = []) {
  return {
    'bank:get': () => ({
      name: 'Prairie Valley Community Bank',
      short_name: '',
      recognised: ['Prairie Valley Community Bank', 'PVCB'],
    }),
    'bank:set': ({ name, short_name }: { name: string; short_name: string }) => ({
      name,
      short_name,
      recognised: [name, short_name].filter(Boolean),
    }),
    'households:get': () => HOUSEHOLDS,
    'households:set-rule': ({ rule }: { rule: HouseholdSettings['rule'] }) => ({ ...HOUSEHOLDS, rule, households: 4 }),
    'merchants:rules': () => rules,
    'merchants:save-rules': ({ rules: saved }: { rules: MerchantRule[] }) => ({ rules: saved, changed: 12 }),
    'merchants:try': ({ rules: tried, description }: { rules: MerchantRule[]; description: string }) =>
      tried.some((r) => description.toUpperCase().includes(r.pattern.toUpperCase()))
        ? { merchant: tried[0]?.merchant ?? '', category: tried[0]?.category ?? 'other' }
        : { merchant: 'Hy-Vee', category: 'groceries' as const },
  };
}

describe('Settings: households and merchant rules', () => {
  afterEach(resetApp);

  it('shows the names recognised as this bank and saves a new short name', async () => {
    const api = renderApp(settingsHandlers(), '#/settings');
    expect((await screen.findByTestId('bank-recognised')).textContent).toBe(
      'Recognised as this bank: Prairie Valley Community Bank, PVCB.',
    );
    const save = screen.getByRole('button', { name: 'Save names' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Short name in descriptions'), { target: { value: 'PV BANK' } });
    await userEvent.click(save);
    await waitFor(() => expect(api.inputs('bank:set')).toHaveLength(1));
    expect(api.inputs('bank:set')[0]).toEqual({ name: 'Prairie Valley Community Bank', short_name: 'PV BANK' });
    expect(await screen.findByText('Saved. Recompute the KLIs to read payments with these names.')).toBeTruthy();
  });

  it('shows the householding rule in words and regroups only after a confirmation', async () => {
    const api = renderApp(settingsHandlers(), '#/settings');
    expect(await screen.findByTestId('household-rule')).toHaveProperty('textContent', HOUSEHOLDS.description);
    const regroup = screen.getByRole('button', { name: 'Regroup households…' });
    expect(regroup).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByLabelText('Also group customers who own an account together'));
    await userEvent.click(regroup);
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Regroup' }));
    await waitFor(() => expect(api.inputs('households:set-rule')).toHaveLength(1));
    expect(api.inputs('households:set-rule')[0]?.rule).toEqual({ ...HOUSEHOLDS.rule, shared_accounts: true });
  });

  it('edits, tries and saves merchant rules; an incomplete rule cannot be saved', async () => {
    const api = renderApp(settingsHandlers(), '#/settings');
    await screen.findByText('No rules of your own yet.');
    await userEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    const save = screen.getByRole('button', { name: 'Save rules' });
    expect(save).toHaveProperty('disabled', true);
    expect(screen.getByText('Every rule needs its text and a merchant name.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Rule 1: description text'), { target: { value: 'acme' } });
    fireEvent.change(screen.getByLabelText('Rule 1: merchant name'), { target: { value: 'Acme Mfg' } });
    fireEvent.change(screen.getByLabelText('Rule 1: category'), { target: { value: 'payroll' } });
    fireEvent.change(screen.getByLabelText(/Try a description/), { target: { value: 'ACME PAYROLL PPD' } });
    // (an answer for the rule half-typed may show first)
    await waitFor(() => expect(screen.getByTestId('rule-try').textContent).toBe('Merchant Acme Mfg, category Payroll'));
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Saved. 12 transactions got a new merchant or category.')).toBeTruthy();
    expect(api.inputs('merchants:save-rules')[0]?.rules).toEqual([
      { pattern: 'acme', match: 'contains', merchant: 'Acme Mfg', category: 'payroll' },
    ]);
  });

  it('shows amounts in the open bank’s currency', async () => {
    renderApp({ 'app:info': () => ({ ...APP_INFO, currency: 'CZK' }), 'home:dashboard': () => DASHBOARD }, '#/home');
    await screen.findAllByText(/CZK/);
  });
});
