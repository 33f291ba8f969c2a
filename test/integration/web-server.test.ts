import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Server, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { handlers } from '../../src/main/ipc/handlers';
import { startWebServer, type RunningWebServer } from '../../src/main/web/web-server';
import { contentSecurityPolicy } from '../../src/shared/csp';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const OUTSIDE_MARKER = 'OUTSIDE-THE-STATIC-FOLDER';
const INDEX_MARKER = '<title>Auditdesk test page</title>';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let root: string;
let core: Core;
let server: RunningWebServer;
let listenedOn: AddressInfo;
const replies: Reply[] = [];

/** node:http rather than fetch, so Host and Origin can be anything an attacker could send. */
function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string; port?: number }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: opts.host ?? '127.0.0.1', port: opts.port ?? server.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const reply = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
          replies.push(reply);
          resolve(reply);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const auth = () => ({ authorization: `Bearer ${server.token}` });
const json = { 'content-type': 'application/json' };

function invoke(channel: string, input: unknown, headers: Record<string, string> = {}) {
  return send({ method: 'POST', path: `/api/invoke/${channel}`, headers: { ...json, ...auth(), ...headers }, body: JSON.stringify(input) });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'auditdesk-web-'));
  const staticDir = join(root, 'static');
  const awsDir = join(root, 'aws');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await mkdir(awsDir);
  await writeFile(join(staticDir, 'index.html'), `<!doctype html><html><head>${INDEX_MARKER}</head><body></body></html>`);
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  // Files a traversal would be after, next to and above the static folder.
  await writeFile(join(root, 'package.json'), JSON.stringify({ marker: OUTSIDE_MARKER }));
  await writeFile(join(root, 'static-secret.txt'), OUTSIDE_MARKER);
  await writeFile(
    join(awsDir, 'config'),
    ['[profile audit-sso]', 'sso_start_url = https://d-1234567890.awsapps.com/start', 'sso_region = eu-west-1', 'sso_account_id = 111111111111', 'sso_role_name = AuditReadOnly', '', '[profile chained]', 'role_arn = arn:aws:iam::333333333333:role/Audit', 'source_profile = audit-sso', ''].join('\n'),
  );
  await writeFile(join(awsDir, 'credentials'), ['[static-keys]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', `aws_secret_access_key = ${SECRET}`, ''].join('\n'));

  core = await createCore({
    dataDir: join(root, 'data'),
    env: { HOME: join(root, 'home'), AWS_CONFIG_FILE: join(awsDir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials') },
    face: 'web',
    openExternal: async () => {},
  });
  const listen = vi.spyOn(Server.prototype, 'listen');
  server = await startWebServer({ dispatch: createDispatcher(handlers, { core }), bus: core.bus, staticDir, port: 0 });
  const listening = listen.mock.contexts[0] as Server;
  listen.mockRestore();
  listenedOn = listening.address() as AddressInfo;
});

afterAll(async () => {
  await server?.close();
  await core?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('where browser mode listens', () => {
  it('binds to 127.0.0.1 only, on the port and URL it reports', () => {
    expect(listenedOn.address).toBe('127.0.0.1');
    expect(listenedOn.family).toBe('IPv4');
    expect(listenedOn.port).toBe(server.port);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('cannot be reached on the machine’s other addresses', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && !info.internal && info.family === 'IPv4')
      .map((info) => info!.address);
    for (const host of ['::1', ...others]) {
      await expect(send({ host, path: '/', headers: { host: `127.0.0.1:${server.port}` } })).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EHOSTUNREACH|EAFNOSUPPORT/) });
    }
  });
});

