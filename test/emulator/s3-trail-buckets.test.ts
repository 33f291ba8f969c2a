import { CloudTrailClient, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import {
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchBucket,
  NoSuchKey,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
  type ListObjectsV2CommandInput,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWorldEvents } from '../../src/emulator/seed/world-events';
import { createCloudTrailService } from '../../src/emulator/services/cloudtrail/cloudtrail-service';
import { HOUR_MS, hoursWithEvents, logFileKey, type LogFileRef } from '../../src/emulator/services/cloudtrail/trail-log-files';
import { worldTrails, type LogLayout } from '../../src/emulator/services/cloudtrail/trails';
import { createS3Service } from '../../src/emulator/services/s3/s3-service';
import { readLogFile } from './helpers/ct-gunzip';
import { credentialsFor, startCtHarness, testCaller, type CtHarness } from './helpers/ct-harness';
import { CT_NOW, ctWorld } from './helpers/ct-world';

const world = ctWorld();
const events = getWorldEvents(world);
const trails = worldTrails(world);
const orgTrail = trails.find((t) => t.isOrganizationTrail)!;
const stoppedTrail = trails.find((t) => t.stopLoggingMs !== undefined)!;
const unvalidatedTrail = trails.find((t) => !t.logFileValidationEnabled)!;
const plainAccount = world.accounts.map((a) => a.id).find((id) => !trails.some((t) => t.ownerAccountId === id))!;
let harness: CtHarness;

function s3(accountId: string, extra: { region?: string; followRegionRedirects?: boolean } = {}): S3Client {
  return new S3Client({
    region: extra.region ?? 'us-east-1',
    endpoint: harness.endpoint,
    forcePathStyle: true,
    followRegionRedirects: extra.followRegionRedirects,
    credentials: credentialsFor(testCaller(accountId)),
    maxAttempts: 1,
  });
}

async function listAll(client: S3Client, input: ListObjectsV2CommandInput, pageSize: number): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let pages = 0;
  for await (const page of paginateListObjectsV2({ client, pageSize }, input)) {
    pages++;
    expect(page.KeyCount).toBe((page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
  }
  return { keys, pages };
}

/** The reference key list: one file per account, Region and hour with events. */
function expectedKeys(layout: LogLayout, accountIds: readonly string[], beforeMs = Infinity): string[] {
  const keys: string[] = [];
  for (const accountId of accountIds) {
    for (const region of world.regions) {
      for (const hourStartMs of hoursWithEvents(events, accountId, region, beforeMs)) keys.push(logFileKey(world, layout, { accountId, region, hourStartMs }));
    }
  }
  return keys.sort();
}

beforeAll(async () => {
  harness = await startCtHarness({
    modules: [createS3Service({ world, clock: () => CT_NOW }), createCloudTrailService({ world, clock: () => CT_NOW, lookupEventsTps: Infinity })],
    callers: world.accounts.map((a) => testCaller(a.id)),
    clock: () => CT_NOW,
  });
});
afterAll(() => harness.close());

describe('ListObjectsV2 over the trail buckets', () => {
  it('pages through the organisation bucket (AWSLogs/o-<id>/<account>/…) exactly once, in key order', async () => {
    const { keys, pages } = await listAll(s3(world.managementAccountId), { Bucket: orgTrail.bucketName }, 50);
    const want = expectedKeys('organization', world.accounts.map((a) => a.id));
    expect(want.length).toBeGreaterThan(100);
    expect(keys).toEqual(want);
    expect(pages).toBe(Math.ceil(want.length / 50));
    expect(keys[0]).toMatch(new RegExp(`^AWSLogs/${world.organizationId}/\\d{12}/CloudTrail/[a-z0-9-]+/\\d{4}/\\d{2}/\\d{2}/\\d{12}_CloudTrail_[a-z0-9-]+_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`));
  });

  it('pages through an account bucket (AWSLogs/<account>/…), with prefix and start-after', async () => {
    const owner = unvalidatedTrail.ownerAccountId;
    const { keys } = await listAll(s3(owner), { Bucket: unvalidatedTrail.bucketName }, 13);
    const want = expectedKeys('account', [owner]);
    expect(keys).toEqual(want);
    expect(keys.every((k) => k.startsWith(`AWSLogs/${owner}/CloudTrail/`))).toBe(true);

    const prefix = `AWSLogs/${owner}/CloudTrail/eu-west-1/`;
    const prefixed = await listAll(s3(owner), { Bucket: unvalidatedTrail.bucketName, Prefix: prefix }, 4);
    expect(prefixed.keys).toEqual(want.filter((k) => k.startsWith(prefix)));
    const after = await listAll(s3(owner), { Bucket: unvalidatedTrail.bucketName, StartAfter: want[9] }, 1000);
    expect(after.keys).toEqual(want.slice(10));
  });

  it('rolls keys up into CommonPrefixes with a delimiter, folder by folder', async () => {
    const client = s3(world.managementAccountId);
    const top = await client.send(new ListObjectsV2Command({ Bucket: orgTrail.bucketName, Delimiter: '/' }));
    expect(top.CommonPrefixes).toEqual([{ Prefix: 'AWSLogs/' }]);
    expect(top.Contents).toBeUndefined();
    const accounts = await client.send(new ListObjectsV2Command({ Bucket: orgTrail.bucketName, Delimiter: '/', Prefix: `AWSLogs/${world.organizationId}/` }));
    expect(accounts.CommonPrefixes!.map((p) => p.Prefix)).toEqual(world.accounts.map((a) => `AWSLogs/${world.organizationId}/${a.id}/`).sort());
    // Paged common prefixes: the date folders of one account and Region, two at a time.
    const regionPrefix = `AWSLogs/${world.organizationId}/${world.managementAccountId}/CloudTrail/us-east-1/2026/`;
    const months: string[] = [];
    for await (const page of paginateListObjectsV2({ client, pageSize: 1 }, { Bucket: orgTrail.bucketName, Prefix: regionPrefix, Delimiter: '/' })) {
      months.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
    }
    const wantMonths = [...new Set(expectedKeys('organization', [world.managementAccountId]).filter((k) => k.startsWith(regionPrefix)).map((k) => k.slice(0, regionPrefix.length + 3)))];
    expect(months).toEqual(wantMonths);
  });

  it("keeps a stopped trail's bucket empty after the stop", async () => {
    const owner = stoppedTrail.ownerAccountId;
    const { keys } = await listAll(s3(owner), { Bucket: stoppedTrail.bucketName }, 1000);
    expect(keys).toEqual(expectedKeys('account', [owner], stoppedTrail.stopLoggingMs));
    expect(keys.length).toBeLessThan(expectedKeys('account', [owner]).length);
  });

  it('rejects a bad continuation token and caps MaxKeys at 1000', async () => {
    const client = s3(world.managementAccountId);
    await expect(client.send(new ListObjectsV2Command({ Bucket: orgTrail.bucketName, ContinuationToken: 'bm9wZQ==' }))).rejects.toMatchObject({ name: 'InvalidArgument' });
    const big = await client.send(new ListObjectsV2Command({ Bucket: orgTrail.bucketName, MaxKeys: 5000 }));
    expect(big.MaxKeys).toBe(1000);
  });
});

describe('GetObject on a trail log file', () => {
  it('returns a gzip of {"Records":[…]} holding the events LookupEvents returns for that hour', async () => {
    const owner = unvalidatedTrail.ownerAccountId;
    const hours = hoursWithEvents(events, owner, 'us-east-1');
    const ref: LogFileRef = { accountId: owner, region: 'us-east-1', hourStartMs: hours[hours.length - 1]! };
    for (const [bucket, layout, reader] of [
      [orgTrail.bucketName, 'organization', world.managementAccountId],
      [unvalidatedTrail.bucketName, 'account', owner],
    ] as const) {
      const key = logFileKey(world, layout, ref);
      const res = await s3(reader).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = await res.Body!.transformToByteArray();
      expect(res.ContentType).toBe('application/json');
      expect(res.ContentLength).toBe(body.length);
      expect(res.ETag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(res.LastModified!.getTime()).toBeGreaterThan(ref.hourStartMs);
      const records = readLogFile(body);

      const ct = new CloudTrailClient({ region: 'us-east-1', endpoint: harness.endpoint, credentials: credentialsFor(testCaller(owner)), maxAttempts: 1 });
      const lookedUp: string[] = [];
      for await (const page of paginateLookupEvents({ client: ct }, { StartTime: new Date(ref.hourStartMs), EndTime: new Date(ref.hourStartMs + HOUR_MS - 1) })) {
        lookedUp.push(...(page.Events ?? []).map((e) => e.CloudTrailEvent!));
      }
      expect(records.length).toBeGreaterThan(0);
      // Files run oldest first; LookupEvents newest first.
      expect(records.map((r) => JSON.stringify(r))).toEqual(lookedUp.reverse());
    }
  });

  it('answers HeadObject and a Range request with the listed size and ETag', async () => {
    const client = s3(world.managementAccountId);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: orgTrail.bucketName, MaxKeys: 3 }));
    const object = listed.Contents![2]!;
    const head = await client.send(new HeadObjectCommand({ Bucket: orgTrail.bucketName, Key: object.Key }));
    expect(head.ContentLength).toBe(object.Size);
    expect(head.ETag).toBe(object.ETag);
    expect(head.LastModified!.getTime()).toBe(Math.floor(object.LastModified!.getTime() / 1000) * 1000);
    const ranged = await client.send(new GetObjectCommand({ Bucket: orgTrail.bucketName, Key: object.Key, Range: 'bytes=0-9' }));
    const bytes = await ranged.Body!.transformToByteArray();
    expect(bytes.length).toBe(10);
    expect(ranged.ContentRange).toBe(`bytes 0-9/${object.Size}`);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  });

  it('answers NoSuchKey, NoSuchBucket and AccessDenied like S3', async () => {
    const client = s3(world.managementAccountId);
    const key = expectedKeys('organization', [plainAccount])[0]!;
    const wrongSuffix = key.replace(/_[A-Za-z0-9]{16}\.json\.gz$/, '_AAAAAAAAAAAAAAAA.json.gz');
    await expect(client.send(new GetObjectCommand({ Bucket: orgTrail.bucketName, Key: wrongSuffix }))).rejects.toBeInstanceOf(NoSuchKey);
    await expect(client.send(new GetObjectCommand({ Bucket: orgTrail.bucketName, Key: 'AWSLogs/nothing.json.gz' }))).rejects.toBeInstanceOf(NoSuchKey);
    await expect(client.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket-here' }))).rejects.toBeInstanceOf(NoSuchBucket);
    const denied = s3(plainAccount).send(new GetObjectCommand({ Bucket: orgTrail.bucketName, Key: key }));
    await expect(denied).rejects.toBeInstanceOf(S3ServiceException);
    await expect(denied).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(s3(plainAccount).send(new ListObjectsV2Command({ Bucket: unvalidatedTrail.bucketName }))).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(s3(plainAccount).send(new HeadObjectCommand({ Bucket: orgTrail.bucketName, Key: key }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    // The management account reads member trail buckets too.
    const fromManagement = await client.send(new ListObjectsV2Command({ Bucket: unvalidatedTrail.bucketName, MaxKeys: 1 }));
    expect(fromManagement.KeyCount).toBe(1);
  });

  it('tells the bucket Region, and redirects requests signed for another Region', async () => {
    const location = await s3(world.managementAccountId, { region: 'eu-west-1' }).send(new GetBucketLocationCommand({ Bucket: orgTrail.bucketName }));
    expect(location.LocationConstraint ?? '').toBe('');
    await expect(s3(world.managementAccountId, { region: 'eu-west-1' }).send(new ListObjectsV2Command({ Bucket: orgTrail.bucketName, MaxKeys: 1 }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 301 },
    });
    const followed = await s3(world.managementAccountId, { region: 'eu-west-1', followRegionRedirects: true }).send(
      new ListObjectsV2Command({ Bucket: orgTrail.bucketName, MaxKeys: 1 }),
    );
    expect(followed.KeyCount).toBe(1);
  });
});
