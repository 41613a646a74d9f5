/**
 * axe-core on every screen, and on the dialogs people meet most: no serious or critical
 * violation of WCAG 2.1 A and AA. A failure lists each rule with the elements at fault.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { cli, expect, startServer, stopServer, test, visitEveryScreen } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The serious and critical violations on the page as it stands, one line each. */
async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
}

test('every screen passes axe-core with no serious or critical violation', async ({ page, dataDir }) => {
  test.setTimeout(240_000);
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '300', '--seed', '5']);
  const server = await startServer(['--db', db], dataDir);
  const found: string[] = [];
  try {
    await visitEveryScreen(page, server, async (screen) => {
      found.push(...(await violations(page, screen)));
    });
    // The dialogs: a confirmation (remove a matrix row) and the offer editor.
    await page.goto(`${new URL(server.url).origin}/#/matrix`);
    await page
      .getByRole('button', { name: /^Remove/ })
      .first()
      .click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    found.push(...(await violations(page, 'matrix: remove-row confirmation')));
    await page.keyboard.press('Escape');
    await page.goto(`${new URL(server.url).origin}/#/offers`);
    await page.getByRole('button', { name: /^New offer/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    found.push(...(await violations(page, 'offers: offer dialog')));
    expect(found, found.join('\n')).toEqual([]);
  } finally {
    await stopServer(server);
  }
});

test('by keyboard alone: the navigation, a visible focus, sorting a table and moving through its rows', async ({
  page,
  dataDir,
}) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '300', '--seed', '5']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Tab from the top reaches the navigation; the focused link shows a ring.
    let reached = '';
    for (let i = 0; i < 12 && reached !== 'Customers'; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() =>
        document.activeElement?.closest('nav') ? (document.activeElement.textContent ?? '') : '',
      );
    }
    expect(reached).toBe('Customers');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(ring.outline !== 'none' || ring.shadow !== 'none').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle('Customers — Mainstreet');

    // Sort by City with the keyboard: aria-sort changes and the change is announced.
    const city = page.getByRole('button', { name: /^City/ });
    await city.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: /City/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.locator('#mainstreet-announcer')).toHaveText('Sorted by City, ascending');
    await page.keyboard.press('Space');
    await expect(page.getByRole('columnheader', { name: /City/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('#mainstreet-announcer')).toHaveText('Sorted by City, descending');

    // Into the rows: one Tab stop, the arrows move, Enter opens the customer.
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(rows.last()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle('Customer — Mainstreet');
  } finally {
    await stopServer(server);
  }
});
