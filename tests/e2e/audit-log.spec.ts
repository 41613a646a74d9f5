/**
 * The audit log against the real server: a change made in Settings (the bank's short name) is
 * at the top of Settings › Audit log with who and when, opens to its fields before and after,
 * and the filters find it again.
 */
import { join } from 'node:path';
import { cli, expect, shot, startServer, stopServer, test } from './fixtures';

test('a settings change is in the audit log, and opens to what changed', async ({ page, dataDir }) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '500', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    // Two changes in Settings, each written to the log: the household rule, then the bank's names.
    await page.getByLabel('Count apartments and suites of one building as one address').check();
    await page.getByRole('button', { name: 'Regroup households…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Regroup' }).click();
    await expect(page.getByTestId('household-rule')).toContainText('apartments');
    await page.getByLabel('Short name in descriptions').fill('PVCB');
    await page.getByRole('button', { name: 'Save names' }).click();
    // Saving tells every screen the data changed (they ask again): the names read back are the sign.
    await expect(page.getByTestId('bank-recognised')).toHaveText(
      'Recognised as this bank: Prairie Valley Community Bank, PVCB.',
    );

    await page.getByRole('tab', { name: 'Audit log' }).click();
    await expect(page).toHaveTitle('Audit log — Mainstreet');
    const table = page.getByRole('table', { name: 'Audit log' });
    const newest = table.getByTestId('audit-row').first();
    await expect(newest).toContainText('Changed the bank’s names');
    await expect(newest).toContainText('Settings · bank_names');
    await expect(newest.locator('td').last()).toHaveText('short name: (empty) → PVCB');

    await newest.click();
    const detail = page.getByTestId('audit-detail');
    await expect(detail.getByRole('heading', { level: 2 })).toContainText('Changed the bank’s names');
    await expect(detail.getByTestId('audit-change-count')).toHaveText('1 of 2 fields changed');
    const change = detail.getByTestId('audit-change');
    await expect(change).toHaveCount(1);
    await expect(change.locator('th, td')).toHaveText(['short name', '(empty)', 'PVCB']);
    await detail.getByLabel('Show all fields').check();
    await expect(change).toHaveCount(2);
    await detail.getByText('The detail as recorded (JSON)').click();
    await expect(detail.locator('pre')).toContainText('"short_name": "PVCB"');
    await shot(page, 'audit-log.png');

    // The import that built the demo bank and the new household rule are older; a kind and a search find the names.
    await page.getByLabel('Record kind').selectOption({ label: 'Settings' });
    await page.getByLabel('Search').fill('PVCB');
    await expect(page.getByTestId('audit-count')).toHaveText('1 entry');
    await expect(table.getByTestId('audit-row')).toHaveCount(1);
  } finally {
    await stopServer(server);
  }
});
