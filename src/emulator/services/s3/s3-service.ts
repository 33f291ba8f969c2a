import { restXmlError } from '../../core/protocol-errors';
import { AwsError, type Caller, type EmulatorRequest, type EmulatorResponse, type ServiceModule } from '../../core/types';
import { getWorldEvents } from '../../seed/world-events';
import type { EmulatorWorld } from '../../world/world-types';
import { hoursWithEvents, parseLogFileKey, type LogFileRef } from '../cloudtrail/trail-log-files';
import { bucketTree } from './bucket-tree';
import { objectResponse } from './get-object';
import type { KeyNode } from './key-tree';
import { listObjectsV1, listObjectsV2 } from './list-objects';
import { LogObjectStore } from './log-objects';
import { canonicalUserId, el, S3_NS, s3Headers, xmlResponse, xmlTime } from './s3-xml';
import { canRead, trailBuckets, type TrailBucket } from './trail-buckets';

export interface S3ServiceDeps {
  world: EmulatorWorld;
  clock: () => Date;
}

interface S3Target {
  bucket?: string;
  key?: string;
}

/** Path-style addressing (`/<bucket>/<key>`): the emulator's endpoint is an IP, so there is no bucket host name. */
function targetOf(req: EmulatorRequest): S3Target {
  const path = req.path.replace(/^\/+/, '');
  if (path === '') return {};
  const cut = path.indexOf('/');
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  if (cut < 0) return { bucket: decode(path) };
  const key = path.slice(cut + 1);
  return { bucket: decode(path.slice(0, cut)), key: key === '' ? undefined : decode(key) };
}

function operationOf(req: EmulatorRequest): string | undefined {
  const { bucket, key } = targetOf(req);
  const method = req.method.toUpperCase();
  if (!bucket) return method === 'GET' ? 'ListBuckets' : undefined;
  if (key !== undefined) {
    if (method === 'GET') return 'GetObject';
    if (method === 'HEAD') return 'HeadObject';
    return method === 'PUT' ? 'PutObject' : method === 'DELETE' ? 'DeleteObject' : undefined;
  }
  if (method === 'HEAD') return 'HeadBucket';
  if (method !== 'GET') return undefined;
  if (req.query.has('location')) return 'GetBucketLocation';
  if (req.query.get('list-type') === '2') return 'ListObjectsV2';
  const listParams = new Set(['prefix', 'delimiter', 'marker', 'max-keys', 'encoding-type', 'x-id', 'list-type', 'fetch-owner', 'start-after', 'continuation-token']);
  return [...req.query.keys()].every((k) => listParams.has(k)) ? 'ListObjects' : undefined;
}

/**
 * S3 over restXml for the trail buckets: each account's own trail bucket and the organisation
 * trail's bucket, read-only, with objects generated from the world's events on demand.
 */
