import {
  CloudTrailARNInvalidException,
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  InvalidTrailNameException,
  ListTrailsCommand,
  TrailNotFoundException,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudTrailService } from '../../src/emulator/services/cloudtrail/cloudtrail-service';
import { worldTrails } from '../../src/emulator/services/cloudtrail/trails';
import { credentialsFor, startCtHarness, testCaller, type CtHarness } from './helpers/ct-harness';
import { CT_NOW, ctWorld } from './helpers/ct-world';

const world = ctWorld();
const [management, stoppedAccount, unvalidatedAccount, plainAccount] = world.accounts.map((a) => a.id) as [string, string, string, string];
const orgTrail = worldTrails(world).find((t) => t.isOrganizationTrail)!;
let harness: CtHarness;

function client(accountId: string, region = 'us-east-1'): CloudTrailClient {
  return new CloudTrailClient({ region, endpoint: harness.endpoint, credentials: credentialsFor(testCaller(accountId)), maxAttempts: 1 });
}

beforeAll(async () => {
  harness = await startCtHarness({
    modules: [createCloudTrailService({ world, clock: () => CT_NOW })],
    callers: world.accounts.map((a) => testCaller(a.id)),
    clock: () => CT_NOW,
  });
});
afterAll(() => harness.close());

describe('DescribeTrails', () => {
  it('shows the management account its organisation trail: multi-region, validated, to S3', async () => {
    const { trailList } = await client(management).send(new DescribeTrailsCommand({}));
    expect(trailList).toHaveLength(1);
    expect(trailList![0]).toMatchObject({
      Name: 'organization-trail',
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
      LogFileValidationEnabled: true,
      HomeRegion: 'us-east-1',
      TrailARN: `arn:aws:cloudtrail:us-east-1:${management}:trail/organization-trail`,
      S3BucketName: orgTrail.bucketName,
    });
  });

  it('shows the organisation trail to a member only as a shadow trail', async () => {
    const withShadows = await client(plainAccount).send(new DescribeTrailsCommand({}));
    expect(withShadows.trailList!.map((t) => t.TrailARN)).toEqual([orgTrail.arn]);
    const without = await client(plainAccount).send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(without.trailList).toEqual([]);
  });

  it("lists a member's own trail next to the organisation trail, and filters by name or ARN", async () => {
    const all = await client(unvalidatedAccount).send(new DescribeTrailsCommand({}));
    expect(all.trailList!.map((t) => [t.Name, t.LogFileValidationEnabled])).toEqual([
      ['organization-trail', true],
      ['management-events', false],
    ]);
    const byName = await client(unvalidatedAccount).send(new DescribeTrailsCommand({ trailNameList: ['management-events'] }));
    expect(byName.trailList!.map((t) => t.Name)).toEqual(['management-events']);
    // A name only matches the caller's own trails; the organisation trail needs its ARN.
    const orgByName = await client(unvalidatedAccount).send(new DescribeTrailsCommand({ trailNameList: ['organization-trail'] }));
    expect(orgByName.trailList).toEqual([]);
    const orgByArn = await client(unvalidatedAccount).send(new DescribeTrailsCommand({ trailNameList: [orgTrail.arn] }));
    expect(orgByArn.trailList!.map((t) => t.Name)).toEqual(['organization-trail']);
  });

  it('in another Region, shows own multi-region trails as shadows only', async () => {
    const shadows = await client(unvalidatedAccount, 'eu-west-1').send(new DescribeTrailsCommand({}));
    expect(shadows.trailList!.map((t) => t.HomeRegion)).toEqual(['us-east-1', 'us-east-1']);
    const none = await client(unvalidatedAccount, 'eu-west-1').send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(none.trailList).toEqual([]);
  });

  it('rejects malformed names and ARNs', async () => {
    await expect(client(management).send(new DescribeTrailsCommand({ trailNameList: ['bad name!'] }))).rejects.toBeInstanceOf(InvalidTrailNameException);
    await expect(client(management).send(new DescribeTrailsCommand({ trailNameList: ['arn:aws:cloudtrail:nope'] }))).rejects.toBeInstanceOf(
      CloudTrailARNInvalidException,
    );
  });
});

describe('GetTrailStatus', () => {
  it('reports the organisation trail logging, with recent deliveries and digests', async () => {
    const status = await client(management).send(new GetTrailStatusCommand({ Name: 'organization-trail' }));
    expect(status.IsLogging).toBe(true);
    expect(status.LatestDeliveryTime!.getTime()).toBeLessThanOrEqual(CT_NOW.getTime());
    expect(CT_NOW.getTime() - status.LatestDeliveryTime!.getTime()).toBeLessThan(15 * 60_000);
    expect(status.LatestDigestDeliveryTime).toBeInstanceOf(Date);
    expect(status.StartLoggingTime).toBeInstanceOf(Date);
    expect(status.TimeLoggingStopped).toBe('');
  });

  it('reports the stopped member trail as not logging, with the stop time', async () => {
    const status = await client(stoppedAccount).send(new GetTrailStatusCommand({ Name: 'account-trail' }));
    expect(status.IsLogging).toBe(false);
    expect(status.StopLoggingTime!.getTime()).toBeLessThan(CT_NOW.getTime());
    expect(status.LatestDeliveryTime!.getTime()).toBeLessThanOrEqual(status.StopLoggingTime!.getTime());
    expect(status.TimeLoggingStopped).toBe(`${status.StopLoggingTime!.toISOString().slice(0, 19)}Z`);
  });

  it("lets a member read the organisation trail's status by ARN, not by name", async () => {
    const status = await client(plainAccount).send(new GetTrailStatusCommand({ Name: orgTrail.arn }));
    expect(status.IsLogging).toBe(true);
    await expect(client(plainAccount).send(new GetTrailStatusCommand({ Name: 'organization-trail' }))).rejects.toBeInstanceOf(TrailNotFoundException);
  });

  it("does not show another account's trail", async () => {
    const arn = worldTrails(world).find((t) => t.ownerAccountId === stoppedAccount)!.arn;
    await expect(client(plainAccount).send(new GetTrailStatusCommand({ Name: arn }))).rejects.toBeInstanceOf(TrailNotFoundException);
    await expect(client(plainAccount).send(new GetTrailStatusCommand({ Name: 'x' }))).rejects.toBeInstanceOf(InvalidTrailNameException);
  });
});

describe('GetEventSelectors, GetTrail and ListTrails', () => {
  it('returns the management-event selector of a trail', async () => {
    const res = await client(management).send(new GetEventSelectorsCommand({ TrailName: 'organization-trail' }));
    expect(res.TrailARN).toBe(orgTrail.arn);
    expect(res.EventSelectors).toEqual([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }]);
    await expect(client(management).send(new GetEventSelectorsCommand({ TrailName: 'missing-trail' }))).rejects.toBeInstanceOf(TrailNotFoundException);
  });

  it('GetTrail and ListTrails agree with DescribeTrails', async () => {
    const { Trail } = await client(stoppedAccount).send(new GetTrailCommand({ Name: 'account-trail' }));
    expect(Trail).toMatchObject({ Name: 'account-trail', IsOrganizationTrail: false, LogFileValidationEnabled: true });
    const { Trails } = await client(stoppedAccount).send(new ListTrailsCommand({}));
    expect(Trails!.map((t) => t.Name).sort()).toEqual(['account-trail', 'organization-trail']);
  });
});
