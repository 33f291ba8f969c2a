import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { FaultController } from './faults';
import type { IdentityRegistry } from './identity';
import { restJsonError } from './protocol-errors';
import { routeUnsigned, SSO_PAGES } from './router';
import { coreError, type CoreErrorKind } from './service-errors';
import { parseSigV4, verifySigV4, parseAmzDate, type SigV4Auth } from './sigv4';
import { AwsError, type EmulatorRequest, type EmulatorResponse, type ServiceModule } from './types';

/** Requests bigger than this are refused: the emulated APIs never need more. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface CoreServerDeps {
  modules: ServiceModule[];
  identities: IdentityRegistry;
  faults: FaultController;
  clock: () => Date;
  /** Region for unsigned requests (SSO portal, OIDC, pages). */
  defaultRegion: string;
  /** Answers /__admin/* (JSON; 404 for paths it does not know). */
  admin: (req: EmulatorRequest) => Promise<EmulatorResponse>;
  /** Unexpected failures only; never called with secrets. */
  onError?: (message: string) => void;
}

export interface CoreServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Starts the loopback server; resolves once it listens. */
export async function startCoreServer(deps: CoreServerDeps, port: number): Promise<CoreServer> {
  const byName = new Map<string, ServiceModule>();
  for (const m of deps.modules) for (const name of m.signingNames) byName.set(name, m);

  const server = createServer((req, res) => {
    handle(req, res, deps, byName).catch((err: unknown) => {
      deps.onError?.(`emulator: unhandled ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) writeResponse(res, req.method ?? 'GET', restJsonError(new AwsError('InternalFailure', 'Internal error', 500)), false);
      else res.destroy();
    });
  });
  // The SDK keeps connections alive; without this, a stalled client could hold close() forever.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: CoreServerDeps, byName: Map<string, ServiceModule>): Promise<void> {
  const method = req.method ?? 'GET';
  // The raw path, as the service's model and the SigV4 signature see it: WHATWG URL parsing would
  // resolve `..` segments and read a leading `//` as a host, both legal in S3 keys.
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
  const url = { pathname: rawPath, searchParams: new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1)) };
  const headers = lowerHeaders(req);
  const body = await readBody(req);
  if (body === undefined) {
    writeResponse(res, method, restJsonError(new AwsError('RequestEntityTooLargeException', 'Request too large', 413)), false);
    return;
  }
  const now = deps.clock();
  const base = { method, path: url.pathname, query: url.searchParams, headers, body, now };

  if (url.pathname.startsWith('/__admin/')) {
    if (!isLocalRequest(req, headers)) {
      writeResponse(res, method, { status: 403, body: 'Forbidden' }, false);
      return;
    }
    writeResponse(res, method, await deps.admin({ ...base, service: 'admin', region: deps.defaultRegion }), false);
    return;
  }

  const parsed = parseSigV4(headers, url.searchParams);
  let service: string | undefined;
  let auth: SigV4Auth | undefined;
  if (parsed.status === 'ok') {
    auth = parsed.auth;
    service = auth.service;
  } else if (parsed.status === 'malformed') {
    const module = parsed.service !== undefined ? byName.get(parsed.service) : undefined;
    const err = coreError(parsed.service ?? '', 'incomplete-signature');
    const request: EmulatorRequest = { ...base, service: parsed.service ?? '', region: deps.defaultRegion };
    writeResponse(res, method, module ? module.errorResponse(err, request) : restJsonError(err), false);
    return;
  } else {
    service = routeUnsigned(method, url.pathname, headers, url.searchParams);
  }

  const module = service !== undefined ? byName.get(service) : undefined;
  if (!module || service === undefined) {
    writeResponse(res, method, restJsonError(new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403)), false);
    return;
  }
  const request: EmulatorRequest = { ...base, service, region: auth?.region ?? deps.defaultRegion };

  if (service === SSO_PAGES) {
    // The sign-in pages are for a browser on this machine only (no DNS rebinding, no cross-site form posts).
    const allowed = isLocalRequest(req, headers) && (method !== 'POST' || isSameOrigin(headers));
    const response = allowed ? await module.handle(request) : { status: 403, body: 'Forbidden' };
    writeResponse(res, method, response, false);
    return;
  }

  if (auth) {
    const failure = await authenticate(request, auth, rawPath, deps);
    if (failure) {
      writeResponse(res, method, module.errorResponse(failure, request), false);
      return;
    }
  }

  const response = await runWithFaults(request, module, deps);
  writeResponse(res, method, response, deps.faults.takeConnectionReset());
}

/** Sets `request.caller`, or returns the error AWS would answer with. */
async function authenticate(request: EmulatorRequest, auth: SigV4Auth, rawPath: string, deps: CoreServerDeps): Promise<AwsError | undefined> {
  const fail = (kind: CoreErrorKind, extra: Record<string, unknown> = {}): AwsError => coreError(request.service, kind, extra);
  const key = deps.identities.lookup(auth.accessKeyId);
  if (!key) return fail('unknown-key', request.service === 's3' ? { AWSAccessKeyId: auth.accessKeyId } : {});
  // A session key is only valid with its own token, and a long-term key with none.
  if ((key.sessionToken ?? '') !== (auth.sessionToken ?? '')) return fail('unknown-key');
  const ok = await verifySigV4(
    { method: request.method, path: rawPath, query: request.query, headers: request.headers, body: request.body },
    auth,
    key.secretAccessKey,
  );
  if (!ok) return fail('bad-signature');
  if (deps.identities.isExpired(key, request.now)) return fail('expired');
  if (auth.kind === 'query') {
    const signedAt = parseAmzDate(auth.amzDate);
    if (!signedAt || signedAt.getTime() + (auth.expiresIn ?? 0) * 1000 < request.now.getTime()) {
      return new AwsError('AccessDenied', 'Request has expired', 403);
    }
  }
  request.caller = key.caller;
  return undefined;
}

async function runWithFaults(request: EmulatorRequest, module: ServiceModule, deps: CoreServerDeps): Promise<EmulatorResponse> {
  const settings = deps.faults.get();
  if (settings.latencyMs > 0) await new Promise((r) => setTimeout(r, settings.latencyMs));
  let operation: string | undefined;
  try {
    operation = module.operationOf(request);
  } catch {
    operation = undefined;
  }
  // SSO portal calls carry no signature: the account they are about is in the query.
  const accountId = request.caller?.accountId ?? request.query.get('account_id') ?? undefined;
  const decision = deps.faults.decide(accountId, operation);
  if (decision.kind !== 'none') {
    const kind: CoreErrorKind = decision.kind === 'throttle' ? 'throttle' : decision.kind === 'server-error' ? 'server-error' : 'access-denied';
    return module.errorResponse(coreError(request.service, kind), request);
  }
  try {
    return await module.handle(request);
  } catch (err) {
    if (err instanceof AwsError) return module.errorResponse(err, request);
    deps.onError?.(`emulator: ${request.service} ${operation ?? '?'} failed: ${err instanceof Error ? err.message : String(err)}`);
    return module.errorResponse(coreError(request.service, 'server-error'), request);
  }
}

function writeResponse(res: ServerResponse, method: string, response: EmulatorResponse, cutOff: boolean): void {
  const headers = { ...(response.headers ?? {}) };
  const body = response.body;
  if (body instanceof Readable) {
    res.writeHead(response.status, headers);
    if (cutOff) {
      res.flushHeaders();
      body.once('data', (chunk: Buffer | string) => {
        res.write(chunk);
        res.socket?.destroy();
        body.destroy();
      });
      return;
    }
    body.pipe(res);
    return;
  }
  const bytes = body === undefined ? Buffer.alloc(0) : typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  headers['content-length'] ??= String(bytes.length);
  if (cutOff) {
    // Headers promise the full length; the client sees a truncated body and then a reset.
    if (bytes.length === 0) {
      res.socket?.destroy();
      return;
    }
    res.writeHead(response.status, headers);
    res.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))), () => res.socket?.destroy());
    return;
  }
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : bytes);
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Loopback peer and a loopback Host header: a page on another origin cannot drive admin or sign-in. */
function isLocalRequest(req: IncomingMessage, headers: Record<string, string>): boolean {
  const peer = req.socket.remoteAddress ?? '';
  const loopbackPeer = peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1';
  const host = (headers['host'] ?? '').replace(/:\d+$/, '');
  return loopbackPeer && (host === '127.0.0.1' || host === 'localhost' || host === '[::1]');
}

/** Browsers send Origin on form posts; when present it must be this very server ("null" from a sandboxed frame is refused). */
function isSameOrigin(headers: Record<string, string>): boolean {
  const origin = headers['origin'];
  if (origin === undefined) return true;
  // Browsers send `Origin: null` for some same-origin form posts (privacy settings, referrer
  // policies); Fetch Metadata still says where the request came from.
  if (origin === 'null') return headers['sec-fetch-site'] === 'same-origin';
  try {
    return new URL(origin).host === headers['host'];
  } catch {
    return false;
  }
}
