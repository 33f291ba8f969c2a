import { CloudTrailClient, DescribeTrailsCommand, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { getWorldEvents } from '../../src/emulator/seed/world-events';
import { readLogFile } from './helpers/ct-gunzip';

/** CloudTrail and the trail buckets behind the real core: SigV4, issued keys, the 2 TPS limit. */
describe('CloudTrail and S3 inside startEmulator', () => {
  let dir: string;
  let emu: RunningEmulator;
  const now = new Date('2026-03-01T12:00:00Z');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ct-emulator-'));
    emu = await startEmulator({ stateDir: dir, seed: 'ct-integration', clock: () => now });
  });
  afterAll(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  const config = (accountId: string) => {
    const profile = emu.profiles.find((p) => p.kind === 'keys' && p.accountId === accountId)!;
    return {
      region: 'us-east-1',
      endpoint: emu.endpoint,
      maxAttempts: 1,
      credentials: fromIni({ profile: profile.name, filepath: emu.credentialsFile ?? '', configFilepath: emu.configFile }),
    };
  };

  it("gives each account its own events, and throttles the third call in a second", async () => {
    const member = emu.world.accounts.find((a) => !a.isManagement)!.id;
    const client = new CloudTrailClient(config(member));
    const first = await client.send(new LookupEventsCommand({ MaxResults: 50 }));
    const mine = getWorldEvents(emu.world).seedEvents.filter((e) => e.accountId === member && e.region === 'us-east-1');
    expect(first.Events!.length).toBe(Math.min(50, mine.length));
    expect(first.Events!.every((e) => mine.some((m) => m.eventId === e.EventId))).toBe(true);
    // Three at once from a fresh Region: the bucket holds two, the third is refused.
    const eu = new CloudTrailClient({ ...config(member), region: 'eu-west-1' });
    const burst = await Promise.allSettled([1, 2, 3].map(() => eu.send(new LookupEventsCommand({ MaxResults: 1 }))));
    const refused = burst.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as { name?: string });
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((e) => e.name === 'ThrottlingException')).toBe(true);
  });

  it('lets the management account read the organisation trail bucket, and not a member', async () => {
    const management = emu.world.managementAccountId;
    const { trailList } = await new CloudTrailClient(config(management)).send(new DescribeTrailsCommand({}));
    const bucket = trailList!.find((t) => t.IsOrganizationTrail)!.S3BucketName!;
    const s3 = new S3Client({ ...config(management), forcePathStyle: true });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 5 }));
    expect(listed.KeyCount).toBe(5);
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: listed.Contents![0]!.Key }));
    expect(readLogFile(await object.Body!.transformToByteArray()).length).toBeGreaterThan(0);

    const member = emu.world.accounts.find((a) => !a.isManagement)!.id;
    const denied = new S3Client({ ...config(member), forcePathStyle: true }).send(new ListObjectsV2Command({ Bucket: bucket }));
    await expect(denied).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
