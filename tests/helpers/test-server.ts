import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { sourceWorkerPath } from '../../src-main/app/paths';
import type { ApiOutput, Channel } from '../../src-shared/api';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { buildSmallBank } from './small-bank';
import { useTempDir } from './temp-dir';

/**
 * Browser mode on the four-customer bank, in a fresh folder, with a stand-in page; closed after
 * each test.
 */
export function useTestServer(): () => Promise<WebServer> {
  const tempDir = useTempDir();
  let server: WebServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  return async () => {
    const dir = tempDir();
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mainstreet</title>');
    server = await startWebServer({
      dataDir: join(dir, 'data'),
      staticDir,
      version: '0.0.0-test',
      workerPath: sourceWorkerPath(),
      dbPath: await buildSmallBank(dir),
    });
    return server;
  };
}

/** One API call as a screen makes it in browser mode; a refused call throws its message. */
export async function callApi<C extends Channel>(s: WebServer, channel: C, input: unknown): Promise<ApiOutput<C>> {
  const response = await fetch(`http://127.0.0.1:${s.port}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'x-mainstreet-token': s.token, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: ApiOutput<C>; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message ?? 'call failed');
  return result.value;
}
