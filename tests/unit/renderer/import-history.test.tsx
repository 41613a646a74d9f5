// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../../src-shared/imports';
import { cifUpload, importHandlers, importRecord, JOB, LOADED, QUALITY, stubFileBridge } from './import-data';
import { MockError } from './mock-api';
import { renderApp, resetApp } from './render-app';

beforeEach(stubFileBridge);
afterEach(() => {
  delete window.mainstreetFiles;
  resetApp();
});

const cells = (row: HTMLElement) => Array.from(row.children, (c) => c.textContent);

describe('Import: data quality', () => {
  it('after a load, shows rows per file, empty fields, orphans, coverage and quarantined rows', async () => {
    const api = renderApp(importHandlers({ 'import:outcome': () => LOADED }), '#/import');
    await screen.findByRole('combobox', { name: 'Mapping profile' });
    await userEvent.upload(screen.getByLabelText('Choose files…'), cifUpload());
    await userEvent.click(await screen.findByRole('button', { name: 'Import 1 file' }));
    await screen.findByTestId('import-progress');
    // The main process says the database changed as the job ends: the workspace remounts.
    act(() => {
      api.emit('job:progress', { ...JOB, state: 'done', current: 2150, rows: 3 });
      api.emit('db:changed', { db_path: '/data/demo-bank.sqlite' });
    });
    expect(await screen.findByRole('heading', { name: 'Import #7 is loaded' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Data quality of import #7' });
    expect(api.inputs('imports:quality').at(-1)).toEqual({ id: 7 });

    expect(screen.getByTestId('quality-read').textContent).toBe('3');
    expect(screen.getByTestId('quality-loaded').textContent).toBe('2');
    expect(screen.getByTestId('quality-quarantined').textContent).toBe('1');
    expect(screen.getByTestId('quality-duplicates').textContent).toBe('4');
    expect(screen.getByTestId('quality-orphan-accounts').textContent).toBe('12');
    expect(screen.getByTestId('quality-orphan-transactions').textContent).toBe('5');

    const files = within(screen.getByTestId('quality-files')).getAllByRole('row').slice(1);
    expect(files.map(cells)).toEqual([['CIF_20261130.TXT', 'Customers (CIF)', '9f2c4e1b7a3d', '3', '2', '1', '4']]);
    expect(within(files[0] as HTMLElement).getByTitle(/^SHA-256 9f2c4e1b7a3d5c6e8f0a/)).toBeTruthy();
    // Only fields that were left empty, with their share of the loaded rows.
    const missing = within(screen.getByTestId('quality-missing')).getAllByRole('row').slice(1);
    expect(missing.map(cells)).toEqual([['CIF_20261130.TXT', 'birth_date', '1', '50%']]);

    const coverage = screen.getByRole('table', { name: 'Transactions by month of posting' });
    expect(within(coverage).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['2026-09', '41,200'],
      ['2026-10', '43,950'],
      ['2026-11', '12,003'],
    ]);

    const quarantined = await screen.findAllByTestId('quarantine-row');
    expect(api.inputs('imports:quarantine').at(-1)).toEqual({ id: 7, page: 0, page_size: 50 });
    expect(quarantined[0]?.textContent).toContain('DOB: expected a date as MM/DD/YYYY (“13/45/1990”)');
    expect(quarantined[0]?.textContent).toContain('(hidden)');
    expect(screen.getByRole('button', { name: 'Export XLSX' })).toBeTruthy();
  });

  it('an error loading the quality view offers Retry', async () => {
    let fail = true;
    renderApp(
      importHandlers({
        'imports:quality': () => {
          if (fail) throw new MockError('not_found', 'No import 7.');
          return QUALITY;
        },
      }),
      '#/import',
    );
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    await userEvent.click((await screen.findAllByRole('button', { name: /Data quality/ }))[0] as HTMLElement);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The data quality of import #7 could not be loaded: No import 7.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('quality-files')).toBeTruthy();
  });
});

describe('Import: history', () => {
  it('lists imports newest first with who, profile, files and rows; opens one’s data quality', async () => {
    const api = renderApp(importHandlers(), '#/import');
    const historyTab = await screen.findByRole('tab', { name: 'History' });
    expect(historyTab.getAttribute('aria-selected')).toBe('false');
    // The tabs are one tab stop: the arrow keys move between them.
    screen.getByRole('tab', { name: 'Import files' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(historyTab);
    expect(historyTab.getAttribute('aria-selected')).toBe('true');

    const rows = await screen.findAllByTestId('history-row');
    expect(rows.map((r) => cells(r).slice(1, 3))).toEqual([
      ['mdavis', 'jack-henry'],
      ['mdavis', 'mainstreet-standard'],
    ]);
    expect(
      within(rows[0] as HTMLElement)
        .getByText('CIF_20261130.TXT')
        .getAttribute('title'),
    ).toBe('/exports/CIF_20261130.TXT');
    expect(
      within(rows[0] as HTMLElement)
        .getByText('9f2c4e1b7a3d')
        .getAttribute('title'),
    ).toBe('SHA-256 9f2c4e1b7a3d5c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6');
    expect(cells(rows[0] as HTMLElement)[4]).toBe('2of 3 read · 1 quarantined');
    // Only the newest import still in effect can be rolled back.
    expect(within(rows[0] as HTMLElement).queryByRole('button', { name: /Roll back/ })).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByRole('button', { name: /Roll back/ })).toBeNull();

    await userEvent.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Data quality of import #7' }));
    await screen.findByRole('heading', { name: 'Data quality of import #7' });
    expect(api.inputs('imports:quality')).toEqual([{ id: 7 }]);
    await userEvent.click(screen.getByRole('button', { name: '← All imports' }));
    expect(await screen.findAllByTestId('history-row')).toHaveLength(2);
  });

  it('Roll back asks first, saying what will be removed, then calls imports:rollback and refreshes', async () => {
    let records: ImportRecord[] = [importRecord(7, { can_roll_back: true }), importRecord(6)];
    const api = renderApp(
      importHandlers({
        'imports:list': () => records,
        'imports:rollback': (input) => {
          records = [importRecord(7, { status: 'rolled_back' }), importRecord(6, { can_roll_back: true })];
          return records.find((r) => r.id === input.id) as ImportRecord;
        },
      }),
      '#/import',
    );
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    const rollBack = await screen.findByRole('button', { name: 'Roll back import #7' });

    await userEvent.click(rollBack);
    let dialog = screen.getByRole('alertdialog', { name: 'Roll back import #7?' });
    expect(dialog.textContent).toContain('2 rows of CIF_20261130.TXT (customers)');
    expect(dialog.textContent).toContain('This cannot be undone.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('imports:rollback')).toEqual([]);
    expect(document.activeElement).toBe(rollBack);

    await userEvent.click(rollBack);
    dialog = screen.getByRole('alertdialog', { name: 'Roll back import #7?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Roll it back' }));
    expect(api.inputs('imports:rollback')).toEqual([{ id: 7 }]);
    expect(await screen.findByText('Import #7 was rolled back.')).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getAllByTestId('history-row')[0] as HTMLElement).getByText('Rolled back')).toBeTruthy(),
    );
    expect(api.inputs('imports:list').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('button', { name: 'Roll back import #6' })).toBeTruthy();
  });

  it('says why a rollback was refused', async () => {
    renderApp(
      importHandlers({
        'imports:rollback': () => {
          throw new MockError('busy', 'An import is running; roll back when it has finished.');
        },
      }),
      '#/import',
    );
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Roll back import #7' }));
    await userEvent.click(screen.getByRole('button', { name: 'Roll it back' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Import #7 could not be rolled back: An import is running; roll back when it has finished.',
    );
  });

  it('a database change reloads the history', async () => {
    let records = [importRecord(6)];
    const api = renderApp(importHandlers({ 'imports:list': () => records }), '#/import');
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    expect(await screen.findAllByTestId('history-row')).toHaveLength(1);
    records = [importRecord(8), importRecord(6)];
    act(() => api.emit('db:changed', { db_path: '/data/demo-bank.sqlite' }));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    // The tab stays where the user left it.
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
  });
});
