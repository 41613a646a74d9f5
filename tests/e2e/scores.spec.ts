/**
 * Next-product scores against the real server: trained through the UI on the demo bank (the
 * job's progress followed to its end), the families listed with their holdout figures, one
 * opened with its chart and features, an audience started from its top scores, and a scored
 * customer's profile showing their scores with reasons.
 */
import { join } from 'node:path';
import { ARTIFACTS, cli, expect, shot, startServer, stopServer, test } from './fixtures';

test('scores trained in the UI rank the holdout, open as a chart and features, and seed an audience', async ({
  page,
  dataDir,
}) => {
  const db = join(dataDir, 'bank.sqlite');
  // 2,000 customers: enough that the deposit and service families have 20 or more openers to learn from.
  cli(['demo', '--db', db, '--customers', '2000', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Audiences' }).click();
    await page.getByRole('tab', { name: 'Next-product scores' }).click();
    await expect(page.getByTestId('scores-empty')).toContainText('a holdout of one customer in four');

    await page.getByRole('button', { name: 'Train scores' }).click();
    const summary = page.getByTestId('scores-summary');
    await expect(summary).toBeVisible({ timeout: 90_000 });
    await expect(summary).toContainText(/Scores trained for \d+ product famil/);
    // The families with too few openings in six months (the demo's loans) are named with why.
    const skipped = summary.getByTestId('scores-skipped');
    expect(await skipped.count()).toBeGreaterThan(0);
    await expect(skipped.first()).toContainText(/customers without one opened one between .*: at least 20 openers/);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    // Once read, the summary goes; the families left out stay named under the table.
    await summary.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('scores-not-scored')).toContainText('Not scored');

    const table = page.getByRole('table', { name: 'Next-product scores by family' });
    const rows = table.getByTestId('scores-row');
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(rows.first().getByTestId('scores-auc')).toHaveText(/^0\.\d\d · (strong|good|fair|weak)$/);
    await expect(rows.first().getByTestId('scores-lift')).toHaveText(/^\d+\.\d× · \d+% of openers$/);
    await expect(page.getByRole('button', { name: 'Train again' })).toBeVisible();

    // Sort by openers (most first) and open the family learned from most openings, from the keyboard.
    await table.getByRole('button', { name: /Opened in the window/ }).click();
    await rows.first().focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('scores-detail');
    await expect(detail).toBeVisible();
    const family = (await detail.getByRole('heading', { level: 2 }).innerText()).trim();
    await expect(rows.first()).toHaveAttribute('aria-current', 'true');
    // Ten bars, one per tenth of the holdout, and the average as a dashed line.
    const chart = detail.getByTestId('scores-decile-chart');
    await expect(chart.locator('[data-testid^="bar.item."]')).toHaveCount(10);
    await expect(chart.locator('svg')).toContainText('Average');
    await expect(detail.getByTestId('scores-chart-note')).toContainText('the top tenth opened at');
    const named = detail.locator('[data-testid="scores-raises"] li, [data-testid="scores-lowers"] li');
    expect(await named.count()).toBeGreaterThan(0);
    // Tall enough for the table and the opened family in one picture (the nav is fixed: no full-page shot).
    await page.setViewportSize({ width: 1360, height: 1150 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'scores.png');
    await page.setViewportSize({ width: 1360, height: 860 });

    await detail.getByRole('button', { name: 'Build an audience from the top scores' }).click();
    await expect(page.getByRole('tab', { name: 'Audiences' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Audience name')).toHaveValue(`Likely to open: ${family.toLowerCase()}`);
    await expect(page.getByLabel('Field 1', { exact: true })).toHaveValue(/^score:/);
    await expect(page.getByLabel('Operator 1', { exact: true })).toHaveValue('>=');
    await expect(page.getByLabel('Value 1', { exact: true })).toHaveValue('81');
    await expect(page.getByTestId('audience-counts')).toHaveAttribute('aria-busy', 'false');
    const customers = Number((await page.getByTestId('audience-customers').innerText()).replace(/,/g, ''));
    expect(customers).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'scores-audience.png') });

    // Someone in that audience has a score for the family, with the reasons it is high.
    await page.getByTestId('audience-sample-row').first().getByRole('link').click();
    const scores = page.getByRole('table', { name: 'Next-product scores of this customer' });
    await expect(scores).toBeVisible();
    const row = scores
      .getByTestId('profile-score')
      .filter({ has: page.getByRole('rowheader', { name: family, exact: true }) });
    await expect(row.getByTestId('profile-score-value')).toHaveText(/^(8[1-9]|9\d|100)$/);
    await expect(row.getByTestId('profile-score-reasons')).not.toHaveText('');
    const section = page.locator('section', { has: scores });
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'profile-scores.png');
  } finally {
    await stopServer(server);
  }
});
