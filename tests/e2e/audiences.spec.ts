/**
 * The Audiences screen against the real server: a rule built with the builder's controls and
 * counted live (the count changes as a condition is added), the waterfall and a sample, then
 * the approval path: save, submit (the fair-lending check warns on a credit offer selecting on
 * age), approve with the acknowledgement, and the version shown locked.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, shot, startServer, stopServer, test } from './fixtures';

const figure = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/[,—]/g, ''));

test('an audience built in the UI counts live, is saved, submitted, approved and shown locked', async ({
  page,
  dataDir,
}) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '2000', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Audiences' }).click();
    await expect(page.getByRole('heading', { name: 'Audiences', level: 1 })).toBeVisible();
    // The demo bank's sample plan comes with three approved audiences.
    await expect(page.getByText('Homeowners without a home equity line')).toBeVisible();
    await page.getByRole('button', { name: 'New audience' }).click();

    // An empty "All of" selects everyone: the whole bank, less the suppressions.
    const counts = page.getByTestId('audience-counts');
    await expect(counts).toHaveAttribute('aria-busy', 'false');
    const everyone = await figure(page, 'audience-customers');
    expect(everyone).toBeGreaterThan(1000);

    await page.getByRole('button', { name: 'Add condition', exact: true }).click();
    await page.getByLabel('Field 1', { exact: true }).selectOption('balance:deposits');
    await page.getByLabel('Operator 1', { exact: true }).selectOption('>=');
    await page.getByLabel('Value 1', { exact: true }).fill('5,000');
    await expect.poll(() => figure(page, 'audience-customers')).toBeLessThan(everyone);
    await expect(counts).toHaveAttribute('aria-busy', 'false');
    const withDeposits = await figure(page, 'audience-customers');
    expect(withDeposits).toBeGreaterThan(0);

    // A group: aged 30 to 65, or no mortgage; the offer is a HELOC, so owners drop out.
    await page.getByRole('button', { name: 'Add group', exact: true }).click();
    await page.getByLabel('Field 2.1', { exact: true }).selectOption('age');
    await page.getByLabel('Operator 2.1', { exact: true }).selectOption('between');
    await page.getByLabel('From 2.1', { exact: true }).fill('30');
    await page.getByLabel('To 2.1', { exact: true }).fill('65');
    await page.getByRole('button', { name: 'Add condition to group 2' }).click();
    await page.getByLabel('Field 2.2', { exact: true }).selectOption('has:mortgage');
    await page.getByLabel('Value 2.2', { exact: true }).selectOption('false');
    await page.getByLabel('Product offered', { exact: true }).selectOption('HELOC');
    const waterfall = page.getByRole('table', { name: 'Waterfall' });
    await expect(waterfall.locator('[data-step="owns-product"]')).toBeVisible();
    await expect(counts).toHaveAttribute('aria-busy', 'false');
    expect(await figure(page, 'audience-customers')).toBeLessThanOrEqual(withDeposits);
    const households = await figure(page, 'audience-households');
    await expect(waterfall.locator('[data-step="household"] td').last()).toHaveText(households.toLocaleString('en-US'));
    await expect(page.getByTestId('audience-sample-row').first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Customers by branch' })).toBeVisible();

    await page.getByLabel('Audience name').fill('Savers for a home equity line');
    await page.getByLabel('Audience name').blur();
    await shot(page, 'audiences.png');

    await page.getByRole('button', { name: 'Save audience' }).click();
    await expect(page.getByTestId('audience-notice')).toHaveText('Saved as version 1, a draft.');
    await expect(page.getByTestId('audience-status')).toHaveText('Version 1 · Draft');

    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(page.getByTestId('audience-status')).toHaveText('Version 1 · Submitted');
    await expect(page.getByTestId('audience-submitted')).toContainText('The fair-lending check warned about age.');

    await page.getByRole('button', { name: 'Approve…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve version 1' });
    await expect(dialog.getByTestId('fair-lending-warnings')).toContainText('age');
    await dialog.getByLabel('Approver’s name').fill('Carol Reyes');
    await dialog.getByLabel('Comment').fill('Q1 home equity push');
    const approve = dialog.getByRole('button', { name: 'Approve' });
    await expect(approve).toBeDisabled();
    await dialog.getByLabel(/I have reviewed these warnings/).check();
    await approve.click();

    const locked = page.getByTestId('audience-locked');
    await expect(locked).toContainText(/Approved by Carol Reyes on \w{3} \d{1,2}, \d{4} — locked\./);
    await expect(page.getByTestId('audience-status')).toHaveText('Version 1 · Approved');
    await expect(page.getByLabel('Field 1', { exact: true })).toBeDisabled();
    await expect(page.getByLabel('Value 1', { exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Add condition', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit as new version' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Version history' })).toContainText(
      'age (acknowledged by Carol Reyes)',
    );
    await shot(page, 'audiences-locked.png');

    // Explain the first customer of the sample (once it is the approved rule's): they get their household's letter.
    await expect(page.getByTestId('audience-details')).toHaveAttribute('aria-busy', 'false');
    const first = (await page.getByTestId('audience-sample-row').first().getByRole('link').innerText()).trim();
    await page.getByLabel('Customer number').fill(first);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await expect(page.getByTestId('explain-verdict')).toContainText(
      `${first}: They get the letter for their household.`,
    );
    await expect(page.getByTestId('explanation').getByTestId('explain-node').first()).toHaveAttribute(
      'data-holds',
      'true',
    );

    await page.getByRole('button', { name: '← All audiences' }).click();
    const rows = page.getByRole('table', { name: 'Saved audiences' }).getByTestId('audience-row');
    await expect(rows).toHaveCount(4); // the sample plan's three, and this one
    const row = rows.filter({ hasText: 'Savers for a home equity line' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Approved by Carol Reyes on');
  } finally {
    await stopServer(server);
  }
});
