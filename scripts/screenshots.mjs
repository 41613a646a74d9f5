// `node scripts/screenshots.mjs --db FILE`: the README's screenshots, taken in Chromium from
// browser mode on the given database (build the renderer first: npm run build).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' } } });
if (!values.db) {
  console.error('Usage: node scripts/screenshots.mjs --db FILE [--out DIR]');
  process.exit(2);
}
const out = resolve(values.out ?? join(root, 'docs', 'screenshots'));
mkdirSync(out, { recursive: true });

const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'src-main/web/main.ts', '--db', resolve(values.db), '--data-dir', join(out, '.data')],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise((resolveUrl, reject) => {
  server.stdout.on('data', (chunk) => {
    const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(String(chunk));
    if (match) resolveUrl(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(url);
  await page.getByTestId('stat-customers').waitFor();
  await page.locator('svg rect').first().waitFor();
  await page.screenshot({ path: join(out, 'home.png') });
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByTestId('customer-row').first().waitFor();
  await page.screenshot({ path: join(out, 'customers.png') });
  await page.getByTestId('customer-row').first().click();
  await page.getByTestId('profile-name').waitFor();
  await page.screenshot({ path: join(out, 'profile.png'), fullPage: true });
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByTestId('history-row').first().waitFor();
  await page.screenshot({ path: join(out, 'import-history.png') });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByTestId('household-rule').waitFor();
  await page.screenshot({ path: join(out, 'settings.png'), fullPage: true });
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
