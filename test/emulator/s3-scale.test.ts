import { CloudTrailClient, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListBucketsCommand, ListObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudTrailService } from '../../src/emulator/services/cloudtrail/cloudtrail-service';
import { HOUR_MS, parseLogFileKey } from '../../src/emulator/services/cloudtrail/trail-log-files';
import { worldTrails } from '../../src/emulator/services/cloudtrail/trails';
import { createS3Service } from '../../src/emulator/services/s3/s3-service';
import { readLogFile } from './helpers/ct-gunzip';
import { credentialsFor, startCtHarness, testCaller, type CtHarness } from './helpers/ct-harness';
import { CT_NOW, ctWorld } from './helpers/ct-world';

const world = ctWorld({ eventsPerAccount: 20_000, accounts: 3, regions: ['us-east-1', 'eu-west-1'] });
const orgBucket = worldTrails(world).find((t) => t.isOrganizationTrail)!.bucketName;
const management = world.managementAccountId;
let harness: CtHarness;

function s3(accountId = management): S3Client {
  return new S3Client({ region: 'us-east-1', endpoint: harness.endpoint, forcePathStyle: true, credentials: credentialsFor(testCaller(accountId)), maxAttempts: 1 });
}

beforeAll(async () => {
  harness = await startCtHarness({
    modules: [createS3Service({ world, clock: () => CT_NOW }), createCloudTrailService({ world, clock: () => CT_NOW, lookupEventsTps: Infinity })],
    callers: world.accounts.map((a) => testCaller(a.id)),
    clock: () => CT_NOW,
  });
});
afterAll(() => harness.close());

describe('trail buckets of a scale world', () => {
  it('lists a full page of hourly files and serves any of them with the events LookupEvents returns', async () => {
    const page = await s3().send(new ListObjectsV2Command({ Bucket: orgBucket }));
    expect(page.KeyCount).toBe(1000);
    expect(page.IsTruncated).toBe(true);
    const keys = page.Contents!.map((o) => o.Key!);
    expect([...keys].sort()).toEqual(keys);

    const object = page.Contents![777]!;
    const ref = parseLogFileKey(world, 'organization', object.Key!)!;
    const res = await s3().send(new GetObjectCommand({ Bucket: orgBucket, Key: object.Key }));
    const body = await res.Body!.transformToByteArray();
    expect(body.length).toBe(object.Size);
    const records = readLogFile(body);

    const ct = new CloudTrailClient({ region: ref.region, endpoint: harness.endpoint, credentials: credentialsFor(testCaller(ref.accountId)), maxAttempts: 1 });
    const looked: string[] = [];
    for await (const p of paginateLookupEvents({ client: ct }, { StartTime: new Date(ref.hourStartMs), EndTime: new Date(ref.hourStartMs + HOUR_MS - 1) })) {
      looked.push(...(p.Events ?? []).map((e) => e.CloudTrailEvent!));
    }
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => JSON.stringify(r))).toEqual(looked.reverse());
  });

  it('pages with ListObjects (v1) markers the same way', async () => {
    const prefix = `AWSLogs/${world.organizationId}/${management}/CloudTrail/eu-west-1/`;
    const v2 = await s3().send(new ListObjectsV2Command({ Bucket: orgBucket, Prefix: prefix, MaxKeys: 40 }));
    const first = await s3().send(new ListObjectsCommand({ Bucket: orgBucket, Prefix: prefix, MaxKeys: 25 }));
    const second = await s3().send(new ListObjectsCommand({ Bucket: orgBucket, Prefix: prefix, MaxKeys: 15, Marker: first.NextMarker }));
    expect([...first.Contents!, ...second.Contents!].map((o) => o.Key)).toEqual(v2.Contents!.map((o) => o.Key));
  });

  it('ListBuckets shows an account the trail buckets it owns', async () => {
    const res = await s3().send(new ListBucketsCommand({}));
    expect(res.Buckets!.map((b) => b.Name)).toEqual([orgBucket]);
  });
});
