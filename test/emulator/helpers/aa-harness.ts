import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { createAccessAnalyzerService } from '../../../src/emulator/services/accessanalyzer/accessanalyzer-service';
import type { Caller, EmulatorRequest, EmulatorResponse, ServiceModule } from '../../../src/emulator/core/types';
import type { EmulatorWorld } from '../../../src/emulator/world/world-types';

/**
 * A loopback HTTP server in front of the Access Analyzer service module alone, so its tests do
 * not depend on the emulator core. It does what the core does for this service and no more:
 * reads the SigV4 credential scope (access key, region, signing name) without checking the
 * signature, and maps the access key to a Caller. Access keys are `AKIAAA<account id>00`.
 */

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export interface AaHarness {
  endpoint: string;
  service: ServiceModule;
  clock: TestClock;
  client(accountId: string, region?: string): AccessAnalyzerClient;
  /** A request with a valid-looking scope for `accountId`, for what the SDK would never send. */
  raw(method: string, path: string, opts?: { accountId?: string; region?: string; body?: string; signed?: boolean }): Promise<RawResponse>;
  close(): Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function accessKeyFor(accountId: string): string {
  return `AKIAAA${accountId}00`;
}

function callerFor(accessKeyId: string): Caller | undefined {
  const account = /^AKIAAA(\d{12})00$/.exec(accessKeyId)?.[1];
  if (!account) return undefined;
  return {
    accessKeyId,
    accountId: account,
    arn: `arn:aws:sts::${account}:assumed-role/AuditReadOnly/test.auditor`,
    userId: `AROAAATEST${account}:test.auditor`,
    roleName: 'AuditReadOnly',
    sessionName: 'test.auditor',
  };
}

export function createTestClock(start: Date): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

export async function startAaHarness(world: EmulatorWorld, start: Date = new Date(world.createdAt.getTime() + 60_000)): Promise<AaHarness> {
  const clock = createTestClock(start);
  const service = createAccessAnalyzerService({ world, clock: clock.now });
  const server = createServer((req, res) => {
    void serve(service, clock, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: AccessAnalyzerClient[] = [];
  return {
    endpoint,
    service,
    clock,
    client(accountId, region = 'us-east-1') {
      const client = new AccessAnalyzerClient({
        endpoint,
        region,
        credentials: { accessKeyId: accessKeyFor(accountId), secretAccessKey: 'emulator-secret' },
        // Errors under test must arrive on the first attempt, not after retries.
        maxAttempts: 1,
      });
      clients.push(client);
      return client;
    },
    raw: (method, path, opts = {}) => rawRequest(endpoint, method, path, opts),
    close: async () => {
      for (const c of clients) c.destroy();
      await closeServer(server);
    },
  };
}

async function serve(service: ServiceModule, clock: TestClock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(headers.authorization ?? '');
  const caller = scope?.[1] ? callerFor(scope[1]) : undefined;
  const request: EmulatorRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: Buffer.concat(chunks),
    service: scope?.[3] ?? '',
    region: scope?.[2] ?? 'us-east-1',
    ...(caller ? { caller } : {}),
    now: clock.now(),
  };
  let response: EmulatorResponse;
  try {
    response = await service.handle(request);
  } catch (err) {
    response = { status: 500, body: String(err) };
  }
  res.writeHead(response.status, response.headers ?? {});
  if (response.body instanceof Readable) response.body.pipe(res);
  else res.end(response.body ?? '');
}

async function rawRequest(
  endpoint: string,
  method: string,
  path: string,
  opts: { accountId?: string; region?: string; body?: string; signed?: boolean },
): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.signed !== false) {
    const key = accessKeyFor(opts.accountId ?? '111111111111');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${key}/20250501/${opts.region ?? 'us-east-1'}/access-analyzer/aws4_request, SignedHeaders=host, Signature=00`;
  }
  const res = await fetch(`${endpoint}${path}`, { method, headers, ...(opts.body !== undefined ? { body: opts.body } : {}) });
  return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}
