import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webRoutes, webTokenParam } from '../../shared/ipc/bridge';
import type { EventBus } from '../core/event-bus';
import type { Dispatch } from '../ipc/dispatcher';
import { checkHostAndOrigin, hasToken } from './request-guard';
import { serveStatic } from './static-files';
import { contentSecurityPolicy } from '../../shared/csp';

export interface WebServerOptions {
  dispatch: Dispatch;
  bus: EventBus;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Only for tests; a fresh random token otherwise. */
  token?: string;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** A body over MAX_BODY is still read (and dropped) up to here, so the client gets the 413. */
const DRAIN_LIMIT = 16 * MAX_BODY;

const SECURITY_HEADERS = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The first URL carries the token: never leak it in a Referer.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Browser mode: the same handlers as the desktop app over loopback HTTP, for any browser and
 * for the E2E tests. Bound to 127.0.0.1 only; every API call needs this run's token.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const refusal = checkHostAndOrigin(req, port);
    if (refusal) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: refusal } });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;

    if (path.startsWith('/api/')) {
      if (!hasToken(req, token)) return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'Missing or wrong token.' } });
      if (path === webRoutes.events && req.method === 'GET') return openEventStream(res);
      if (path.startsWith(webRoutes.invoke) && req.method === 'POST') {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, { ok: false, error: { code: 'bad-input', message: 'Expected application/json.' } });
        }
        const body = await readBody(req);
        if (body === undefined) return sendJson(res, 413, { ok: false, error: { code: 'bad-input', message: 'Request too large.' } });
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'bad-input', message: 'Malformed JSON.' } });
        }
        const channel = decodeURIComponent(path.slice(webRoutes.invoke.length));
        return sendJson(res, 200, await options.dispatch(channel, input));
      }
      return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: 'No such route.' } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'bad-input', message: 'Method not allowed.' } });
    return serveStatic(options.staticDir, path, res, SECURITY_HEADERS);
  }

  function openEventStream(res: ServerResponse) {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = options.bus.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?${webTokenParam}=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  // Closing the socket on a client still sending makes the kernel answer with a reset, and the
  // client never sees the 413: read an oversized body to its end, keeping none of it.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('close', () => reject(new Error('Request aborted.')));
    req.on('error', reject);
  });
}
