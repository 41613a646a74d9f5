/**
 * Customer data must never leave the machine: every request the page makes, on every screen,
 * goes to the loopback server (or stays inside the page: blob: and data: URLs).
 */
import { join } from 'node:path';
import { cli, expect, SCREENS, startServer, stopServer, test, visitEveryScreen } from './fixtures';

test('the app makes no request beyond the loopback server, on any screen', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  const db = join(dataDir, 'bank.sqlite');
  cli(['demo', '--db', db, '--customers', '300', '--seed', '5']);
  const server = await startServer(['--db', db], dataDir);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  try {
    await visitEveryScreen(page, server);
    const origin = new URL(server.url);
    expect(origin.hostname).toBe('127.0.0.1');
    const elsewhere = requests.filter((url) => {
      if (url.startsWith('blob:') || url.startsWith('data:')) return false;
      const u = new URL(url);
      return u.hostname !== '127.0.0.1' || u.port !== origin.port;
    });
    expect(requests.length).toBeGreaterThan(SCREENS.length);
    expect(elsewhere).toEqual([]);
  } finally {
    await stopServer(server);
  }
});
