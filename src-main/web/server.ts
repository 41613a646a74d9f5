/**
 * Browser mode: the built renderer and the real API served on 127.0.0.1 only, guarded by a
 * random token, so the app can be used and tested in Chromium without an Electron binary.
 * The page's `window.api` is replaced by a client over this loopback (src-renderer/lib/api.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, Events } from '../../src-shared/events';
import { dispatch } from '../api/dispatch';
import { AppContext, type AppContextOptions } from '../app/context';
import { serveStatic } from './static-files';
import { clearUploads, receiveUpload } from './uploads';

export const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 1 << 20;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface WebServerOptions extends Omit<AppContextOptions, 'emit' | 'mode'> {
  staticDir: string;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Database to open instead of the last one / the demo. */
  dbPath?: string;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  context: AppContext;
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

/** The x-file-name header, URI-encoded by the page; '' when missing or malformed. */
function decodeFileName(raw: string | string[] | undefined): string {
  try {
    return typeof raw === 'string' ? decodeURIComponent(raw) : '';
  } catch {
    return '';
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of streams) stream.write(data);
  };
  const context = new AppContext({ ...options, mode: 'browser', emit });
  let expectedHost = '';

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent)
        sendJson(response, 400, { ok: false, error: { code: 'invalid_input', message: 'Malformed request.' } });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    response.setHeader('x-frame-options', 'DENY');
    response.setHeader('referrer-policy', 'no-referrer');
    // A page on another site that resolves a name to 127.0.0.1 (DNS rebinding) has another Host.
    if (request.headers.host !== expectedHost) {
      response.writeHead(421).end('Misdirected request');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${expectedHost}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(url, request, response);
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    serveStatic(options.staticDir, url.pathname, response);
  }

  async function handleApi(url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (url.pathname === '/api/events' && request.method === 'GET') {
      // EventSource cannot send headers, so this one route takes the token in the query.
      if (!sameToken(url.searchParams.get('token'), token)) {
        response.writeHead(401).end();
        return;
      }
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (url.pathname === '/api/upload') {
      await handleUpload(request, response);
      return;
    }
    const match = /^\/api\/invoke\/([a-z]+(?::|%3A)[a-z-]+)$/i.exec(url.pathname);
    if (!match || request.method !== 'POST') {
      sendJson(response, 404, { ok: false, error: { code: 'unknown_channel', message: 'Not found.' } });
      return;
    }
    const given = request.headers['x-mainstreet-token'];
    if (!sameToken(typeof given === 'string' ? given : null, token)) {
      sendJson(response, 401, { ok: false, error: { code: 'invalid_input', message: 'Missing or wrong token.' } });
      return;
    }
    const body = await readBody(request);
    sendJson(response, 200, await dispatch(context, decodeURIComponent(match[1] ?? ''), body));
  }

  async function handleUpload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const given = request.headers['x-mainstreet-token'];
    if (request.method !== 'POST' || !sameToken(typeof given === 'string' ? given : null, token)) {
      sendJson(response, 401, { error: 'Missing or wrong token.' });
      return;
    }
    const name = decodeFileName(request.headers['x-file-name']);
    if (name === '') {
      sendJson(response, 400, { error: 'The upload needs an x-file-name header.' });
      return;
    }
    try {
      sendJson(response, 200, { path: await receiveUpload(options.dataDir, name, request) });
    } catch (error) {
      sendJson(response, 400, {
        error: `Could not receive ${name}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  clearUploads(options.dataDir);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  expectedHost = `${LOOPBACK}:${port}`;

  if (options.dbPath) context.open(options.dbPath);
  else context.start();

  return {
    url: `http://${expectedHost}/#token=${token}`,
    token,
    port,
    context,
    async close() {
      for (const stream of streams) stream.end();
      // close() waits for every connection to end: a page still open keeps its keep-alive
      // sockets busy, so they are cut at once rather than waited for.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await context.close();
      clearUploads(options.dataDir);
    },
  };
}
