/**
 * The Results dashboard against the real server: the demo bank's first month run with half its
 * households held out, a response file in which mailed households open the offered product at
 * 20% and held-out ones at 5%, imported by the CLI. The dashboard reads the lift as proven,
 * each figure shows its formula on hover, the charts draw, attribution and the offer filter
 * change what is shown, and the executive report downloads as a PDF. Then the history baseline
 * tab imports the UCI bank-marketing contacts and shows their response by segment.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expect, shot, startServer, stopServer, test } from './fixtures';

const UCI = join(process.cwd(), '../shared/data/uci-bank-marketing/bank-full.csv');

test('the dashboard shows a proven lift with its formulas, charts, filters and the executive report', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(150_000);
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '2000', '--seed', '7']);
  const month = (JSON.parse(cli(['plan', 'list', '--db', db, '--json'])) as { months: string[] }).months[0] ?? '';
  const run = JSON.parse(
    cli(
      ['plan', 'run-month', '--db', db, '--month', month, '--out', join(dataDir, 'run'), '--seed', '3'].concat([
        '--control-share',
        '0.5',
        '--finalize',
        '--json',
      ]),
    ),
  ) as { run_id: number };
  const recipients = JSON.parse(cli(['plan', 'recipients', '--db', db, '--run', String(run.run_id), '--json'])) as {
    customer_id: number;
    offer: string;
    group: 'mailed' | 'control';
  }[];
  const bank = new Database(db, { readonly: true });
  const number = bank.prepare('SELECT customer_number FROM customers WHERE id = ?').pluck();
  const product = bank.prepare('SELECT product_code FROM offers WHERE code = ?').pluck();
  // A fixed pattern instead of chance: every 5th mailed household responds, every 20th held out.
  const lines = ['response_type,response_date,customer_number,product_code,opening_balance'];
  const seen = { mailed: 0, control: 0 };
  for (const r of recipients) {
    const n = ++seen[r.group];
    if (n % (r.group === 'mailed' ? 5 : 20) !== 0) continue;
    const day = String(1 + (n % 27)).padStart(2, '0');
    lines.push(
      `account,${month}-${day},${number.get(r.customer_id) as string},${product.get(r.offer) as string},3000.00`,
    );
  }
  bank.close();
  writeFileSync(join(dataDir, 'responses.csv'), `${lines.join('\n')}\n`);
  cli(['responses', 'import', '--db', db, '--profile', 'mainstreet-responses', join(dataDir, 'responses.csv')]);

  const server = await startServer(['--db', db], dataDir);
  try {
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Results' }).click();
    await expect(page.getByRole('heading', { name: 'Results', level: 1 })).toBeVisible();
    await expect(page.getByTestId('verdict')).toHaveText(/^Proven lift: the mail raised response by \+\d+\.\d\d pts/, {
      timeout: 30_000,
    });
    await expect(page.getByRole('combobox', { name: /^Campaign/ })).toContainText(
      `${month} · run ${run.run_id} (final`,
    );

    // Every figure explains itself on hover.
    const lift = page.getByTestId('figure').filter({ hasText: 'Lift' }).first();
    await lift.hover();
    await expect(lift.getByRole('tooltip')).toBeVisible();
    await expect(lift.getByRole('tooltip')).toContainText('rate mailed − rate control');
    await shot(page, 'results.png');
    const romi = page.getByTestId('figure').filter({ hasText: 'ROMI' });
    await romi.focus();
    await expect(romi.getByRole('tooltip')).toContainText('(margin − cost) ÷ cost');

    // The charts draw.
    for (const chart of ['curve-chart', 'funnel-chart', 'balance-chart', 'romi-chart'])
      await expect(page.getByTestId(chart).locator('svg').first()).toBeVisible();
    await expect(page.getByTestId('lift-chart').locator('li')).toHaveCount(4);
    await expect(page.getByRole('table', { name: 'Results by cell' }).locator('tbody tr')).toHaveCount(3);

    // Attribution: the words follow the rule chosen; one offer narrows the cells.
    await page.getByRole('combobox', { name: /^Attribution/ }).selectOption('first');
    await expect(page.getByTestId('attribution-words')).toContainText('first touch');
    await expect(page.getByTestId('verdict')).toHaveText(/^Proven lift/, { timeout: 30_000 });
    await page.getByRole('combobox', { name: /^Offer/ }).selectOption('CD-12');
    await expect(page.getByRole('table', { name: 'Results by cell' }).locator('tbody tr')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: /Did it pay\? \(.+ · CD-12\)/ })).toBeVisible();

    // A branch with no letters: nothing to measure, said plainly.
    await page.getByLabel('Branch code').fill('NOPE');
    await page.getByLabel('Branch code').press('Enter');
    await expect(page.getByTestId('attribution-words')).toContainText('Branch NOPE only.');
    await expect(page.getByTestId('verdict')).toHaveText(/No control group/, { timeout: 30_000 });
    await page.getByLabel('Branch code').fill('');
    await page.getByLabel('Branch code').press('Enter');

    // The executive report.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Executive report (PDF)' }).click();
    const saved = join(dataDir, 'report.pdf');
    await (await downloading).saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');

    // The history baseline.
    await page.getByRole('tab', { name: 'History baseline' }).click();
    const form = page.getByRole('form', { name: 'Import a past campaign' });
    await form.getByLabel('File').fill(UCI);
    await form.getByLabel('Name').fill('Term deposits by phone');
    await form.getByRole('button', { name: 'Import' }).click();
    const report = page.getByTestId('history-report');
    await expect(report.getByRole('heading', { level: 2 })).toHaveText('Term deposits by phone: 11.7% responded', {
      timeout: 30_000,
    });
    await report.getByRole('combobox', { name: /^Response by/ }).selectOption({ label: 'Previous campaign’s outcome' });
    await expect(report.getByRole('row', { name: /^success/ })).toContainText('64.7%');
    await expect(report.getByTestId('history-chart').locator('svg').first()).toBeVisible();
    await shot(page, 'history.png');
  } finally {
    await stopServer(server);
  }
});
