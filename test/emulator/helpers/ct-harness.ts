import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { AwsError, type Caller, type EmulatorRequest, type EmulatorResponse, type ServiceModule } from '../../../src/emulator/core/types';

/**
 * A minimal stand-in for the emulator core, so the CloudTrail and S3 modules can be driven by the
 * real SDK without the rest of the emulator: it routes by the SigV4 credential scope, maps the
 * access key to a Caller, and writes the module's response. It does not verify signatures.
 */
export interface CtHarness {
  endpoint: string;
  close(): Promise<void>;
}

export interface CtHarnessOptions {
  modules: readonly ServiceModule[];
  callers: readonly Caller[];
  clock: () => Date;
}

const SCOPE_RE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export async function startCtHarness(opts: CtHarnessOptions): Promise<CtHarness> {
  const callers = new Map(opts.callers.map((c) => [c.accessKeyId, c]));
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const scope = SCOPE_RE.exec(headers.authorization ?? '') ?? SCOPE_RE.exec(`Credential=${url.searchParams.get('X-Amz-Credential') ?? ''}`);
    const module = scope ? opts.modules.find((m) => m.signingNames.includes(scope[3]!)) : undefined;
    if (!scope || !module) {
      res.statusCode = 400;
      res.end('no route');
      return;
    }
    const request: EmulatorRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: Buffer.concat(chunks),
      service: scope[3]!,
      region: scope[2]!,
      caller: callers.get(scope[1]!),
      now: opts.clock(),
    };
    let response: EmulatorResponse;
    if (!request.caller) {
      response = module.errorResponse(new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403), request);
    } else {
      module.operationOf(request);
      try {
        response = await module.handle(request);
      } catch (err) {
        if (!(err instanceof AwsError)) throw err;
        response = module.errorResponse(err, request);
      }
    }
    res.statusCode = response.status;
    for (const [k, v] of Object.entries(response.headers ?? {})) res.setHeader(k, v);
    const body = request.method === 'HEAD' ? undefined : response.body;
    if (body instanceof Readable) body.pipe(res);
    else res.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A long-term key for an account's auditor user; the key id encodes the account for readability. */
export function testCaller(accountId: string): Caller {
  return {
    accessKeyId: `AKIA${accountId}TEST`,
    accountId,
    arn: `arn:aws:iam::${accountId}:user/auditor`,
    userId: `AIDA${accountId}AUDITOR`,
  };
}

export function credentialsFor(caller: Caller): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: caller.accessKeyId, secretAccessKey: 'test-secret-not-checked-by-the-harness' };
}
