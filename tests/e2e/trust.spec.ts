/**
 * Trust from the screens, against the real server: the team in Settings › People (four-eyes,
 * switching person, the name in the navigation), Back up now and a restore with its preview,
 * erasing a customer on request, the retention policy, the question "who is working?" when
 * everyone has a PIN, and the recovery offered when the database is damaged.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expect, shot, startServer, stopServer, test } from './fixtures';

test('the team, backups and privacy from Settings', async ({ page, dataDir }) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '300', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'People' }).click();
    await expect(page).toHaveTitle('People — Mainstreet');
    await expect(page.getByTestId('people-none')).toContainText('this computer’s account');

    // The first person is the administrator; they are signed in once added.
    await page.getByRole('button', { name: 'Add a person' }).click();
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill('Dana Whitfield');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByTestId('nav-person')).toContainText('Dana Whitfield · Administrator');
    await page.getByRole('button', { name: 'Add a person' }).click();
    await form.getByLabel('Name').fill('Priya Shah');
    await form.getByLabel('Role').selectOption('compliance');
    await form.getByLabel('PIN (optional)').fill('2468');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('table', { name: 'People' }).getByRole('row')).toHaveCount(3);
    await expect(page.getByTestId('four-eyes-state')).toHaveText('In force: approving your own work is refused.');
    await shot(page, 'settings-people.png', true);

    // Switching to Priya asks for her PIN.
    await page
      .getByRole('list', { name: 'Who is working' })
      .getByRole('button', { name: /Priya Shah/ })
      .click();
    await page.getByLabel('Priya Shah’s PIN').fill('1111');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('That PIN is not right');
    await page.getByLabel('Priya Shah’s PIN').fill('2468');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('nav-person')).toContainText('Priya Shah · Compliance reviewer');
    // Only the administrator turns four-eyes off.
    // The box stays ticked until the confirmation.
    await page.getByLabel(/approved by someone other than the person who prepared it/).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Turn off' }).click();
    await expect(page.getByRole('alert')).toContainText('Only an administrator can change the four-eyes rule');

    // Backups: back up now, then restore it with its preview.
    await page.getByRole('tab', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const backups = page.getByRole('table', { name: 'Backups' });
    await expect(backups.getByRole('row')).toHaveCount(2);
    await expect(backups).toContainText('Backed up by hand');
    await expect(backups).toContainText('300 customers');
    await shot(page, 'settings-backups.png', true);
    await backups.getByRole('button', { name: /^Restore/ }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByTestId('restore-preview')).toContainText('300 customers');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('alert')).toContainText('Only an administrator can restore a backup');
  } finally {
    await stopServer(server);
  }
});

test('erasing a customer and the retention policy, by the machine’s account', async ({ page, dataDir }) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '300', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    const number = execFileSync('sqlite3', [db, 'SELECT customer_number FROM customers ORDER BY id LIMIT 1'], {
      encoding: 'utf8',
    }).trim();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Privacy' }).click();
    await expect(page.getByRole('table', { name: 'Where the data lives' })).toContainText('bank.sqlite');
    await expect(page.getByRole('table', { name: 'What each export carries' })).toContainText('Mail vendor file');

    await page.getByLabel('Customer number').fill(number);
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByTestId('erase-preview')).toContainText(`customer ${number}`);
    await page.getByRole('button', { name: 'Erase…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Erase' }).click();
    await expect(page.getByRole('status')).toContainText(`Customer ${number} was erased`);

    await page.getByLabel('Keep responses (months)').fill('24');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'retention' })).toHaveText(
      'The retention policy is saved.',
    );
    await shot(page, 'settings-privacy.png', true);

    await page.getByRole('tab', { name: 'Audit log' }).click();
    await expect(page.getByRole('table', { name: 'Audit log' })).toContainText('Erased a customer on request');
  } finally {
    await stopServer(server);
  }
});

test('asks who is working when everyone has a PIN, and offers the newest backup for a damaged database', async ({
  page,
  dataDir,
}) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '300', '--seed', '7']);
  let server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.goto(server.url.replace(/#.*/, '') + '#/people');
    await page.getByRole('button', { name: 'Add a person' }).click();
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill('Dana Whitfield');
    await form.getByLabel('PIN (optional)').fill('1357');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByTestId('nav-person')).toContainText('Dana Whitfield');
    await page.getByRole('tab', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
  } finally {
    await stopServer(server);
  }

  // Reopened: Dana has a PIN, so the app asks who is working before showing anything.
  server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
    await page.getByRole('button', { name: /Dana Whitfield/ }).click();
    await page.getByLabel('Dana Whitfield’s PIN').fill('1357');
    await shot(page, 'sign-in.png');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('nav-person')).toContainText('Dana Whitfield');
  } finally {
    await stopServer(server);
  }

  // Damage the database (the backups on close rotate in beside the first): the app offers the newest backup.
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(Math.min(65_536, statSync(db).size - 8192), 0x5a), 0, undefined, 4096);
  closeSync(fd);
  server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'The database is damaged' })).toBeVisible();
    await expect(page.getByTestId('recovery-offer')).toContainText('300 customers');
    await shot(page, 'recovery.png');
    await page.getByRole('button', { name: 'Restore the newest backup…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
    // The restored bank has Dana with her PIN: who is working is asked again.
    await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  } finally {
    await stopServer(server);
  }
});
