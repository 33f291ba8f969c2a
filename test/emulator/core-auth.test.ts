import { AccessAnalyzerClient, GetAnalyzerCommand, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysFor, startTestEmulator, type TestEmulator } from './core-harness';
import { stubServices, type SeenRequest } from './core-stub-services';
import { rawRequest } from './sso-test-helpers';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** The SDK error's name and HTTP status, whatever class it is. */
async function failure(p: Promise<unknown>): Promise<{ name: string; status?: number }> {
  const err = (await p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  )) as { name: string; $metadata?: { httpStatusCode?: number } };
  return { name: err.name, ...(err.$metadata?.httpStatusCode !== undefined ? { status: err.$metadata.httpStatusCode } : {}) };
}

describe('the core: SigV4 routing and authentication', () => {
  let emu: TestEmulator;
  let keys: Creds;
  const seen: SeenRequest[] = [];
  const clients = (credentials: Creds) => {
    const common = { region: 'eu-west-1', endpoint: emu.endpoint, credentials, maxAttempts: 1 };
    return {
      sts: new STSClient(common),
      cloudtrail: new CloudTrailClient(common),
      analyzer: new AccessAnalyzerClient(common),
      s3: new S3Client({ ...common, forcePathStyle: true }),
    };
  };

  beforeAll(async () => {
    emu = await startTestEmulator({}, stubServices(seen));
    keys = await keysFor(emu, 'prod-web');
  });
  afterAll(async () => emu.stop());

  it('routes each signed request by its credential scope and verifies the signature for every protocol', async () => {
    const c = clients(keys);
    const account = emu.world.accounts.find((a) => a.name === 'prod-web')?.id;
    await c.cloudtrail.send(new LookupEventsCommand({ MaxResults: 5 }));
    await c.analyzer.send(new ListAnalyzersCommand({ type: 'ACCOUNT', maxResults: 3 }));
    // Path labels with characters that SigV4 escapes twice (non-S3) or once (S3).
    await c.analyzer.send(new GetAnalyzerCommand({ analyzerName: 'org analyzer:1+2' }));
    await c.s3.send(new ListBucketsCommand({}));
    const obj = await c.s3.send(new GetObjectCommand({ Bucket: 'trail-bucket', Key: 'AWSLogs/o-x/a b+c=d/日本.json.gz' }));
    expect(await obj.Body?.transformToString()).toBe('hello');
    // Dot segments are legal in S3 keys and must reach the service untouched.
    await c.s3.send(new GetObjectCommand({ Bucket: 'trail-bucket', Key: 'a/../b' }));
    expect(seen.at(-1)?.path).toBe('/trail-bucket/a/../b');
    expect(seen.map((s) => s.service)).toEqual(['cloudtrail', 'access-analyzer', 'access-analyzer', 's3', 's3', 's3']);
    expect(seen.every((s) => s.accountId === account)).toBe(true);
  });

  it('answers a wrong secret with each protocol family’s signature error', async () => {
    const c = clients({ ...keys, secretAccessKey: 'wrong-secret-wrong-secret-wrong-secret00' });
    expect(await failure(c.sts.send(new GetCallerIdentityCommand({})))).toEqual({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(await failure(c.cloudtrail.send(new LookupEventsCommand({})))).toEqual({ name: 'InvalidSignatureException', status: 400 });
    expect(await failure(c.analyzer.send(new ListAnalyzersCommand({})))).toEqual({ name: 'InvalidSignatureException', status: 403 });
    expect(await failure(c.s3.send(new ListBucketsCommand({})))).toEqual({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('answers an unknown key as each service does', async () => {
    const c = clients({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(await failure(c.sts.send(new GetCallerIdentityCommand({})))).toEqual({ name: 'InvalidClientTokenId', status: 403 });
    expect(await failure(c.cloudtrail.send(new LookupEventsCommand({})))).toEqual({ name: 'UnrecognizedClientException', status: 400 });
    expect(await failure(c.analyzer.send(new ListAnalyzersCommand({})))).toEqual({ name: 'UnrecognizedClientException', status: 403 });
    expect(await failure(c.s3.send(new ListBucketsCommand({})))).toEqual({ name: 'InvalidAccessKeyId', status: 403 });
  });

  it('ties session keys to their token and expires them', async () => {
    const r = await clients(keys).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${emu.world.accounts[0]?.id}:role/AuditdeskReadOnly`, RoleSessionName: 'exp' }));
    const session: Creds = { accessKeyId: r.Credentials?.AccessKeyId ?? '', secretAccessKey: r.Credentials?.SecretAccessKey ?? '', sessionToken: r.Credentials?.SessionToken ?? '' };
    expect(await failure(clients({ ...session, sessionToken: 'other-token' }).sts.send(new GetCallerIdentityCommand({})))).toMatchObject({ name: 'InvalidClientTokenId' });
    expect(await failure(clients({ accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey }).cloudtrail.send(new LookupEventsCommand({})))).toMatchObject({
      name: 'UnrecognizedClientException',
    });
    emu.admin.expireToken({ accessKeyId: session.accessKeyId });
    const c = clients(session);
    expect(await failure(c.cloudtrail.send(new LookupEventsCommand({})))).toEqual({ name: 'ExpiredTokenException', status: 400 });
    expect(await failure(c.analyzer.send(new ListAnalyzersCommand({})))).toEqual({ name: 'ExpiredTokenException', status: 403 });
    expect(await failure(c.s3.send(new ListBucketsCommand({})))).toEqual({ name: 'ExpiredToken', status: 400 });
  });

  it('rejects a malformed Authorization header as an incomplete signature', async () => {
    const res = await rawRequest(emu.endpoint, {
      method: 'POST',
      headers: { authorization: `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/20240101/us-east-1/sts/aws4_request`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('<Code>IncompleteSignature</Code>');
    const unsigned = await rawRequest(`${emu.endpoint}/nothing-here`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('rejects a signed request whose body was changed after signing', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const signer = new SignatureV4({ service: 'sts', region: 'us-east-1', credentials: keys, sha256: Sha256 });
    const host = new URL(emu.endpoint).host;
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: '/',
      headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, String(v)]));
    expect((await rawRequest(emu.endpoint, { method: 'POST', headers, body })).status).toBe(200);
    const tampered = await rawRequest(emu.endpoint, { method: 'POST', headers, body: body.replace('GetCallerIdentity', 'AssumeRole') });
    expect(tampered.status).toBe(403);
    expect(tampered.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('accepts presigned (query-string) SigV4, and refuses it once expired', async () => {
    const signer = new SignatureV4({ service: 'sts', region: 'us-east-1', credentials: keys, sha256: Sha256 });
    const host = new URL(emu.endpoint).host;
    const presign = async (signingDate: Date) => {
      const req = await signer.presign(
        { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', path: '/', headers: { host }, query: { Action: 'GetCallerIdentity', Version: '2011-06-15' } },
        { expiresIn: 300, signingDate },
      );
      const url = new URL(emu.endpoint);
      for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, String(v));
      return fetch(url);
    };
    const ok = await presign(new Date());
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<Arn>arn:aws:iam::');
    const old = await presign(new Date(Date.now() - 3600_000));
    expect(old.status).toBe(403);
  });

  it('accepts an S3 presigned GET the way the S3 presigner builds it (UNSIGNED-PAYLOAD in the query)', async () => {
    const signer = new SignatureV4({ service: 's3', region: 'eu-west-1', credentials: keys, sha256: Sha256, uriEscapePath: false });
    const host = new URL(emu.endpoint).host;
    const path = '/trail-bucket/AWSLogs/a%20b/file.json.gz';
    const req = await signer.presign(
      { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', path, headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, query: { 'x-id': 'GetObject' } },
      { expiresIn: 900 },
    );
    expect(req.query?.['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    const url = new URL(`${emu.endpoint}${path}`);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, String(v));
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello');
    url.searchParams.set('x-id', 'PutObject');
    expect((await fetch(url)).status).toBe(403);
  });
});

/** node:crypto as the signer's hash (what @smithy/hash-node does). */
class Sha256 {
  private readonly h;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    const key = secret === undefined ? undefined : typeof secret === 'string' ? secret : Buffer.from(ArrayBuffer.isView(secret) ? secret.buffer.slice(secret.byteOffset, secret.byteOffset + secret.byteLength) : secret);
    this.h = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.h.update(typeof data === 'string' ? data : Buffer.from(ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
}
