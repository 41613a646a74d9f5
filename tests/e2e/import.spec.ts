/**
 * The Import screen against the real server: a core's customer file with headers of its own
 * is mapped in the UI, the mapping saved as a profile, the file imported with the progress
 * bar showing, and the customers it held found on the Customers screen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, cli, expect, startServer, stopServer, test } from './fixtures';

const FILE_NAME = 'core-cif.csv';
const FILLER_ROWS = 4000;

/** Three customers to look for, then enough others that the import takes a visible moment. */
function writeCoreExport(dir: string): { path: string; rows: number } {
  const lines = [
    'CUST_NO,SURNAME,GIVEN_NAME,DOB,ADDR1,CITY,ST,ZIP5',
    'E2E000001,Quillfeather,Ada,03/15/1968,12 Elm St,Ames,IA,50010',
    'E2E000002,Brightwater,Bo,11/02/1990,4 Oak Ave,Nevada,IA,50201',
    'E2E000003,Fernsby,Cy,07/30/1955,9 Pine Rd,Boone,IA,50036',
  ];
  for (let i = 4; i < FILLER_ROWS + 4; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`E2E${String(i).padStart(6, '0')},Testrow${i},Pat,${month}/${day}/1970,${i} Main St,Ames,IA,50010`);
  }
  const path = join(dir, FILE_NAME);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return { path, rows: lines.length - 1 };
}

test('maps a new file in the UI, saves the profile, imports with the progress bar', async ({ page, dataDir }) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '500', '--seed', '11']);
  const filesDir = mkdtempSync(join(tmpdir(), 'mainstreet-e2e-files-'));
  const file = writeCoreExport(filesDir);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Mapping profile').selectOption({ label: 'New mapping' });

    // Picking the file sniffs it and, for a new mapping, asks for a suggestion.
    const suggested = page.waitForResponse((r) => r.url().includes('/api/invoke/import%3Asuggest'));
    await page.getByLabel('Choose files…').setInputFiles(file.path);
    const card = page.getByRole('region', { name: FILE_NAME });
    await expect(card).toBeVisible();
    await expect(card.getByRole('table', { name: `First rows of ${FILE_NAME}` })).toContainText('Quillfeather');
    await expect(card.getByText('comma')).toBeVisible();
    const kind = page.getByRole('combobox', { name: `What ${FILE_NAME} holds` });
    if ((await kind.inputValue()) !== 'customers') await kind.selectOption('customers');
    await suggested;
    // The suggestion finds the customer number from its header; the rest is checked and set by hand.
    await expect(page.getByRole('combobox', { name: 'Source of customer_number' })).toHaveValue('column:CUST_NO');
    const sources: [string, string][] = [
      ['last_name', 'SURNAME'],
      ['first_name', 'GIVEN_NAME'],
      ['birth_date', 'DOB'],
      ['address_line1', 'ADDR1'],
      ['city', 'CITY'],
      ['state', 'ST'],
      ['zip', 'ZIP5'],
    ];
    for (const [field, column] of sources) {
      await page.getByRole('combobox', { name: `Source of ${field}` }).selectOption(`column:${column}`);
    }
    await page.getByRole('combobox', { name: 'Date format of birth_date' }).selectOption('MM/DD/YYYY');
    await page.screenshot({ path: join(ARTIFACTS, 'import-mapping.png'), fullPage: true });

    await page.getByLabel('Profile name').fill('test-core');
    await page.getByLabel('Title').fill('Test core (e2e)');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Saved as “test-core”.')).toBeVisible();
    await expect(page.getByLabel('Mapping profile')).toHaveValue('test-core');

    // The progress bar shows while the job runs, then the data-quality view of the import.
    await page.getByRole('button', { name: 'Import 1 file' }).click();
    const bar = page.getByRole('progressbar', { name: 'Import' });
    await expect(bar).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'import-progress.png') });
    await expect(page.getByRole('heading', { name: /^Import #\d+ is loaded$/ })).toBeVisible({ timeout: 60_000 });
    const quality = page.getByTestId('quality-files');
    await expect(quality).toBeVisible();
    const fileRow = quality.getByRole('row', { name: new RegExp(FILE_NAME) });
    const rows = file.rows.toLocaleString('en-US');
    await expect(fileRow).toContainText(rows);
    await expect(page.getByTestId('quality-loaded')).toHaveText(rows);
    await expect(page.getByTestId('quality-quarantined')).toHaveText('0');
    await page.screenshot({ path: join(ARTIFACTS, 'import-quality.png'), fullPage: true });

    await page.getByRole('tab', { name: 'History' }).click();
    const newest = page.getByTestId('history-row').first();
    await expect(newest).toContainText('test-core');
    await expect(newest).toContainText(FILE_NAME);
    await page.screenshot({ path: join(ARTIFACTS, 'import-history.png') });

    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Search customers').fill('Quillfeather');
    await expect(page.getByTestId('customer-count')).toHaveText('1 customer');
    await expect(page.getByTestId('customer-row').first()).toContainText('Ada Quillfeather');
  } finally {
    await stopServer(server);
    rmSync(filesDir, { recursive: true, force: true });
  }
});

