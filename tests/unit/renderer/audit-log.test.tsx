// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditPage, AuditRow } from '../../../src-shared/audit-log';
import type { DownloadFile } from '../../../src-shared/imports';
import { parseRoute } from '../../../src-renderer/lib/router';
import { MockError, type MockHandlers } from './mock-api';
import { renderApp, resetApp } from './render-app';

afterEach(() => {
  vi.restoreAllMocks();
  resetApp();
});

const BANK_NAMES: AuditRow = {
  id: 31,
  at: '2026-11-23T12:05:09.000Z',
  actor: 'creyes',
  action: 'bank.names',
  entity: 'settings',
  entity_id: 'bank_names',
  detail: JSON.stringify({
    before: { name: 'Prairie Valley Community Bank', short_name: '' },
    after: { name: 'Prairie Valley Community Bank', short_name: 'PVCB' },
  }),
};
const APPROVAL: AuditRow = {
  id: 30,
  at: '2026-11-23T11:00:00.000Z',
  actor: 'creyes',
  action: 'audience.approve',
  entity: 'audience',
  entity_id: '12',
  detail: JSON.stringify({ version: 1, before: 'submitted', after: 'approved', comment: 'Q1 push' }),
};
const IMPORT: AuditRow = {
  id: 29,
  at: '2026-11-20T14:30:00.000Z',
  actor: 'mlopez',
  action: 'import',
  entity: 'import',
  entity_id: '4',
  detail: JSON.stringify({ source: 'upload', files: [{ file: 'cif.csv', kind: 'customers', rows: 812 }] }),
};
const ENTRIES = [BANK_NAMES, APPROVAL, IMPORT];

/** A log the mock filters and pages as the main process does, so the screen's inputs have effects. */
function auditList(entries: AuditRow[] = ENTRIES): MockHandlers['audit:list'] {
  return (input): AuditPage => {
    const search = input.search?.toLowerCase();
    const matching = entries.filter(
      (e) =>
        (!input.entity || e.entity === input.entity) &&
        (!input.actor || e.actor === input.actor) &&
        (!search || `${e.action} ${e.entity_id ?? ''} ${e.detail ?? ''}`.toLowerCase().includes(search)),
    );
    return {
      entries: matching.slice(input.offset, input.offset + input.limit),
      total: matching.length,
      entities: [...new Set(entries.map((e) => e.entity))].sort(),
      actors: [...new Set(entries.map((e) => e.actor))].sort(),
    };
  };
}

const rows = () => screen.findAllByTestId('audit-row');
const lastInput = (api: ReturnType<typeof renderApp>) => api.inputs('audit:list').at(-1);

