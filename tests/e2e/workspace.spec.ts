import { join } from 'node:path';
import { ARTIFACTS, cli, expect, startServer, stopServer, test } from './fixtures';

const fmt = (n: number) => n.toLocaleString('en-US');

interface Stats {
  customers: number;
  households: number;
  accounts: number;
  transactions: number;
  first_txn_date: string;
  last_txn_date: string;
}

test('first launch builds the demo bank, and Home shows the same numbers as `stats`', async ({ page, dataDir }) => {
  const server = await startServer(['--demo-customers', '3000'], dataDir);
  try {
    await page.goto(server.url);
    // The build is long work: a progress bar shows while it runs, then the workspace opens.
    await expect(page.getByRole('progressbar')).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'first-launch-progress.png') });
    await expect(page.getByTestId('stat-customers')).toBeVisible({ timeout: 90_000 });

    const stats = JSON.parse(cli(['stats', '--db', join(dataDir, 'demo-bank.sqlite'), '--json'])) as Stats;
    expect(stats.customers).toBe(3000);
    await expect(page.getByTestId('stat-customers')).toHaveText(fmt(stats.customers));
    await expect(page.getByTestId('stat-households')).toHaveText(fmt(stats.households));
    await expect(page.getByTestId('stat-accounts')).toHaveText(fmt(stats.accounts));
    await expect(page.getByTestId('stat-transactions')).toHaveText(fmt(stats.transactions));
    await expect(page.getByTestId('stat-first-txn')).toHaveText(stats.first_txn_date);
    await expect(page.getByTestId('stat-last-txn')).toHaveText(stats.last_txn_date);
    // The product penetration chart is drawn.
    await expect(page.locator('svg rect').first()).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'home.png'), fullPage: true });
  } finally {
    await stopServer(server);
  }
});

test('search a customer and open their profile', async ({ page, dataDir }) => {
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '2000', '--seed', '7']);
  const server = await startServer(['--db', db], dataDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Customers' }).click();
    const rows = page.getByTestId('customer-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByText(/2,000 customers/)).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'customers.png') });

    // Take a real customer's last name from the list and search for it.
    const firstName = (await rows.first().locator('td').nth(1).innerText()).trim();
    const lastName = firstName.split(' ').slice(-1)[0] ?? firstName;
    await page.getByLabel('Search customers').fill(lastName);
    // Wait for the filtered page, not the unfiltered one that may also start with this name.
    await expect(page.getByText(/^\d[\d,]* customers/)).not.toHaveText('2,000 customers');
    const texts = await rows.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text.toLowerCase()).toContain(lastName.toLowerCase());

    await rows.first().click();
    await expect(page.getByTestId('profile-name')).toContainText(lastName);
    await expect(page.getByRole('heading', { name: /Accounts/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Household/ })).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'profile.png'), fullPage: true });

    // Keyboard: back to the list, move down a row and open it with Enter.
    await page.goBack();
    await expect(rows.first()).toBeVisible();
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('profile-name')).toBeVisible();
  } finally {
    await stopServer(server);
  }
});