/** A profile as a user would have exported it from another Mainstreet. */
const PROFILE = {
  format: 'mainstreet-mapping-profile',
  version: 1,
  name: 'branch-core',
  title: 'Branch core (e2e)',
  description: 'Customers from the branch system.',
  files: [
    {
      kind: 'customers',
      match: 'branch-cif-*.csv',
      format: { delimiter: ',', header: true },
      fields: {
        customer_number: { column: 'CUST_NO' },
        last_name: { column: 'SURNAME' },
        first_name: { column: 'GIVEN_NAME' },
        birth_date: { column: 'DOB', transform: { type: 'date', format: 'MM/DD/YYYY' } },
        address_line1: { column: 'ADDR1' },
        city: { column: 'CITY' },
        state: { column: 'ST' },
        zip: { column: 'ZIP5' },
      },
    },
  ],
};

test('a refused import lists its problems, loads the good rows with quarantine, and rolls back', async ({
  page,
  dataDir,
}) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '300', '--seed', '5']);
  const filesDir = mkdtempSync(join(tmpdir(), 'mainstreet-e2e-files-'));
  const profilePath = join(filesDir, 'branch-core.mainstreet-profile.json');
  writeFileSync(profilePath, JSON.stringify(PROFILE, null, 2));
  const csvPath = join(filesDir, 'branch-cif-202611.csv');
  writeFileSync(
    csvPath,
    [
      'CUST_NO,SURNAME,GIVEN_NAME,DOB,ADDR1,CITY,ST,ZIP5',
      'BR0001,Halvorsen,Ingrid,04/12/1972,3 Lake Rd,Ames,IA,50010',
      'BR0002,Marchetti,Luca,13/45/1990,8 Hill St,Ames,IA,50010',
      'BR0003,,Noor,01/02/1985,5 Elm Ct,Ames,IA,50010',
      'BR0004,Okonkwo,Ife,09/09/1999,7 Oak Ln,Ames,IA,50014',
      '',
    ].join('\n'),
  );
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Import a profile file…').setInputFiles(profilePath);
    await expect(page.getByLabel('Mapping profile')).toHaveValue('branch-core');

    await page.getByLabel('Choose files…').setInputFiles(csvPath);
    await expect(page.getByRole('combobox', { name: 'Source of last_name' })).toHaveValue('column:SURNAME');
    await page.getByRole('button', { name: 'Import 1 file' }).click();

    // Nothing loads; every problem is listed with its row, and the list can be saved.
    await expect(page.getByRole('heading', { name: 'Nothing was imported' })).toBeVisible({ timeout: 60_000 });
    const problems = page.getByTestId('import-report-row');
    await expect(problems).toHaveCount(2);
    await expect(problems.filter({ hasText: '13/45/1990' })).toHaveCount(1);
    await page.screenshot({ path: join(ARTIFACTS, 'import-refused.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);

    await page.getByRole('button', { name: 'Import the good rows, quarantine the rest' }).click();
    await expect(page.getByRole('heading', { name: /^Import #\d+ is loaded$/ })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('quality-loaded')).toHaveText('2');
    await expect(page.getByTestId('quality-quarantined')).toHaveText('2');
    await expect(page.getByTestId('quarantine-row')).toHaveCount(2);

    // The newest import rolls back after a question that says what goes.
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('button', { name: /^Roll back import #\d+$/ }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('2 rows of branch-cif-202611.csv');
    await page.screenshot({ path: join(ARTIFACTS, 'import-rollback.png') });
    await dialog.getByRole('button', { name: 'Roll it back' }).click();
    await expect(page.getByTestId('history-row').first()).toContainText('Rolled back');

    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Search customers').fill('Halvorsen');
    await expect(page.getByTestId('customer-count')).toHaveText('0 customers');
  } finally {
    await stopServer(server);
    rmSync(filesDir, { recursive: true, force: true });
  }
});
