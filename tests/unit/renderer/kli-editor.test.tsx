// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { slugify, serverErrors, splitList } from '../../../src-renderer/klis/editor-draft';
import { kliHandlers, STREAMERS_DETAIL } from './kli-data';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';

afterEach(resetApp);

const save = () => screen.getByRole('button', { name: 'Save KLI' });

async function fillStreamers() {
  fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Streaming fans' } });
  await userEvent.click(screen.getByLabelText('Streaming & subscriptions'));
  await userEvent.selectOptions(screen.getByLabelText('Measure'), 'merchants');
  fireEvent.change(screen.getByLabelText('Threshold: at least'), { target: { value: '2' } });
  await userEvent.selectOptions(screen.getByLabelText('Product it points to'), 'credit_card');
}

describe('Custom KLI editor: the draft', () => {
  it('derives an id from the name that never starts like a built-in', () => {
    expect(slugify('Streaming fans!')).toBe('streaming-fans');
    expect(slugify('Café régulars')).toBe('cafe-regulars');
    expect(slugify('Subscriptions, heavy')).toBe('custom-subscriptions-heavy');
    expect(slugify('  ')).toBe('');
  });

  it('reads patterns comma-separated or one per line', () => {
    expect(splitList('netflix, hulu\n disney*\n\n')).toEqual(['netflix', 'hulu', 'disney*']);
  });

  it('puts the main process’s complaints beside their fields', () => {
    expect(
      serverErrors('definition.rule.match.mccs.0: an MCC is four digits; definition.id: too long; something else'),
    ).toEqual({ fields: { mccs: 'an MCC is four digits', id: 'too long' }, general: ['something else'] });
  });
});

