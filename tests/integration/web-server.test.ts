import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, type WebServer } from '../../src-main/web/server';
import { useTestServer } from '../helpers/test-server';

/** A raw request, so the test controls the Host header as an attacker page would. */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser mode server', () => {
  const start = useTestServer();

  function invoke(s: WebServer, channel: string, body: unknown, token = s.token, host = `127.0.0.1:${s.port}`) {
    return raw(s.port, {
      method: 'POST',
      path: `/api/invoke/${channel}`,
      headers: { host, 'content-type': 'application/json', 'x-mainstreet-token': token },
      body: JSON.stringify(body),
    });
  }

  it('listens on 127.0.0.1 only and prints a URL with its token', async () => {
    const s = await start();
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/#token=[A-Za-z0-9_-]{32}$`));
    expect(s.token).toHaveLength(32);
  });

  it('answers API calls with wrapped results', async () => {
    const s = await start();
    const response = await invoke(s, 'customers:list', { page: 0, page_size: 2, search: 'smith' });
    const result = JSON.parse(response.body) as { ok: boolean; value: { total: number; rows: { name: string }[] } };
    expect(result.ok).toBe(true);
    expect(result.value.total).toBe(2);
    expect(result.value.rows.map((r) => r.name)).toEqual(['Jane Smith', 'John Smith']);
  });

  it('routes every channel, hyphenated verbs included', async () => {
    const s = await start();
    const response = await invoke(s, 'merchants:save-rules', { rules: [] });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { rules: [] } });
    const unknown = await invoke(s, 'merchants:no-such-call', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses a missing or wrong token', async () => {
    const s = await start();
    const response = await invoke(s, 'home:dashboard', {}, 'x'.repeat(32));
    expect(response.status).toBe(401);
    const events = await raw(s.port, { path: '/api/events?token=nope', headers: { host: `127.0.0.1:${s.port}` } });
    expect(events.status).toBe(401);
  });

  it('refuses another Host (DNS rebinding), even with the token', async () => {
    const s = await start();
    const response = await invoke(s, 'home:dashboard', {}, s.token, `evil.example:${s.port}`);
    expect(response.status).toBe(421);
  });

  it('validates every input and names the problem', async () => {
    const s = await start();
    const bad = JSON.parse((await invoke(s, 'customers:list', { page: -1, page_size: 5000 })).body) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid_input');
    expect(bad.error.message).toMatch(/page/);
    const unknown = JSON.parse((await invoke(s, 'customers:drop', {})).body) as { error: { code: string } };
    expect(unknown.error.code).toBe('unknown_channel');
    const extra = JSON.parse((await invoke(s, 'customers:get', { id: 1, sql: 'x' })).body) as {
      error: { code: string };
    };
    expect(extra.error.code).toBe('invalid_input');
    const missing = JSON.parse((await invoke(s, 'customers:get', { id: 999 })).body) as { error: { code: string } };
    expect(missing.error.code).toBe('not_found');
  });

  it('serves the renderer with a strict CSP and never outside its folder', async () => {
    const s = await start();
    const host = { host: `127.0.0.1:${s.port}` };
    const page = await raw(s.port, { path: '/', headers: host });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Mainstreet</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const escape = await raw(s.port, { path: '/..%2f..%2fpackage.json', headers: host });
    expect(escape.body).not.toContain('"dependencies"');
  });
});
