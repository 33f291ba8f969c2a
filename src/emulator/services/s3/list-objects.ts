import { AwsError } from '../../core/types';
import { hashParts, hex32 } from '../../seed/hash';
import type { LogFileRef } from '../cloudtrail/trail-log-files';
import { afterPrefix, listPage, type KeyNode } from './key-tree';
import type { LogObjectStore } from './log-objects';
import { canonicalUserId, el, S3_NS, xmlTime } from './s3-xml';
import type { TrailBucket } from './trail-buckets';

export interface ListContext {
  seed: string;
  bucket: TrailBucket;
  tree: KeyNode<LogFileRef>;
  objects: LogObjectStore;
  query: URLSearchParams;
}

const MAX_KEYS = 1000;

function maxKeysOf(query: URLSearchParams): number {
  const raw = query.get('max-keys');
  if (raw === null || raw === '') return MAX_KEYS;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) {
    throw new AwsError('InvalidArgument', 'Provided max-keys not an integer or within integer range', 400, {
      ArgumentName: 'max-keys',
      ArgumentValue: raw,
    });
  }
  // S3 silently caps the page at 1000.
  return Math.min(n, MAX_KEYS);
}

function encoderOf(query: URLSearchParams): (s: string) => string {
  const type = query.get('encoding-type');
  if (type === null) return (s) => s;
  if (type !== 'url') {
    throw new AwsError('InvalidArgument', 'Invalid Encoding Method specified in Request', 400, {
      ArgumentName: 'encoding-type',
      ArgumentValue: type,
    });
  }
  return (s) => encodeURIComponent(s).replace(/%2F/g, '/');
}

/** Opaque like S3's: the resume point plus a checksum so an edited token is refused. */
function encodeToken(seed: string, bucket: string, after: string): string {
  return Buffer.from(`${after}\u0000${hex32(hashParts(seed, 'list-token', bucket, after))}`).toString('base64');
}

function decodeToken(seed: string, bucket: string, token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const cut = text.lastIndexOf('\u0000');
  const after = text.slice(0, Math.max(0, cut));
  if (cut < 0 || text.slice(cut + 1) !== hex32(hashParts(seed, 'list-token', bucket, after))) {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400, {
      ArgumentName: 'continuation-token',
      ArgumentValue: token,
    });
  }
  return after;
}

function contents(ctx: ListContext, objects: { key: string; value: LogFileRef }[], encode: (s: string) => string, owner: boolean): string {
  return objects
    .map(({ key, value }) => {
      const meta = ctx.objects.meta(ctx.bucket, value);
      const ownerXml = owner ? `<Owner>${el('ID', canonicalUserId(ctx.bucket.ownerAccountId))}</Owner>` : '';
      return (
        `<Contents>${el('Key', encode(key))}${el('LastModified', xmlTime(meta.lastModified))}${el('ETag', meta.etag)}` +
        `${el('Size', meta.size)}${ownerXml}${el('StorageClass', 'STANDARD')}</Contents>`
      );
    })
    .join('');
}

function commonPrefixes(prefixes: string[], encode: (s: string) => string): string {
  return prefixes.map((p) => `<CommonPrefixes>${el('Prefix', encode(p))}</CommonPrefixes>`).join('');
}

/** ListObjectsV2 (GET /<bucket>?list-type=2). */
export function listObjectsV2(ctx: ListContext): string {
  const q = ctx.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') || undefined;
  const maxKeys = maxKeysOf(q);
  const encode = encoderOf(q);
  const token = q.get('continuation-token') ?? undefined;
  const startAfter = q.get('start-after') ?? undefined;
  const after = token !== undefined ? decodeToken(ctx.seed, ctx.bucket.name, token) : (startAfter ?? '');
  const page = listPage(ctx.tree, { prefix, delimiter, after, maxKeys });
  const next = page.isTruncated && page.resumeAfter !== undefined ? encodeToken(ctx.seed, ctx.bucket.name, page.resumeAfter) : undefined;
  return (
    `<ListBucketResult xmlns="${S3_NS}">${el('Name', ctx.bucket.name)}${el('Prefix', encode(prefix))}` +
    `${el('Delimiter', delimiter === undefined ? undefined : encode(delimiter))}${el('MaxKeys', maxKeys)}` +
    `${el('EncodingType', q.get('encoding-type') ?? undefined)}${el('KeyCount', page.objects.length + page.commonPrefixes.length)}` +
    `${el('IsTruncated', page.isTruncated)}${el('ContinuationToken', token)}${el('NextContinuationToken', next)}` +
    `${el('StartAfter', startAfter === undefined ? undefined : encode(startAfter))}` +
    `${contents(ctx, page.objects, encode, q.get('fetch-owner') === 'true')}${commonPrefixes(page.commonPrefixes, encode)}</ListBucketResult>`
  );
}

/** ListObjects, version 1 (GET /<bucket> without list-type): marker-based paging. */
export function listObjectsV1(ctx: ListContext): string {
  const q = ctx.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') || undefined;
  const maxKeys = maxKeysOf(q);
  const encode = encoderOf(q);
  const marker = q.get('marker') ?? '';
  // A marker that is a common prefix (NextMarker with a delimiter) resumes past its whole folder.
  const after = delimiter && marker.startsWith(prefix) && marker.endsWith(delimiter) ? afterPrefix(marker) : marker;
  const page = listPage(ctx.tree, { prefix, delimiter, after, maxKeys });
  const last = [...page.objects.map((o) => o.key), ...page.commonPrefixes].sort().pop();
  return (
    `<ListBucketResult xmlns="${S3_NS}">${el('Name', ctx.bucket.name)}${el('Prefix', encode(prefix))}` +
    `${el('Marker', encode(marker))}${el('NextMarker', page.isTruncated && last !== undefined ? encode(last) : undefined)}` +
    `${el('MaxKeys', maxKeys)}${el('Delimiter', delimiter === undefined ? undefined : encode(delimiter))}` +
    `${el('EncodingType', q.get('encoding-type') ?? undefined)}${el('IsTruncated', page.isTruncated)}` +
    `${contents(ctx, page.objects, encode, true)}${commonPrefixes(page.commonPrefixes, encode)}</ListBucketResult>`
  );
}