describe('Custom KLI editor', () => {
  it('previews what the draft flags before it can be saved, then saves it and opens it', async () => {
    const api = renderApp(kliHandlers(), '#/klis');
    await userEvent.click(await screen.findByRole('link', { name: 'New KLI' }));
    expect(await screen.findByRole('heading', { name: 'New KLI', level: 1 })).toBeTruthy();
    await fillStreamers();
    expect((screen.getByLabelText('Id') as HTMLInputElement).value).toBe('streaming-fans');
    expect(screen.getByTestId('kli-threshold-words').textContent).toBe(
      'A customer has this KLI with at least 2 (different merchants) over the lookback.',
    );
    expect(save()).toHaveProperty('disabled', true);
    expect(screen.getByTestId('kli-save-hint').textContent).toBe(
      'Preview first: see what the KLI flags before saving it.',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByTestId('kli-preview');
    expect(within(preview).getByTestId('preview-customers').textContent).toBe('41');
    expect(within(preview).getByTestId('preview-households').textContent).toBe('39');
    expect(within(preview).getByTestId('preview-transactions').textContent).toBe('812');
    expect(within(preview).getAllByTestId('preview-transaction')).toHaveLength(2);
    const definition = {
      id: 'streaming-fans',
      name: 'Streaming fans',
      question: '',
      product: 'credit_card',
      rule: {
        type: 'activity',
        match: { categories: ['subscriptions_streaming'], direction: 'any' },
        measure: 'merchants',
        min: 2,
        min_months: 0,
      },
    };
    expect(api.inputs('kli:preview')).toEqual([{ definition }]);
    expect(api.inputs('kli:save')).toEqual([]);

    // A change after the preview asks for another before saving.
    fireEvent.change(screen.getByLabelText('Threshold: at least'), { target: { value: '3' } });
    expect(save()).toHaveProperty('disabled', true);
    expect(screen.getByTestId('kli-save-hint').textContent).toContain('preview again');
    fireEvent.change(screen.getByLabelText('Threshold: at least'), { target: { value: '2' } });
    expect(save()).toHaveProperty('disabled', false);

    await userEvent.click(save());
    await waitFor(() => expect(window.location.hash).toBe('#/klis/streaming-fans'));
    expect(api.inputs('kli:save')).toEqual([{ definition, overwrite: false }]);
    expect((await screen.findByTestId('kli-saved-notice')).textContent).toContain('Saved.');
  });

  it('amount measures take money in the bank’s currency', async () => {
    const api = renderApp(kliHandlers(), '#/new-kli');
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Big spenders' } });
    fireEvent.change(screen.getByLabelText('Merchant or payee patterns'), { target: { value: 'apple*, best buy' } });
    await userEvent.selectOptions(screen.getByLabelText('Measure'), 'amount');
    const threshold = screen.getByLabelText('Threshold: at least');
    expect((threshold as HTMLInputElement).value).toBe('100');
    fireEvent.change(threshold, { target: { value: '1,250.50' } });
    expect(screen.getByText('= $1,250.50')).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Money out (debits)'));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByTestId('kli-preview');
    expect(api.inputs('kli:preview')[0]?.definition.rule).toEqual({
      type: 'activity',
      match: { merchants: ['apple*', 'best buy'], direction: 'debit' },
      measure: 'amount',
      min: 125050,
      min_months: 0,
    });
  });

  it('says what is missing before asking, beside each field', async () => {
    const api = renderApp(kliHandlers(), '#/new-kli');
    await screen.findByLabelText('Name');
    fireEvent.change(screen.getByLabelText('Id'), { target: { value: 'travel-lovers' } });
    // The id is checked as soon as it is typed by hand.
    expect(screen.getByText('A custom id may not start with a built-in KLI’s id (travel).')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByText('Give the KLI a name.')).toBeTruthy();
    expect(screen.getByTestId('match-error').textContent).toBe(
      'Say which transactions count: at least one category, merchant pattern, MCC or code.',
    );
    expect(screen.getByTestId('kli-editor-problems')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(api.inputs('kli:preview')).toEqual([]);
  });

  it('shows the main process’s validation errors beside the fields they name', async () => {
    renderApp(
      kliHandlers({
        'kli:preview': () =>
          Promise.reject(new MockError('invalid_input', 'definition.rule.match.merchants.0: a pattern is too odd')),
        'kli:save': () =>
          Promise.reject(new MockError('invalid_input', 'A KLI with the id streaming-fans already exists.')),
      }),
      '#/new-kli',
    );
    await fillStreamers();
    fireEvent.change(screen.getByLabelText('Merchant or payee patterns'), { target: { value: 'netflix' } });
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('a pattern is too odd')).toBeTruthy();
    expect(screen.getByLabelText('Merchant or payee patterns').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('kli-editor-server-error').textContent).toContain('see the fields marked above');
  });

  it('a refused save keeps the draft and says why', async () => {
    const api = renderApp(
      kliHandlers({
        'kli:save': () =>
          Promise.reject(new MockError('invalid_input', 'A KLI with the id streaming-fans already exists.')),
      }),
      '#/new-kli',
    );
    await fillStreamers();
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByTestId('kli-preview');
    await userEvent.click(save());
    expect((await screen.findByTestId('kli-editor-server-error')).textContent).toBe(
      'A KLI with the id streaming-fans already exists.',
    );
    expect(window.location.hash).toBe('#/new-kli');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Streaming fans');
    expect(api.inputs('kli:save')).toHaveLength(1);
  });

  it('edits a saved custom KLI with its id fixed, and saves over it', async () => {
    const api = renderApp(kliHandlers(), '#/klis/streamers/edit');
    const name = await screen.findByLabelText('Name');
    expect((name as HTMLInputElement).value).toBe('Streamers');
    expect(screen.getByTestId('kli-id').textContent).toBe('streamers');
    expect((screen.getByLabelText('Streaming & subscriptions') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Money out (debits)') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(name, { target: { value: 'Streaming households' } });
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByTestId('kli-preview');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(window.location.hash).toBe('#/klis/streamers'));
    expect(api.inputs('kli:save')[0]).toMatchObject({
      overwrite: true,
      definition: { id: 'streamers', name: 'Streaming households', question: STREAMERS_DETAIL.kli.question },
    });
  });

  it('a saved custom KLI whose id starts like a built-in’s (made from a rule file) can still be edited', async () => {
    const api = renderApp(
      kliHandlers({
        'kli:get': () => ({ ...STREAMERS_DETAIL, kli: { ...STREAMERS_DETAIL.kli, id: 'travel-lovers' } }),
      }),
      '#/klis/travel-lovers/edit',
    );
    await screen.findByLabelText('Name', { exact: true });
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByTestId('kli-preview');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.inputs('kli:save')).toHaveLength(1));
    expect(api.inputs('kli:save')[0]?.definition.id).toBe('travel-lovers');
  });

  it('a built-in is not edited here', async () => {
    renderApp(kliHandlers(), '#/klis/payroll-dd/edit');
    expect((await screen.findByText(/is built in: change its parameters on/)).textContent).toContain(
      'Payroll direct deposit here',
    );
    expect(screen.queryByLabelText('Name')).toBeNull();
  });
});
