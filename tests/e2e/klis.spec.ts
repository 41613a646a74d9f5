/**
 * The KLI screens against the real server: a custom KLI made in the editor (previewed before it
 * is saved), the library recomputed with its progress bar, and the KLI found on a customer's
 * profile with the transactions behind it. Then the triggers tab: run, hits, export.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, shot, startServer, stopServer, test } from './fixtures';

const figure = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/,/g, ''));

test('a custom KLI made in the UI is previewed, saved, computed and shown on a customer with its evidence', async ({
  page,
  dataDir,
}) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '2000', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'KLIs' }).click();
    const library = page.getByRole('table', { name: 'KLI library' });
    await expect(library.getByTestId('kli-row').first()).toBeVisible();
    await expect(library.locator('[data-kli="payroll-dd"]')).toBeVisible();

    // A first compute, so the library has figures before the new KLI joins it.
    await page.getByRole('button', { name: 'Recompute' }).click();
    await expect(page.getByText('KLIs recomputed.')).toBeVisible({ timeout: 90_000 });
    await expect(library.locator('[data-kli="payroll-dd"]').getByTestId('kli-customers')).not.toHaveText('—');
    await shot(page, 'klis.png');

    await page.getByRole('link', { name: 'New KLI' }).click();
    await expect(page.getByRole('heading', { name: 'New KLI', level: 1 })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill('Streaming fans');
    await expect(page.getByLabel('Id', { exact: true })).toHaveValue('streaming-fans');
    await page.getByLabel('Business question it answers').fill('Who pays for several streaming services?');
    await page.getByLabel('Product it points to').selectOption('credit_card');
    await page.getByLabel('Streaming & subscriptions').check();
    await page.getByLabel('Money out (debits)').check();
    await page.getByLabel('Measure', { exact: true }).selectOption('merchants');
    await page.getByLabel('Threshold: at least').fill('2');
    const save = page.getByRole('button', { name: 'Save KLI' });
    await expect(save).toBeDisabled();

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('kli-preview');
    await expect(preview).toBeVisible();
    expect(await figure(page, 'preview-customers')).toBeGreaterThan(0);
    expect(await figure(page, 'preview-transactions')).toBeGreaterThan(0);
    await expect(preview.getByTestId('preview-transaction').first()).toBeVisible();
    await shot(page, 'kli-editor.png', true);
    await expect(save).toBeEnabled();
    await save.click();

    await expect(page.getByTestId('kli-detail-name')).toHaveText('Streaming fans');
    // Saving decides the new KLI on the spot; a recompute brings the whole library to the same day.
    await expect(page.getByTestId('kli-saved-notice')).toContainText(/Saved\. It flags [\d,]+ customers? in/);
    await page.getByRole('link', { name: 'Go to the library' }).click();
    const computed = page.waitForResponse((r) => r.url().includes('/api/invoke/kli%3Acompute'));
    await page.getByRole('button', { name: 'Recompute' }).click();
    expect((await computed).ok()).toBe(true);
    await expect(page.getByText('KLIs recomputed.')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('kli-stale')).toHaveCount(0);
    const row = library.locator('[data-kli="streaming-fans"]');
    await expect(row).toContainText('Custom');
    await expect(row.getByTestId('kli-customers')).not.toHaveText('—');

    // Its page names some customers who have it; the first one's profile shows it with why.
    await row.click();
    await expect(page.getByTestId('kli-detail-name')).toHaveText('Streaming fans');
    const customer = page.getByTestId('kli-sample-customer').first().getByRole('link');
    const name = (await customer.innerText()).trim();
    await customer.click();
    await expect(page.getByTestId('profile-name')).toHaveText(name);
    const klis = page.getByRole('table', { name: 'KLIs of this customer' });
    const mine = klis.getByTestId('profile-kli').filter({ hasText: 'Streaming fans' });
    await expect(mine).toBeVisible();
    await mine.getByRole('button', { name: /^Show \d+ transactions?/ }).click();
    const evidence = page.getByRole('table', { name: 'Why Streaming fans' });
    await expect(evidence.getByTestId('evidence-row').first()).toBeVisible();
    expect(await evidence.getByTestId('evidence-row').count()).toBeGreaterThanOrEqual(2);
    // The KLIs section at the top of the window, its evidence open under it.
    await page.getByRole('heading', { name: /^KLIs \(\d+\)$/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(page, 'profile-klis.png');
  } finally {
    await stopServer(server);
  }
});

test('triggers: the rules, Run now, the hits with customer links, and the export', async ({ page, dataDir }) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '2000', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'KLIs' }).click();
    await page.getByRole('tab', { name: 'Triggers' }).click();
    const rules = page.getByRole('table', { name: 'Trigger rules' });
    await expect(rules.getByTestId('trigger-rule').first()).toBeVisible();

    await page.getByRole('button', { name: 'Run now' }).click();
    await expect(page.getByText(/^Evaluated on the snapshots as of \d{4}-\d{2}-\d{2}: [\d,]+ hits?\.$/)).toBeVisible({
      timeout: 60_000,
    });
    const hits = page.getByTestId('trigger-hit');
    await expect(hits.first()).toBeVisible();
    await shot(page, 'triggers.png');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page
      .getByRole('alertdialog', { name: 'These files hold personal data' })
      .getByRole('button', { name: 'Save them there' })
      .click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);

    const name = (await hits.first().getByRole('link').innerText()).trim();
    await hits.first().getByRole('link').click();
    await expect(page.getByTestId('profile-name')).toHaveText(name);
  } finally {
    await stopServer(server);
  }
});
