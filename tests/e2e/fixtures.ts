/**
 * Each test gets its own data folder and its own browser-mode server, started exactly as
 * `npm run web` starts it; the test waits for the printed URL, never for a fixed time.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export interface AppServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

export function cli(args: string[]): string {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'mainstreet.mjs'), ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mainstreet ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export async function startServer(args: string[], dataDir: string): Promise<AppServer> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Run `npm run build` first.');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/web/main.ts', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { url, dataDir, process: child };
}

export const test = base.extend<{ dataDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mainstreet-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

export async function stopServer(server: AppServer): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((r) => server.process.once('exit', r));
  server.process.kill('SIGTERM');
  await exited;
}

export { expect };

/** A screenshot for tests/artifacts and, the same image, for the README (docs/screenshots). */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage });
  const docs = join(ROOT, 'docs', 'screenshots');
  mkdirSync(docs, { recursive: true });
  copyFileSync(path, join(docs, name));
}

/** Every screen's route, for the checks that visit them all (no network, accessibility). */
export const SCREENS = [
  'home',
  'import',
  'customers',
  'customers/1',
  'klis',
  'klis/payroll-dd',
  'new-kli',
  'triggers',
  'audiences',
  'scores',
  'matrix',
  'offers',
  'month-run',
  'campaigns',
  'responses',
  'results',
  'history',
  'settings',
  'people',
  'backups',
  'privacy',
  'audit-log',
];

/** Opens each of SCREENS in turn, waits for its calls to settle, and hands it to `check`. */
export async function visitEveryScreen(
  page: Page,
  server: AppServer,
  check: (screen: string) => Promise<void> = async () => undefined,
): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const screen of SCREENS) {
    await page.goto(`${new URL(server.url).origin}/#/${screen}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await check(screen);
  }
}