describe('the API token', () => {
  it('refuses a call without a token (401)', async () => {
    const reply = await send({ method: 'POST', path: '/api/invoke/profiles:list', headers: json, body: '{}' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each([
    ['a wrong token', () => 'Bearer wrong'],
    ['a prefix of the token', () => `Bearer ${server.token.slice(0, -1)}`],
    ['the token without "Bearer"', () => server.token],
  ])('refuses %s (401)', async (_name, header) => {
    const reply = await invoke('profiles:list', {}, { authorization: header() });
    expect(reply.status).toBe(401);
  });

  it('does not take the token from the query string', async () => {
    const reply = await send({ method: 'POST', path: `/api/invoke/profiles:list?token=${server.token}`, headers: json, body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('answers profiles:list with the fixture’s profiles when the token is right, and no secret', async () => {
    const reply = await invoke('profiles:list', {});
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body);
    expect(result.ok).toBe(true);
    expect(result.data.profiles.map((p: { name: string }) => p.name).sort()).toEqual(['audit-sso', 'chained', 'static-keys']);
    expect(result.data.profiles.find((p: { name: string }) => p.name === 'audit-sso')).toMatchObject({ kind: 'sso-legacy', ssoAccountId: '111111111111' });
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(reply.headers['cache-control']).toBe('no-store');
  });
});

describe('Host and Origin', () => {
  it('accepts localhost:PORT as Host', async () => {
    expect((await invoke('app:info', {}, { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it.each([
    ['DNS rebinding: evil.example on our port', () => ({ host: `evil.example:${server.port}` })],
    ['a lookalike of 127.0.0.1', () => ({ host: `127.0.0.1.evil.example:${server.port}` })],
    ['another port', () => ({ host: `127.0.0.1:${server.port + 1}` })],
    ['Origin http://evil.example', () => ({ origin: 'http://evil.example' })],
    ['Origin null', () => ({ origin: 'null' })],
    ['Origin https on our host and port', () => ({ origin: `https://127.0.0.1:${server.port}` })],
    ['Origin of another local port', () => ({ origin: `http://127.0.0.1:${server.port + 1}` })],
  ])('refuses %s with 403, even with the token', async (_name, headers) => {
    const reply = await invoke('profiles:list', {}, headers());
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('profiles');
  });

  it('refuses a rebinding Host for static files and the event stream too', async () => {
    const host = `evil.example:${server.port}`;
    expect((await send({ path: '/', headers: { host } })).status).toBe(403);
    expect((await send({ path: '/api/events', headers: { host, ...auth() } })).status).toBe(403);
  });
});

describe('requests the API refuses', () => {
  it.each([
    ['text/plain (a CORS "simple" request)', 'text/plain'],
    ['a form post', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('refuses %s with 415', async (_name, contentType) => {
    const reply = await invoke('profiles:list', {}, { 'content-type': contentType });
    expect(reply.status).toBe(415);
  });

  it('refuses a request with no content type with 415', async () => {
    const reply = await send({ method: 'POST', path: '/api/invoke/profiles:list', headers: auth(), body: '{}' });
    expect(reply.status).toBe(415);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(3 * 1024 * 1024) });
    const reply = await send({ method: 'POST', path: '/api/invoke/profiles:list', headers: { ...json, ...auth() }, body });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    // …and keeps serving afterwards.
    expect((await invoke('app:info', {})).status).toBe(200);
  });

  it('cuts a client that keeps sending far past the limit, and keeps serving', async () => {
    const body = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const outcome = await send({ method: 'POST', path: '/api/invoke/profiles:list', headers: { ...json, ...auth() }, body }).then(
      (reply) => reply.status,
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(outcome);
    expect((await invoke('app:info', {})).status).toBe(200);
  });

  it('answers malformed JSON with 400 bad-input', async () => {
    const reply = await send({ method: 'POST', path: '/api/invoke/profiles:list', headers: { ...json, ...auth() }, body: '{"unterminated' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('answers an unknown channel with an error, not a crash', async () => {
    for (const channel of ['evil:channel', '__proto__', 'constructor', '%E0%A4%A']) {
      const reply = await invoke(channel, {});
      expect(reply.status, channel).toBeLessThan(600);
      if (reply.status === 200) expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    expect((await invoke('app:info', {})).status).toBe(200);
  });

  it('answers a malformed payload with bad-input and no stack', async () => {
    const reply = await invoke('jobs:cancel', { jobId: 42, extra: 'x' });
    const result = JSON.parse(reply.body);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(reply.body).not.toMatch(/\\n\s+at |\.ts:\d+/);
  });

  it('answers an unknown API route with 404', async () => {
    expect((await send({ method: 'GET', path: '/api/invoke/profiles:list', headers: auth() })).status).toBe(404);
    expect((await send({ method: 'DELETE', path: '/api/other', headers: auth() })).status).toBe(404);
  });
});

describe('CORS', () => {
  it('answers a cross-origin preflight without any access-control header', async () => {
    const reply = await send({
      method: 'OPTIONS',
      path: '/api/invoke/profiles:list',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a same-origin preflight without any access-control header either', async () => {
    const reply = await send({
      method: 'OPTIONS',
      path: '/api/invoke/profiles:list',
      headers: { origin: `http://127.0.0.1:${server.port}`, 'access-control-request-method': 'POST', ...auth() },
    });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never sent an access-control-* header on any response in this file', () => {
    expect(replies.length).toBeGreaterThan(10);
    for (const reply of replies) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('server-sent events', () => {
  it('refuses the stream without the token (401)', async () => {
    const reply = await send({ path: '/api/events' });
    expect(reply.status).toBe(401);
  });

  it('streams jobs:progress from a started job to a client holding the token', async () => {
    const frames: string[] = [];
    let release!: () => void;
    const received = new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: auth(), agent: false }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            frames.push(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
          if (frames[0]?.startsWith(': connected') && frames.length === 1) {
            core.jobs.start({
              kind: 'test',
              title: 'SSE test job',
              run: (ctx) =>
                new Promise<void>((done) => {
                  ctx.progress({ step: 'us-east-1 · 111111111111', current: 1, total: 2 });
                  release = done;
                }),
            });
          }
          if (frames.some((f) => f.includes('"current":1'))) {
            req.destroy();
            resolve();
          }
        });
      });
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    await received;
    release();

    const progress = frames
      .filter((f) => f.startsWith('event: jobs:progress\n'))
      .map((f) => JSON.parse(f.slice(f.indexOf('data: ') + 6)) as { jobId: string; step: string; current: number; total?: number; job: { title: string } });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ step: 'us-east-1 · 111111111111', current: 1, total: 2, job: { title: 'SSE test job' } });
    expect(new Set(progress.map((p) => p.jobId)).size).toBe(1);
  });
});

describe('static files', () => {
  it('serves index.html with CSP, nosniff, no-referrer and no framing', async () => {
    const reply = await send({ path: `/?token=${server.token}` });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(INDEX_MARKER);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it('serves assets with their type and the same headers', async () => {
    const reply = await send({ path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('console.log("app");');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('falls back to index.html for app routes', async () => {
    const reply = await send({ path: '/findings/123' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(INDEX_MARKER);
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/%252e%252e/package.json',
    '/../static-secret.txt',
    '/..%2fstatic-secret.txt',
    '//../static-secret.txt',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/../static/../package.json',
  ])('does not escape the static folder with %s', async (path) => {
    const reply = await send({ path });
    expect(reply.body).not.toContain(OUTSIDE_MARKER);
    expect(reply.body).not.toMatch(/root:.*:0:0:/);
    if (reply.status === 200) expect(reply.body).toContain(INDEX_MARKER);
  });

  it('survives a malformed percent-encoding', async () => {
    const reply = await send({ path: '/%E0%A4%A' });
    expect(reply.body).not.toContain(OUTSIDE_MARKER);
    expect((await send({ path: '/' })).status).toBe(200);
  });

  it('refuses other methods on static paths (405)', async () => {
    expect((await send({ method: 'POST', path: '/', headers: json, body: '{}' })).status).toBe(405);
  });
});
