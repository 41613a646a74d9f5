// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cifFile, cifUpload, histFile, importHandlers, PROFILES, stubFileBridge } from './import-data';
import type { MockHandlers } from './mock-api';
import { renderApp, resetApp } from './render-app';

beforeEach(stubFileBridge);
afterEach(() => {
  delete window.mainstreetFiles;
  resetApp();
});

const select = (name: string | RegExp) => screen.getByRole<HTMLSelectElement>('combobox', { name });
const importButton = () => screen.getByRole<HTMLButtonElement>('button', { name: /^Import \d/ });

/** Opens Import, chooses New mapping and picks the CIF file; resolves once its mapping is suggested. */
async function pickNewFile(handlers: MockHandlers = {}) {
  const api = renderApp(importHandlers(handlers), '#/import');
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Mapping profile' }), 'New mapping');
  await userEvent.upload(screen.getByLabelText('Choose files…'), cifUpload());
  await screen.findByRole('region', { name: 'CIF_20261130.TXT' });
  await waitFor(() => expect(select('Source of birth_date').value).toBe('column:DOB'));
  return api;
}

describe('Import: files and preview', () => {
  it('sniffs the picked files and shows their format, kind and first rows', async () => {
    const api = await pickNewFile();
    // A new mapping names no profile.
    expect(api.inputs('import:sniff')).toEqual([{ paths: ['/exports/CIF_20261130.TXT'] }]);
    const card = screen.getByRole('region', { name: 'CIF_20261130.TXT' });
    const facts = within(card)
      .getAllByRole('definition')
      .map((dd) => dd.textContent);
    expect(facts).toEqual(['2.1 KB', 'windows-1252', 'semicolon', 'double quote (")', 'yes', 'CRLF (Windows)']);
    expect(within(card).getByRole<HTMLSelectElement>('combobox', { name: 'What CIF_20261130.TXT holds' }).value).toBe(
      'customers',
    );
    const preview = within(card).getByRole('table', { name: 'First rows of CIF_20261130.TXT' });
    const rows = within(preview).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[0]?.textContent).toContain('CUST_NOSURNAMEGIVEN_NAMEDOB');
    expect(within(rows[1] as HTMLElement).getByText('Lindqvist')).toBeTruthy();
  });

  it('starts on the profile saved last and sniffs with its name; a file it covers needs no suggestion', async () => {
    const api = renderApp(importHandlers(), '#/import');
    expect((await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Mapping profile' })).value).toBe(
      'jack-henry',
    );
    await userEvent.upload(screen.getByLabelText('Choose files…'), cifUpload('CIF_20261231.TXT'));
    await screen.findByRole('region', { name: 'CIF_20261231.TXT' });
    expect(api.inputs('import:sniff')).toEqual([{ paths: ['/exports/CIF_20261231.TXT'], profile: 'jack-henry' }]);
    expect(select('Source of last_name').value).toBe('column:SURNAME');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /File name pattern/ }).value).toBe('CIF_*.TXT');
    expect(api.inputs('import:suggest')).toEqual([]);
  });

  it('shows why a sniff failed', async () => {
    renderApp(
      importHandlers({
        'import:sniff': () => {
          throw new Error('CIF.TXT: permission denied');
        },
      }),
      '#/import',
    );
    await screen.findByRole('combobox', { name: 'Mapping profile' });
    await userEvent.upload(screen.getByLabelText('Choose files…'), cifUpload());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The files could not be read: CIF.TXT: permission denied',
    );
  });
});