export function createS3Service(deps: S3ServiceDeps): ServiceModule {
  const { world } = deps;
  let state: { objects: LogObjectStore; trees: Map<string, KeyNode<LogFileRef>> } | undefined;
  // Built on first use: loading the seed costs a moment the other services should not pay for.
  const lazyState = (): NonNullable<typeof state> => (state ??= { objects: new LogObjectStore(getWorldEvents(world)), trees: new Map() });
  const treeOf = (bucket: TrailBucket): KeyNode<LogFileRef> => {
    const s = lazyState();
    let tree = s.trees.get(bucket.name);
    if (!tree) s.trees.set(bucket.name, (tree = bucketTree(world, getWorldEvents(world), bucket)));
    return tree;
  };

  const bucketFor = (name: string, caller: Caller): TrailBucket => {
    const bucket = trailBuckets(world).find((b) => b.name === name);
    if (!bucket) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: name });
    if (!canRead(world, bucket, caller)) throw new AwsError('AccessDenied', 'Access Denied', 403);
    return bucket;
  };

  /** A request signed for another Region than the bucket's is redirected, as S3 does (the SDK can follow it). */
  const checkRegion = (bucket: TrailBucket, req: EmulatorRequest): void => {
    if (req.region === bucket.region) return;
    throw new AwsError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.', 301, {
      Bucket: bucket.name,
      Endpoint: `s3.${bucket.region === 'us-east-1' ? '' : `${bucket.region}.`}amazonaws.com`,
    });
  };

  const findObject = (bucket: TrailBucket, key: string): LogFileRef => {
    const ref = parseLogFileKey(world, bucket.layout, key);
    const exists =
      ref !== undefined &&
      bucket.accountIds.includes(ref.accountId) &&
      world.regions.includes(ref.region) &&
      hoursWithEvents(getWorldEvents(world), ref.accountId, ref.region, bucket.beforeMs).includes(ref.hourStartMs);
    if (!exists) throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
    return ref;
  };

  const dispatch = (req: EmulatorRequest): EmulatorResponse => {
    const caller = req.caller;
    if (!caller) throw new AwsError('AccessDenied', 'Access Denied', 403);
    const operation = operationOf(req);
    const { bucket: bucketName, key } = targetOf(req);
    if (operation === 'ListBuckets') return listBuckets(world, caller);
    if (!bucketName) throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
    const bucket = bucketFor(bucketName, caller);
    switch (operation) {
      case 'GetBucketLocation':
        return xmlResponse(
          bucket.region === 'us-east-1'
            ? `<LocationConstraint xmlns="${S3_NS}"/>`
            : `<LocationConstraint xmlns="${S3_NS}">${bucket.region}</LocationConstraint>`,
        );
      case 'HeadBucket':
        return { status: 200, headers: s3Headers({ 'x-amz-bucket-region': bucket.region }) };
      case 'ListObjectsV2':
      case 'ListObjects': {
        checkRegion(bucket, req);
        const ctx = { seed: world.seed, bucket, tree: treeOf(bucket), objects: lazyState().objects, query: req.query };
        return xmlResponse(operation === 'ListObjectsV2' ? listObjectsV2(ctx) : listObjectsV1(ctx));
      }
      case 'GetObject':
      case 'HeadObject': {
        checkRegion(bucket, req);
        const ref = findObject(bucket, key ?? '');
        return objectResponse(lazyState().objects.get(bucket, ref), req.headers.range, operation === 'GetObject');
      }
      case 'PutObject':
      case 'DeleteObject':
        // Only CloudTrail writes to a trail bucket; an auditor's role may read, never write.
        throw new AwsError('AccessDenied', 'Access Denied', 403);
      default:
        throw new AwsError('NotImplemented', 'A header or query you provided implies functionality that is not implemented.', 501);
    }
  };

  return {
    signingNames: ['s3'],
    operationOf,
    async handle(req) {
      try {
        return dispatch(req);
      } catch (err) {
        if (err instanceof AwsError) return errorResponse(err, req);
        throw err;
      }
    },
    errorResponse,
  };

  function errorResponse(err: AwsError, req: EmulatorRequest): EmulatorResponse {
    const res = restXmlError(err);
    if (err.code === 'PermanentRedirect') {
      const bucket = trailBuckets(world).find((b) => b.name === err.extra.Bucket);
      if (bucket) res.headers = { ...res.headers, 'x-amz-bucket-region': bucket.region };
    }
    // HEAD responses carry no body; the SDK reads the status code alone.
    if (req.method.toUpperCase() === 'HEAD') res.body = undefined;
    return res;
  }
}

/** The trail buckets the caller's account owns. */
function listBuckets(world: EmulatorWorld, caller: Caller): EmulatorResponse {
  const owned = trailBuckets(world).filter((b) => b.ownerAccountId === caller.accountId);
  const buckets = owned
    .map((b) => `<Bucket>${el('Name', b.name)}${el('CreationDate', xmlTime(new Date(b.createdMs)))}${el('BucketRegion', b.region)}</Bucket>`)
    .join('');
  return xmlResponse(
    `<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner>${el('ID', canonicalUserId(caller.accountId))}</Owner>` +
      `<Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`,
  );
}
