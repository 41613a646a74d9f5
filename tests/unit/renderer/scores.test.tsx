// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../src-renderer/lib/router';
import { aucWords, splitFeatures, traitWords } from '../../../src-renderer/scores/score-words';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';
import { AUTO, MODELS, SAVINGS, scoreHandlers, TRAIN_JOB } from './score-data';

afterEach(resetApp);

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));

const listItems = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('Score words', () => {
  it('says how good an AUC is on the figure shown, and why there is none', () => {
    expect(aucWords(0.834)).toBe('0.83 · strong');
    // 0.795 shows as 0.80: it reads as strong, never "0.80 · good".
    expect(aucWords(0.795)).toBe('0.80 · strong');
    expect(aucWords(0.7)).toBe('0.70 · good');
    expect(aucWords(0.6449)).toBe('0.64 · fair');
    expect(aucWords(0.5)).toBe('0.50 · weak');
    expect(aucWords(null)).toBe('not enough holdout data');
  });

  it('names the eight strongest features as traits, split by the way they push', () => {
    const { raises, lowers } = splitFeatures(SAVINGS.features);
    expect(raises.map(traitWords)).toEqual([
      'Holds checking',
      'More in deposits than most',
      'Payroll direct deposit here',
      'A customer longer than most',
      'Age not on file',
    ]);
    expect(lowers.map(traitWords)).toEqual(['Older than most', 'Owes more than most', 'More accounts than most']);
  });
});