describe('Import: mapping', () => {
  it('fills a new mapping from import:suggest, with reasons and the sensitive column locked', async () => {
    const api = await pickNewFile();
    const [suggest] = api.inputs('import:suggest');
    expect(suggest?.kind).toBe('customers');
    expect(suggest?.columns).toEqual(['CUST_NO', 'SURNAME', 'GIVEN_NAME', 'DOB', 'ADDR1', 'CITY', 'ST', 'ZIP5', 'SSN']);
    expect(suggest?.rows[0]?.[1]).toBe('Lindqvist');

    expect(select('Source of customer_number').value).toBe('column:CUST_NO');
    expect(select('Date format of birth_date').value).toBe('MM/DD/YYYY');
    expect(screen.getByText('header "DOB" looks like birth_date; values are MM/DD/YYYY')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('SSN looks like Social Security or tax ID numbers');
    const ssnForName = within(select('Source of last_name')).getByRole<HTMLOptionElement>('option', {
      name: 'SSN (sensitive)',
    });
    expect(ssnForName.disabled).toBe(true);
    const ssnForTaxId = within(select('Source of tax_id')).getByRole<HTMLOptionElement>('option', {
      name: 'SSN (sensitive)',
    });
    expect(ssnForTaxId.disabled).toBe(false);
    // A date in the name becomes a wildcard, so next month's file matches too.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /File name pattern/ }).value).toBe('CIF_*.TXT');
  });

  it('a required field without a source blocks the import and says which', async () => {
    await pickNewFile();
    expect(importButton().disabled).toBe(false);
    await userEvent.selectOptions(select('Source of last_name'), '— not imported');
    expect(importButton().disabled).toBe(true);
    const blocked = screen.getByText('Before importing:').parentElement as HTMLElement;
    expect(blocked.textContent).toContain('CIF_20261130.TXT: map the required field last_name.');
    expect(importButton().getAttribute('aria-describedby')).toBe(blocked.id);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save profile' }).disabled).toBe(true);

    await userEvent.selectOptions(select('Source of last_name'), 'SURNAME');
    expect(importButton().disabled).toBe(false);
    expect(screen.queryByText('Before importing:')).toBeNull();
  });

  it('a file of no known kind must be given one, and then gets a suggestion', async () => {
    const api = renderApp(
      importHandlers({ 'import:sniff': (input) => input.paths.map((p) => ({ ...cifFile(p), guessed_kind: null })) }),
      '#/import',
    );
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Mapping profile' }), 'New mapping');
    await userEvent.upload(screen.getByLabelText('Choose files…'), cifUpload('extract.txt'));
    await screen.findByRole('region', { name: 'extract.txt' });
    expect(importButton().disabled).toBe(true);
    expect(screen.getByText('extract.txt: choose what kind of file it is.')).toBeTruthy();
    await userEvent.selectOptions(select('What extract.txt holds'), 'Customers (CIF)');
    await waitFor(() => expect(select('Source of customer_number').value).toBe('column:CUST_NO'));
    expect(api.inputs('import:suggest')).toHaveLength(1);
    expect(importButton().disabled).toBe(false);
  });

  it('edits an amount read with a debit/credit column', async () => {
    const api = renderApp(
      importHandlers({ 'import:sniff': (input) => input.paths.map((p) => histFile(p)) }),
      '#/import',
    );
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Mapping profile' }), 'New mapping');
    await userEvent.upload(screen.getByLabelText('Choose files…'), new File(['x'], 'HIST.TXT'));
    await waitFor(() => expect(select('Source of amount').value).toBe('column:AMT'));
    expect(api.inputs('import:suggest')[0]?.kind).toBe('transactions');

    await userEvent.selectOptions(select('Decimal mark of amount'), '1.234,56');
    await userEvent.selectOptions(select('Debit or credit column of amount'), 'Sign from DRCR');
    expect(screen.getByText(/In the file: C, D\./)).toBeTruthy();
    // An indicator column without debit values cannot be read.
    expect(importButton().disabled).toBe(true);
    expect(screen.getByText('HIST.TXT: amount: list the values of DRCR that mean a debit.')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Debit values of DRCR' }), 'D, DR');
    await userEvent.click(importButton());
    expect(api.inputs('import:start')[0]?.profile.files[0]?.fields.amount).toEqual({
      column: 'AMT',
      transform: { type: 'amount', decimal: ',', sign: { column: 'DRCR', debit: ['D', 'DR'], credit: [] } },
    });
  });

  it('edits a lookup of codes, with the file’s codes added in one go', async () => {
    const api = await pickNewFile();
    await userEvent.selectOptions(select('Source of gender'), 'GIVEN_NAME');
    await userEvent.selectOptions(select('Reading of gender'), 'Translate codes');
    await userEvent.click(screen.getByRole('button', { name: /Add the file’s codes/ }));
    await userEvent.selectOptions(select('Standard value for code Marta of gender'), 'F');
    await userEvent.selectOptions(select('Standard value for code Chidi of gender'), 'M');
    await userEvent.selectOptions(select('Standard value for code Lan of gender'), 'F');
    await userEvent.selectOptions(select('Standard value for any other code of gender'), 'X');
    await userEvent.click(importButton());
    const profile = api.inputs('import:start')[0]?.profile;
    expect(profile?.files[0]?.fields.gender).toEqual({
      column: 'GIVEN_NAME',
      transform: { type: 'lookup', map: { Marta: 'F', Chidi: 'M', Lan: 'F' }, default: 'X' },
    });
  });
});

describe('Import: profiles', () => {
  it('saves the edited mapping under a new name with profiles:save', async () => {
    let saved = PROFILES;
    const api = await pickNewFile({
      'profiles:list': () => saved,
      'profiles:save': (input) => {
        const profile = {
          name: input.profile.name,
          title: input.profile.title,
          description: '',
          built_in: false,
          updated_at: '2026-11-23T10:00:00Z',
          profile: input.profile,
        };
        saved = [...PROFILES, profile];
        return profile;
      },
    });
    await userEvent.selectOptions(select('Date format of birth_date'), 'M/D/YYYY');
    await userEvent.type(screen.getByRole('textbox', { name: /Profile name/ }), 'test-core');
    await userEvent.type(screen.getByRole('textbox', { name: /Title/ }), 'Test core');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Saved as “test-core”.')).toBeTruthy();
    const [input] = api.inputs('profiles:save');
    expect(input?.overwrite).toBe(false);
    expect(input?.profile).toMatchObject({
      name: 'test-core',
      title: 'Test core',
      format: 'mainstreet-mapping-profile',
    });
    expect(input?.profile.files).toEqual([
      expect.objectContaining({
        kind: 'customers',
        match: 'CIF_*.TXT',
        format: { encoding: 'windows-1252', delimiter: ';', quote: '"', header: true },
        fields: expect.objectContaining({
          customer_number: { column: 'CUST_NO' },
          birth_date: { column: 'DOB', transform: { type: 'date', format: 'M/D/YYYY' } },
        }),
      }),
    ]);
    await waitFor(() => expect(select('Mapping profile').value).toBe('test-core'));
    // The import now records the profile by its name.
    await userEvent.click(importButton());
    expect(api.inputs('import:start')[0]?.profile.name).toBe('test-core');
  });

  it('asks before replacing a saved profile, and refuses a built-in name', async () => {
    const api = await pickNewFile({ 'profiles:save': (input) => ({ ...PROFILES[2]!, profile: input.profile }) });
    const name = screen.getByRole('textbox', { name: /Profile name/ });
    await userEvent.type(name, 'mainstreet-standard');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      '“mainstreet-standard” is built in and cannot be changed',
    );
    expect(api.inputs('profiles:save')).toEqual([]);

    await userEvent.clear(name);
    await userEvent.type(name, 'jack-henry');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the profile “jack-henry”?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace it' }));
    await waitFor(() => expect(api.inputs('profiles:save')).toHaveLength(1));
    expect(api.inputs('profiles:save')[0]?.overwrite).toBe(true);
  });

  it('imports a profile file, showing the reason when it is refused', async () => {
    const api = renderApp(
      importHandlers({
        'profiles:save': (input) => ({ ...PROFILES[2]!, name: input.profile.name, profile: input.profile }),
      }),
      '#/import',
    );
    const input = await screen.findByLabelText('Import a profile file…');
    await userEvent.upload(input, new File(['{ not json'], 'broken.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toContain('broken.json is not a profile file');

    const invalid = { format: 'mainstreet-mapping-profile', version: 1, name: 'Bad Name', title: 'x', files: [] };
    await userEvent.upload(input, new File([JSON.stringify(invalid)], 'bad.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /The profile could not be saved: profiles:save: .*name/s,
    );

    const good = { ...PROFILES[2]!.profile, name: 'fiserv-dna', title: 'Fiserv DNA' };
    await userEvent.upload(input, new File([JSON.stringify(good)], 'fiserv.json', { type: 'application/json' }));
    await waitFor(() =>
      expect(api.inputs('profiles:save').at(-1)).toMatchObject({ profile: { name: 'fiserv-dna' }, overwrite: false }),
    );
  });

  it('deletes a saved profile after asking; built-ins offer no Delete', async () => {
    const api = renderApp(importHandlers({ 'profiles:delete': () => ({ deleted: true }) }), '#/import');
    await userEvent.click(await screen.findByRole('button', { name: 'Delete profile' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the profile “jack-henry”?' });
    expect(dialog.textContent).toContain('Imports already made with it stay in the history.');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.inputs('profiles:delete')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Delete profile' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete it' }));
    await waitFor(() => expect(api.inputs('profiles:delete')).toEqual([{ name: 'jack-henry' }]));
    await waitFor(() => expect(select('Mapping profile').value).toBe('mainstreet-standard'));
    expect(screen.queryByRole('button', { name: 'Delete profile' })).toBeNull();
  });
});
