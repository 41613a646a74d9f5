/**
 * The Matrix stage against the real server: the demo bank's sample plan with its projections,
 * a cell changed, the first month run into a folder of the test's own (progress, then the
 * cells, waterfall and files written), and the first letter merged for a preview. Rows are
 * reordered by dragging.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expect, shot, startServer, stopServer, test } from './fixtures';

test('the sample plan is projected, a cell changed, and the first month run with its letters', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '2000', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.setViewportSize({ width: 1440, height: 1250 });
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Matrix' }).click();
    await expect(page.getByRole('heading', { name: 'Cross-sell matrix', level: 1 })).toBeVisible();

    // The sample plan: three approved audiences, each with its offer in the first month.
    const grid = page.getByRole('table', { name: 'Plan matrix' });
    await expect(grid.getByTestId('plan-row')).toHaveCount(3);
    const headers = await grid.getByRole('columnheader').allInnerTexts();
    expect(headers).toHaveLength(13);
    const first = headers[1] ?? '';
    const second = headers[2] ?? '';
    const homeowners = 'Homeowners without a home equity line';
    await expect(page.getByLabel(`${homeowners}, ${first}`)).toHaveValue(/\d+/);
    await expect(page.getByLabel(`${homeowners}, ${second}`)).toHaveValue('');
    await expect(page.getByText('Projections are up to date.')).toBeVisible({ timeout: 30_000 });
    await expect(grid.getByTestId('cell-figures').first()).toContainText('pieces');
    await expect(page.getByTestId('year-cost')).toHaveText(/^\$[\d,]+$/);

    // A second month for the homeowners: set, projected, totals follow.
    await page.getByLabel(`${homeowners}, ${second}`).selectOption({ label: 'HELOC-EQ' });
    await expect(grid).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await expect(
      page.getByLabel(`${homeowners}, ${second}`).locator('xpath=..').getByTestId('cell-figures'),
    ).toContainText('pieces');
    await expect(page.getByTestId('plan-month-totals').getByRole('cell').nth(1)).toContainText('pieces');
    await shot(page, 'matrix.png');

    // Priority by dragging: the last row's handle dropped on the first row puts it first, and
    // the order is kept (a reload shows it).
    const titles = () => grid.getByTestId('plan-row').locator('th .wrap').allInnerTexts();
    const before = await titles();
    await grid.getByTestId('drag-handle').nth(2).dragTo(grid.getByTestId('plan-row').first());
    const moved = [before[2], before[0], before[1]].map((t, i) => `${i + 1}. ${t?.replace(/^\d+\. /, '')}`);
    await expect.poll(titles).toEqual(moved);
    await page.reload();
    await expect.poll(titles).toEqual(moved);

    // Run the first month into the test's folder.
    await page.getByRole('tab', { name: 'Run a month' }).click();
    const out = join(dataDir, 'run-out');
    await expect(page.getByLabel('Output folder')).toHaveValue(
      join(dataDir, 'runs', await page.getByLabel('Month to run').inputValue()),
    );
    await page.getByLabel('Output folder').fill(out);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const warning = page.getByRole('alertdialog', { name: 'These files hold personal data' });
    await expect(warning).toContainText(out);
    await warning.getByRole('button', { name: 'Save them there' }).click();
    const result = page.getByTestId('run-result');
    await expect(result).toBeVisible({ timeout: 60_000 });
    await expect(result.getByTestId('run-status')).toHaveText('For review');
    // A header, the three cells and their total.
    await expect(result.getByRole('table', { name: 'Run cells' }).getByRole('row')).toHaveCount(5);
    await expect(result.getByRole('table', { name: 'Run waterfall' })).toContainText('Control group (held out)');
    const files = await result.getByRole('list', { name: 'Files written' }).getByRole('listitem').allInnerTexts();
    expect(files.some((f) => /letters-\d{4}-\d{2}\.pdf$/.test(f))).toBe(true);
    for (const f of files) expect(existsSync(f), f).toBe(true);
    await expect(page.getByRole('table', { name: 'Runs' })).toContainText('For review');
    // The screen remounts when the job ends; the folder run into stays in the form.
    await expect(page.getByLabel('Output folder')).toHaveValue(out);

    await page.setViewportSize({ width: 1440, height: 1400 });
    await shot(page, 'month-run.png');

    await result.getByRole('button', { name: 'Preview the first letter' }).click();
    const frame = page.getByTitle('The run’s first letter');
    await expect(frame).toHaveAttribute('src', /^blob:/);
    // The frame's letter is a real PDF: the Download link saves the same bytes.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Download .+\.pdf$/ }).click();
    const saved = join(dataDir, 'preview.pdf');
    await (await downloading).saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');

    // The template editor's live preview merges a letter for a customer of the user's choice.
    await page.getByRole('tab', { name: 'Offers and letters' }).click();
    await page.getByRole('button', { name: 'Preview letter' }).click();
    await expect(page.getByTitle('Letter preview')).toHaveAttribute('src', /^blob:/, { timeout: 30_000 });
    await page.getByRole('heading', { name: 'Preview', level: 3 }).scrollIntoViewIfNeeded();
    await shot(page, 'letter-preview.png');
  } finally {
    await stopServer(server);
  }
});