describe('Next-product scores', () => {
  it('is a tab of the Audiences stage with its own address, reached from the keyboard', async () => {
    expect(parseRoute('#/scores')).toEqual({ screen: 'scores' });
    expect(href({ screen: 'scores' })).toBe('#/scores');
    renderApp(scoreHandlers(), '#/audiences');
    const tab = await screen.findByRole('tab', { name: 'Audiences' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('button', { name: 'New audience' })).toBeTruthy();
    tab.focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(window.location.hash).toBe('#/scores'));
    expect(screen.getByRole('tab', { name: 'Next-product scores' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('table', { name: 'Next-product scores by family' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Audiences' }).getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe('Next-product scores — Mainstreet');
  });

  it('explains the scores before any training, with the Train button', async () => {
    renderApp(scoreHandlers({ 'scores:models': () => [] }), '#/scores');
    const empty = await screen.findByTestId('scores-empty');
    expect(empty.textContent).toContain('by how likely they are to open each product they do not have yet');
    expect(empty.textContent).toContain('openings over the last 6 months');
    expect(empty.textContent).toContain('a holdout of one customer in four');
    expect(screen.getByRole('button', { name: 'Train scores' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists each family with its openers, AUC in words, top tenth’s lift and catch, and those not scored', async () => {
    renderApp(scoreHandlers(), '#/scores');
    const table = await screen.findByRole('table', { name: 'Next-product scores by family' });
    expect(rowsOf(table)).toEqual([
      ['Auto loan', '96 of 19,900', '0.64 · fair', '1.8× · 18% of openers', '20,010', 'Nov 18, 2026'],
      ['Checking', '21 of 1,310', 'not enough holdout data', '—', '1,290', 'Nov 18, 2026'],
      ['Savings', '412 of 20,684', '0.83 · strong', '3.2× · 32% of openers', '18,850', 'Nov 18, 2026'],
    ]);
    expect(screen.getByTestId('scores-explain').textContent).toContain('0.5 is a coin toss, 1 is perfect');
    expect(screen.getByTestId('scores-not-scored').textContent).toContain('Money market');
    expect(screen.getByTestId('scores-not-scored').textContent).not.toContain('Savings');
    expect(screen.getByRole('button', { name: 'Train again' })).toBeTruthy();
    // Sorting by AUC puts the family without one last.
    await userEvent.click(within(table).getByRole('button', { name: /Holdout AUC/ }));
    expect(rowsOf(table).map((r) => r[0])).toEqual(['Savings', 'Auto loan', 'Checking']);
  });

  it('opens a family from the keyboard: its rate by tenth against the average, and what raises or lowers the chance', async () => {
    renderApp(scoreHandlers(), '#/scores');
    const table = await screen.findByRole('table', { name: 'Next-product scores by family' });
    expect(screen.getByTestId('scores-hint')).toBeTruthy();
    const rows = within(table).getAllByTestId('scores-row');
    rows[0]?.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    const detail = await screen.findByTestId('scores-detail');
    expect(within(detail).getByRole('heading', { name: 'Savings' })).toBeTruthy();
    expect(rows[2]?.getAttribute('aria-current')).toBe('true');
    expect(listItems('scores-raises')).toEqual([
      'Holds checking',
      'More in deposits than most',
      'Payroll direct deposit here',
      'A customer longer than most',
      'Age not on file',
    ]);
    expect(listItems('scores-lowers')).toEqual(['Older than most', 'Owes more than most', 'More accounts than most']);
    expect(within(detail).getByRole('list', { name: 'Raises the chance' })).toBeTruthy();
    expect(screen.getByTestId('scores-chart-note').textContent).toBe(
      'On average 5.0% of the holdout opened one in the window (the dashed line); the top tenth opened at 16.0%, 3.2× the average.',
    );
    const figures = within(detail).getByRole('table', { name: /Opening rate of savings by tenth/ });
    expect(rowsOf(figures)[0]).toEqual(['1', '100', '16', '16.0%', '3.2×', '32%']);
    expect(rowsOf(figures)).toHaveLength(10);
    expect(detail.textContent).toContain('checked on 1,000 held-out customers, 50 of whom opened one');

    // Another family replaces it; one without holdout figures says so.
    await userEvent.click(within(table).getByText('Checking'));
    expect(within(await screen.findByTestId('scores-detail')).getByRole('heading', { name: 'Checking' })).toBeTruthy();
    expect(screen.getByText('No holdout figures for checking.')).toBeTruthy();
    expect(screen.getByTestId('scores-lowers').textContent).toContain('Nothing among the strongest.');
  });

  it('builds a new audience draft selecting the top scores', async () => {
    const api = renderApp(scoreHandlers(), '#/scores');
    const table = await screen.findByRole('table', { name: 'Next-product scores by family' });
    await userEvent.click(within(table).getByText('Savings'));
    await userEvent.click(await screen.findByRole('button', { name: 'Build an audience from the top scores' }));
    await waitFor(() => expect(window.location.hash).toBe('#/audiences'));
    expect(await screen.findByRole('group', { name: 'Whole rule' })).toBeTruthy();
    expect((screen.getByLabelText('Audience name') as HTMLInputElement).value).toBe('Likely to open: savings');
    expect((screen.getByLabelText('Field 1') as HTMLSelectElement).value).toBe('score:savings');
    expect((screen.getByLabelText('Operator 1') as HTMLSelectElement).value).toBe('>=');
    expect((screen.getByLabelText('Value 1') as HTMLInputElement).value).toBe('81');
    expect(screen.getByTestId('rule-condition').textContent).toContain('1–100');
    await waitFor(() =>
      expect(api.inputs('audience:count').at(-1)?.rule).toEqual({
        all: [{ field: 'score:savings', op: '>=', value: 81 }],
      }),
    );
    expect(screen.getByRole('button', { name: 'Save audience' })).toHaveProperty('disabled', false);
  });

  it('trains with a progress bar that follows the job, then says what was learned and what was left out', async () => {
    let trained = false;
    const reason = (family: string) =>
      `${family === 'heloc' ? 3 : 12} of 900 customers without one opened one between 2026-04-30 and 2026-10-31: ` +
      'at least 20 openers and 20 others are needed to learn from.';
    const api = renderApp(
      scoreHandlers({
        'scores:models': () => (trained ? [AUTO, SAVINGS] : []),
        'scores:outcome': () => ({
          as_of: '2026-10-31',
          window_start: '2026-04-30',
          models: [AUTO, SAVINGS],
          skipped: [
            { family: 'heloc', reason: reason('heloc') },
            { family: 'mortgage', reason: reason('mortgage') },
            { family: 'cd', reason: reason('mortgage') },
          ],
          notes: ['KLIs were left out: compute the KLIs first, then train the scores again.'],
        }),
      }),
      '#/scores',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Train scores' }));
    const bar = await screen.findByRole('progressbar', { name: 'Training the scores' });
    expect(api.inputs('scores:train')).toEqual([{}]);
    expect(screen.getByRole('button', { name: 'Training…' })).toHaveProperty('disabled', true);
    act(() => api.emit('job:progress', { ...TRAIN_JOB, current: 7, step: 'Learning savings' }));
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('Learning savings · 50%')).toBeTruthy();
    trained = true;
    act(() => api.emit('job:progress', { ...TRAIN_JOB, state: 'done', step: 'Done', current: 14 }));

    const summary = await screen.findByTestId('scores-summary');
    expect(summary.textContent).toContain('Scores trained for 2 product families: Auto loan, Savings.');
    // What the run itself said: families left out for the same reason are named together, the reason said once.
    expect(api.inputs('scores:outcome')).toEqual([{ job_id: TRAIN_JOB.id }]);
    const skipped = within(summary).getAllByTestId('scores-skipped');
    expect(skipped.map((s) => s.textContent)).toEqual([
      `Home equity — ${reason('heloc')}`,
      `Mortgage, Certificates of deposit — ${reason('mortgage')}`,
    ]);
    expect(screen.getByTestId('scores-note').textContent).toContain('compute the KLIs first');
    // The screen reloads with the new models; the summary names the families left out, so the table's line does not.
    expect(await screen.findByRole('table', { name: 'Next-product scores by family' })).toBeTruthy();
    expect(screen.queryByTestId('scores-not-scored')).toBeNull();
    expect(screen.getByRole('button', { name: 'Train again' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    await userEvent.click(within(summary).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('scores-summary')).toBeNull();
    expect(screen.getByTestId('scores-not-scored').textContent).toContain('Checking');
  });

  it('a training can be cancelled, and a refused start says why', async () => {
    const api = renderApp(
      scoreHandlers({
        'scores:train': () =>
          api.inputs('scores:train').length === 1
            ? TRAIN_JOB
            : Promise.reject(new MockError('busy', 'An import is running; train the scores when it has finished.')),
      }),
      '#/scores',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Train again' }));
    await screen.findByRole('progressbar', { name: 'Training the scores' });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('jobs:cancel')).toEqual([{ id: 'scores-1' }]);
    act(() => api.emit('job:progress', { ...TRAIN_JOB, state: 'cancelled' }));
    expect(await screen.findByText('Cancelled. The scores of the last training are kept.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Train again' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The training could not start: An import is running',
    );
  });

  it('a failed training says why', async () => {
    const api = renderApp(scoreHandlers(), '#/scores');
    await userEvent.click(await screen.findByRole('button', { name: 'Train again' }));
    await screen.findByRole('progressbar', { name: 'Training the scores' });
    act(() => api.emit('job:progress', { ...TRAIN_JOB, state: 'failed', error: 'The database is locked.' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The database is locked.');
  });

  it('says when the scores cannot be loaded, and Retry asks again', async () => {
    let fail = true;
    renderApp(
      scoreHandlers({
        'scores:models': () => (fail ? Promise.reject(new MockError('internal', 'Disk trouble.')) : MODELS),
      }),
      '#/scores',
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The scores could not be loaded: Disk trouble.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Next-product scores by family' })).toBeTruthy();
  });
});
