import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, QueryParameterBag, SourceData } from '@smithy/types';

/**
 * SigV4 on the receiving side: read the credential scope (which tells us the service, region and
 * key), then re-sign the request with the secret we issued and compare. Re-signing with the SDK's
 * own signer keeps the canonicalisation identical to what the clients do.
 */
export interface SigV4Auth {
  kind: 'header' | 'query';
  accessKeyId: string;
  /** yyyymmdd from the scope. */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** X-Amz-Date, yyyymmddThhmmssZ. */
  amzDate: string;
  sessionToken?: string;
  /** Presigned URLs only. */
  expiresIn?: number;
}

export type ParsedAuth =
  | { status: 'none' }
  | { status: 'ok'; auth: SigV4Auth }
  /** Signed, but not readable: AWS answers IncompleteSignature. `service` when the scope was readable. */
  | { status: 'malformed'; service?: string; message: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';

export function parseSigV4(headers: Record<string, string>, query: URLSearchParams): ParsedAuth {
  const header = headers['authorization'];
  if (header !== undefined) {
    if (!header.startsWith(`${ALGORITHM} `)) return { status: 'malformed', message: `Unsupported authorization type` };
    const fields = new Map<string, string>();
    for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const scope = parseScope(fields.get('Credential'));
    const signedHeaders = fields.get('SignedHeaders');
    const signature = fields.get('Signature');
    const amzDate = headers['x-amz-date'];
    if (!scope) return { status: 'malformed', message: "Authorization header requires 'Credential' parameter." };
    if (!signedHeaders || !signature || !amzDate) {
      return {
        status: 'malformed',
        service: scope.service,
        message: `Authorization header requires 'SignedHeaders', 'Signature' and an X-Amz-Date header.`,
      };
    }
    return {
      status: 'ok',
      auth: {
        kind: 'header',
        ...scope,
        signedHeaders: signedHeaders.split(';'),
        signature,
        amzDate,
        ...(headers['x-amz-security-token'] !== undefined ? { sessionToken: headers['x-amz-security-token'] } : {}),
      },
    };
  }
  if (query.get('X-Amz-Algorithm') === ALGORITHM) {
    const scope = parseScope(query.get('X-Amz-Credential') ?? undefined);
    const signedHeaders = query.get('X-Amz-SignedHeaders');
    const signature = query.get('X-Amz-Signature');
    const amzDate = query.get('X-Amz-Date');
    const expires = Number(query.get('X-Amz-Expires'));
    if (!scope) return { status: 'malformed', message: 'Query-string authentication requires X-Amz-Credential.' };
    if (!signedHeaders || !signature || !amzDate || !Number.isInteger(expires)) {
      return { status: 'malformed', service: scope.service, message: 'Query-string authentication is incomplete.' };
    }
    const token = query.get('X-Amz-Security-Token');
    return {
      status: 'ok',
      auth: {
        kind: 'query',
        ...scope,
        signedHeaders: signedHeaders.split(';'),
        signature,
        amzDate,
        expiresIn: expires,
        ...(token !== null ? { sessionToken: token } : {}),
      },
    };
  }
  return { status: 'none' };
}

function parseScope(credential: string | undefined): Pick<SigV4Auth, 'accessKeyId' | 'scopeDate' | 'region' | 'service'> | undefined {
  const parts = credential?.split('/');
  if (!parts || parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  const [accessKeyId, scopeDate, region, service] = parts as [string, string, string, string, string];
  if (!accessKeyId || !/^\d{8}$/.test(scopeDate) || !region || !service) return undefined;
  return { accessKeyId, scopeDate, region, service };
}

/** yyyymmddThhmmssZ → Date, or undefined. */
export function parseAmzDate(amzDate: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

export interface RawRequest {
  method: string;
  /** The path exactly as it came over the wire (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
}

/** Whether `auth.signature` is what the SDK would have computed with `secretAccessKey`. */
export async function verifySigV4(raw: RawRequest, auth: SigV4Auth, secretAccessKey: string): Promise<boolean> {
  const signingDate = parseAmzDate(auth.amzDate);
  if (!signingDate || auth.amzDate.slice(0, 8) !== auth.scopeDate) return false;
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: {
      accessKeyId: auth.accessKeyId,
      secretAccessKey,
      ...(auth.sessionToken !== undefined && signsToken(auth) ? { sessionToken: auth.sessionToken } : {}),
    },
    sha256: NodeSha256,
    // S3 is the one service whose canonical path is not escaped a second time.
    uriEscapePath: auth.service !== 's3',
    applyChecksum: false,
  });
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = raw.headers[name];
    if (value === undefined) return false;
    headers[name] = value;
  }
  const request: HttpRequest = {
    method: raw.method,
    protocol: 'http:',
    hostname: (raw.headers['host'] ?? '').replace(/:\d+$/, ''),
    path: raw.path,
    headers,
    query: toQueryBag(raw.query, auth.kind === 'query'),
    body: raw.body.length > 0 ? raw.body : undefined,
  };
  let expected: string | undefined;
  if (auth.kind === 'header') {
    // A body hash the client declared must also be the body's hash, or a signature could be replayed with another body.
    const declared = raw.headers['x-amz-content-sha256'];
    if (declared !== undefined && /^[0-9a-f]{64}$/.test(declared) && declared !== createHash('sha256').update(raw.body).digest('hex')) {
      return false;
    }
    const signed = await signer.sign(request, {
      signingDate,
      signingRegion: auth.region,
      signingService: auth.service,
      signableHeaders: new Set(auth.signedHeaders),
    });
    expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization'] ?? ''))?.[1];
  } else {
    // Presigned S3 URLs sign UNSIGNED-PAYLOAD (the body is not known when the URL is made; the
    // S3 presigner also puts it in the query); other services presign the hash of the body.
    const hoisted = [...raw.query].find(([k]) => k.toLowerCase() === 'x-amz-content-sha256')?.[1];
    const payload = hoisted ?? (auth.service === 's3' ? 'UNSIGNED-PAYLOAD' : undefined);
    if (payload !== undefined) request.headers['x-amz-content-sha256'] = payload;
    const presigned = await signer.presign(request, {
      signingDate,
      expiresIn: auth.expiresIn ?? 900,
      signingRegion: auth.region,
      signingService: auth.service,
      unhoistableHeaders: new Set(['x-amz-content-sha256']),
      unsignableHeaders: new Set(['x-amz-content-sha256']),
    });
    const sig = presigned.query?.['X-Amz-Signature'];
    expected = typeof sig === 'string' ? sig : undefined;
  }
  return expected !== undefined && safeEqual(expected, auth.signature);
}

/** The token is part of the canonical request only when the client listed it (or put it in the query). */
function signsToken(auth: SigV4Auth): boolean {
  return auth.kind === 'query' || auth.signedHeaders.includes('x-amz-security-token');
}

/** The parameters presign() adds itself; any other X-Amz-* parameter (Content-Sha256…) is signed as given. */
const PRESIGN_PARAMS = new Set(['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Security-Token', 'X-Amz-Signature']);

function toQueryBag(query: URLSearchParams, presigned: boolean): QueryParameterBag {
  const bag: QueryParameterBag = {};
  for (const [key, value] of query) {
    if (presigned && PRESIGN_PARAMS.has(key)) continue;
    const prev = bag[key];
    if (prev === undefined || prev === null) bag[key] = value;
    else bag[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return bag;
}

function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** The SDK signer's hash interface over node:crypto (what @smithy/hash-node does). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret !== undefined ? createHmac('sha256', toBuffer(secret)) : createHash('sha256');
  }
  update(data: SourceData): void {
    this.hash.update(toBuffer(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
