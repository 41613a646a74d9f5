// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome } from '../../../src-shared/imports';
import { cifUpload, importHandlers, JOB, LOADED, REFUSED, stubFileBridge } from './import-data';
import type { MockHandlers } from './mock-api';
import { renderApp, resetApp } from './render-app';

beforeEach(stubFileBridge);
afterEach(() => {
  vi.restoreAllMocks();
  delete window.mainstreetFiles;
  resetApp();
});

/** Picks the CIF file with the saved jack-henry profile and presses Import. */
async function startImport(handlers: MockHandlers = {}) {
  const api = renderApp(importHandlers(handlers), '#/import');
  await screen.findByRole('combobox', { name: 'Mapping profile' });
  await userEvent.upload(screen.getByLabelText('Choose files…'), cifUpload());
  await userEvent.click(await screen.findByRole('button', { name: 'Import 1 file' }));
  await screen.findByTestId('import-progress');
  return api;
}

const bar = () => screen.getByRole('progressbar', { name: 'Import' });

describe('Import: progress and cancel', () => {
  it('starts the job with the files and profile, and follows job:progress events', async () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const api = await startImport();
    expect(api.inputs('import:start')).toEqual([
      expect.objectContaining({ paths: ['/exports/CIF_20261130.TXT'], quarantine: false }),
    ]);
    expect(api.inputs('import:start')[0]?.profile).toMatchObject({
      name: 'jack-henry',
      title: 'Jack Henry SilverLake',
    });
    expect(bar().getAttribute('aria-valuenow')).toBe('0');

    // Within the first seconds there is no estimate yet.
    now += 1000;
    act(() => api.emit('job:progress', { ...JOB, current: 215, rows: 1200 }));
    expect(bar().getAttribute('aria-valuenow')).toBe('10');
    expect(screen.getByTestId('import-progress-facts').textContent).toBe('1,200 rows read · 10%');

    // 25% of the bytes in 10 seconds: about 30 seconds to go.
    now += 9000;
    act(() => api.emit('job:progress', { ...JOB, step: 'Reading CIF_20261130.TXT', current: 537, rows: 3456 }));
    expect(bar().getAttribute('aria-valuenow')).toBe('24');
    expect(bar().getAttribute('aria-valuetext')).toBe('24%, 3,456 rows read');
    expect(screen.getByTestId('import-progress-facts').textContent).toBe(
      '3,456 rows read · 24% · about 30 seconds left',
    );

    // Another job's progress is not this import's.
    act(() => api.emit('job:progress', { ...JOB, id: 'demo-9', kind: 'demo:build', current: 2000 }));
    expect(bar().getAttribute('aria-valuenow')).toBe('24');
  });

  it('Cancel calls jobs:cancel, and the end says nothing was imported', async () => {
    const api = await startImport({ 'import:outcome': () => ({ status: 'cancelled' }) });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.inputs('jobs:cancel')).toEqual([{ id: 'import-1' }]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Cancelling…' }).disabled).toBe(true);

    act(() => api.emit('job:progress', { ...JOB, state: 'cancelled', step: 'Cancelled' }));
    expect(await screen.findByRole('heading', { name: 'Import cancelled' })).toBe(document.activeElement);
    expect(screen.getByText(/Nothing was imported: the database is exactly as it was/)).toBeTruthy();
    expect(api.inputs('import:outcome')).toEqual([{ job_id: 'import-1' }]);
    await userEvent.click(screen.getByRole('button', { name: 'Back to the files' }));
    // The files and mapping are still there, ready to go again.
    expect(screen.getByRole('region', { name: 'CIF_20261130.TXT' })).toBeTruthy();
  });

  it('catches up from jobs:get when the end came before the event stream', async () => {
    renderApp(
      importHandlers({ 'jobs:get': () => ({ ...JOB, state: 'done' }), 'import:outcome': () => LOADED }),
      '#/import',
    );
    await screen.findByRole('combobox', { name: 'Mapping profile' });
    await userEvent.upload(screen.getByLabelText('Choose files…'), cifUpload());
    await userEvent.click(await screen.findByRole('button', { name: 'Import 1 file' }));
    expect(await screen.findByRole('heading', { name: 'Import #7 is loaded' })).toBeTruthy();
  });

  it('a failed job shows its error', async () => {
    const api = await startImport({
      'import:outcome': () => ({ status: 'failed', message: 'SQLITE_FULL: disk is full.' }),
    });
    act(() => api.emit('job:progress', { ...JOB, state: 'failed', error: 'SQLITE_FULL: disk is full.' }));
    expect((await screen.findByRole('alert')).textContent).toBe('SQLITE_FULL: disk is full. Nothing was imported.');
  });

  it('a start the main process refuses is explained', async () => {
    renderApp(
      importHandlers({
        'import:start': () => {
          throw new Error('An import is already running. Wait for it to finish or cancel it.');
        },
      }),
      '#/import',
    );
    await screen.findByRole('combobox', { name: 'Mapping profile' });
    await userEvent.upload(screen.getByLabelText('Choose files…'), cifUpload());
    await userEvent.click(await screen.findByRole('button', { name: 'Import 1 file' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The import could not start: An import is already running. Wait for it to finish or cancel it.',
    );
  });
});

describe('Import: refused', () => {
  async function refuse(handlers: MockHandlers = {}) {
    let outcome: ImportOutcome = REFUSED;
    const api = await startImport({
      'import:outcome': () => outcome,
      ...handlers,
    });
    act(() => api.emit('job:progress', { ...JOB, state: 'done', current: 2150 }));
    await screen.findByRole('heading', { name: 'Nothing was imported' });
    return { api, setOutcome: (o: ImportOutcome) => (outcome = o) };
  }

  it('lists every problem with its file, row, column, value and reason', async () => {
    await refuse();
    expect(screen.getByTestId('report-count').textContent).toBe('3 problems found in 2 rows.');
    // The listed problems say it all: the summary message, which repeats the first, is not shown.
    expect(screen.queryByText(REFUSED.status === 'refused' ? REFUSED.message : '')).toBeNull();
    const rows = screen.getAllByTestId('import-report-row').map((r) => Array.from(r.children, (c) => c.textContent));
    expect(rows).toEqual([
      ['CIF_20261130.TXT', '2', 'DOB', '13/45/1990', 'expected a date as MM/DD/YYYY'],
      ['CIF_20261130.TXT', '3', 'SURNAME', '(empty)', 'last_name is required'],
      ['CIF_20261130.TXT', '3', 'ZIP5', '5020', 'expected a ZIP code'],
    ]);
  });

  it('the report is read with the keyboard and sorts by a column', async () => {
    await refuse();
    const rows = screen.getAllByTestId('import-report-row');
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0]?.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(rows[2]);
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(rows[0]);

    await userEvent.click(screen.getByRole('button', { name: /Problem/ }));
    expect(screen.getByRole('columnheader', { name: /Problem/ }).getAttribute('aria-sort')).toBe('ascending');
    const reasons = screen.getAllByTestId('import-report-row').map((r) => r.children[4]?.textContent);
    expect(reasons).toEqual(['expected a date as MM/DD/YYYY', 'expected a ZIP code', 'last_name is required']);
  });

  it('exports the report as CSV through import:report', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('import-problems.csv');
    });
    const { api } = await refuse({
      'import:report': () => ({ file_name: 'import-problems.csv', mime: 'text/csv', base64: btoa('file,row\n') }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(api.inputs('import:report')).toEqual([{ source: { job_id: 'import-1' }, format: 'csv' }]);
    await waitFor(() => expect(clicked).toHaveBeenCalledOnce());
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(await blob.text()).toBe('file,row\n');
    expect(blob.type).toBe('text/csv');
  });

  it('“Import the good rows, quarantine the rest” starts again with quarantine on', async () => {
    const { api, setOutcome } = await refuse();
    setOutcome(LOADED);
    await userEvent.click(screen.getByRole('button', { name: 'Import the good rows, quarantine the rest' }));
    const [first, second] = api.inputs('import:start');
    expect(second).toEqual({ ...first, quarantine: true });
    await screen.findByTestId('import-progress');
    act(() => api.emit('job:progress', { ...JOB, state: 'done', current: 2150 }));
    expect(await screen.findByRole('heading', { name: 'Import #7 is loaded' })).toBeTruthy();
    expect(
      screen.getByText('2 rows loaded from 1 file; 1 quarantined with their reasons (listed below).'),
    ).toBeTruthy();
  });

  it('“Fix the files and try again” goes back to the files with the mapping kept', async () => {
    await refuse();
    await userEvent.click(screen.getByRole('button', { name: 'Fix the files and try again' }));
    expect(screen.getByText(/^Correct the rows the report lists/).getAttribute('role')).toBe('status');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Source of last_name' }).value).toBe(
      'column:SURNAME',
    );
    expect(within(screen.getByRole('main')).getByRole('button', { name: 'Import 1 file' })).toBeTruthy();
  });
});