describe('Settings › Audit log', () => {
  it('is a tab of Settings with its own address, and lists who did what, when, to which record', async () => {
    expect(parseRoute('#/audit-log')).toEqual({ screen: 'audit-log' });
    const api = renderApp({
      'audit:list': auditList(),
      'bank:get': () => ({ name: 'x', short_name: '', recognised: [] }),
    });
    window.location.hash = '#/settings';
    await userEvent.click(await screen.findByRole('tab', { name: 'Audit log' }));
    await waitFor(() => expect(window.location.hash).toBe('#/audit-log'));
    await waitFor(() => expect(document.title).toBe('Audit log — Mainstreet'));
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('tab', { name: 'Audit log' }).getAttribute('aria-selected')).toBe('true');

    const table = await screen.findByRole('table', { name: 'Audit log' });
    const texts = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(texts.map((r) => r.slice(1, 4))).toEqual([
      ['creyes', 'Changed the bank’s names', 'Settings · bank_names'],
      ['creyes', 'Approved an audience', 'Audience #12'],
      ['mlopez', 'Imported files', 'Import #4'],
    ]);
    // The time as this computer shows it, the UTC instant kept for the machine.
    const when = within(table).getAllByRole('row')[1]?.querySelector('time');
    expect(when?.getAttribute('dateTime')).toBe(BANK_NAMES.at);
    expect(when?.textContent).toContain('Nov 23, 2026');
    expect(texts.map((r) => r[4])).toEqual([
      'short name: (empty) → PVCB',
      'submitted → approved · version: 1 · comment: Q1 push',
      'source: upload · files › #1 › file: cif.csv · files › #1 › kind: customers · files › #1 › rows: 812',
    ]);
    expect(screen.getByTestId('audit-count').textContent).toBe('3 entries');
    expect(api.inputs('audit:list')[0]).toEqual({ offset: 0, limit: 25 });
  });

  it('sends the chosen record kind and person, and the search once typing stops; each starts at page one', async () => {
    const many = Array.from({ length: 30 }, (_, i): AuditRow => ({ ...IMPORT, id: 100 - i }));
    const api = renderApp({ 'audit:list': auditList([...ENTRIES, ...many]) }, '#/audit-log');
    await rows();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(lastInput(api)).toEqual({ offset: 25, limit: 25 }));

    await userEvent.selectOptions(screen.getByLabelText('Record kind'), 'Audience');
    await waitFor(() => expect(lastInput(api)).toEqual({ entity: 'audience', offset: 0, limit: 25 }));
    expect((await rows()).map((r) => r.getAttribute('data-entry'))).toEqual(['30']);

    await userEvent.selectOptions(screen.getByLabelText('Record kind'), 'All kinds');
    await userEvent.selectOptions(screen.getByLabelText('Person'), 'creyes');
    await waitFor(() => expect(lastInput(api)).toEqual({ actor: 'creyes', offset: 0, limit: 25 }));

    const before = api.inputs('audit:list').length;
    const search = screen.getByLabelText('Search');
    for (const text of ['a', 'ap', 'app', 'approve']) fireEvent.change(search, { target: { value: text } });
    await waitFor(() => expect(lastInput(api)).toEqual({ actor: 'creyes', search: 'approve', offset: 0, limit: 25 }));
    // One request for the word, none for the letters on the way to it.
    expect(api.inputs('audit:list').slice(before)).toEqual([
      { actor: 'creyes', search: 'approve', offset: 0, limit: 25 },
    ]);
    expect((await rows()).map((r) => r.getAttribute('data-entry'))).toEqual(['30']);
  });

  it('opens an entry beside the table: an edit shows only the fields that changed, Show all the rest', async () => {
    renderApp({ 'audit:list': auditList() }, '#/audit-log');
    const [first] = await rows();
    expect(screen.queryByTestId('audit-detail')).toBeNull();
    await userEvent.click(first as HTMLElement);
    const detail = await screen.findByTestId('audit-detail');
    expect(first?.getAttribute('aria-current')).toBe('true');
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('Changed the bank’s names #31');
    expect(within(detail).getByText('bank.names')).toBeTruthy();
    const changes = () =>
      within(detail)
        .getAllByTestId('audit-change')
        .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(within(detail).getByTestId('audit-change-count').textContent).toBe('1 of 2 fields changed');
    expect(changes()).toEqual([['short name', '(empty)', 'PVCB']]);

    await userEvent.click(within(detail).getByLabelText('Show all fields'));
    expect(changes()).toEqual([
      ['name', 'Prairie Valley Community Bank', 'Prairie Valley Community Bank'],
      ['short name', '(empty)', 'PVCB'],
    ]);
    expect(within(detail).getByText(/"short_name": "PVCB"/)).toBeTruthy();

    // The keyboard opens the next entry: an approval, its status before and after and the rest recorded.
    (first as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const approval = await screen.findByTestId('audit-detail');
    await waitFor(() => expect(within(approval).getByRole('heading', { level: 2 }).textContent).toContain('#30'));
    expect(
      within(approval)
        .getAllByTestId('audit-change')
        .map((row) => Array.from(row.children, (cell) => cell.textContent)),
    ).toEqual([['Value', 'submitted', 'approved']]);
    expect(within(approval).queryByLabelText('Show all fields')).toBeNull();
    expect(
      within(approval)
        .getAllByTestId('audit-field')
        .map((row) => row.textContent),
    ).toEqual(['version1', 'commentQ1 push']);

    await userEvent.click(within(approval).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('audit-detail')).toBeNull();
    expect(document.activeElement?.getAttribute('data-entry')).toBe('30');
  });

  it('exports what the filters show, as CSV or Excel', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:audit');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = renderApp(
      {
        'audit:list': auditList(),
        'audit:export': ({ format }): DownloadFile => ({
          file_name: `audit-log.${format}`,
          mime: 'text/csv',
          base64: btoa('When (UTC)\n'),
        }),
      },
      '#/audit-log',
    );
    await rows();
    await userEvent.selectOptions(screen.getByLabelText('Record kind'), 'Settings');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: ' names ' } });
    await waitFor(() => expect(lastInput(api)).toMatchObject({ entity: 'settings', search: 'names' }));
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await userEvent.click(screen.getByRole('button', { name: 'Export Excel' }));
    expect(api.inputs('audit:export')).toEqual([
      { format: 'csv', entity: 'settings', search: 'names' },
      { format: 'xlsx', entity: 'settings', search: 'names' },
    ]);
    expect(created).toHaveBeenCalledTimes(2);
    expect(clicked).toHaveBeenCalledTimes(2);
  });

  it('says when nothing is recorded yet, and when the filters match nothing offers to clear them', async () => {
    renderApp({ 'audit:list': auditList([]) }, '#/audit-log');
    expect(await screen.findByText(/Nothing has been recorded yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveProperty('disabled', true);
    resetApp();

    const api = renderApp({ 'audit:list': auditList() }, '#/audit-log');
    await rows();
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'no such thing' } });
    expect(await screen.findByText('No entry matches these filters.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await waitFor(() => expect(lastInput(api)).toEqual({ offset: 0, limit: 25 }));
    expect(await rows()).toHaveLength(3);
    expect(screen.getByLabelText('Search')).toHaveProperty('value', '');
  });

  it('shows why the log could not be read, and Retry asks again', async () => {
    let fail = true;
    const list = auditList();
    const api = renderApp(
      {
        'audit:list': (input) => {
          if (fail) throw new MockError('no_database', 'The database is closed.');
          return list?.(input) as AuditPage;
        },
      },
      '#/audit-log',
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The audit log could not be loaded: The database is closed.',
    );
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await rows()).toHaveLength(3);
    expect(api.inputs('audit:list')).toHaveLength(2);
  });
});
