import {
  GenerateFindingRecommendationCommand,
  GetFindingRecommendationCommand,
  GetFindingsStatisticsCommand,
  ResourceNotFoundException,
  ValidationException,
  paginateGetFindingRecommendation,
  type AccessAnalyzerClient,
  type RecommendedStep,
} from '@aws-sdk/client-accessanalyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOMMENDATION_LATENCY_MS } from '../../src/emulator/services/accessanalyzer/operations/recommendation-operations';
import { startAaHarness, type AaHarness } from './helpers/aa-harness';
import { analyzerArn, findingsOf, referenceSeed } from './helpers/aa-reference';
import { AA_MANAGEMENT, AA_MEMBER_SECURITY, aaTestWorld } from './helpers/aa-world';

const world = aaTestWorld();
const seed = referenceSeed(world);
const ORG = analyzerArn('us-east-1', AA_MANAGEMENT, 'ConsoleAnalyzer-organization');
const ORG_UNUSED = analyzerArn('us-east-1', AA_MANAGEMENT, 'UnusedAccess-ConsoleAnalyzer-organization');
const ORG_INTERNAL = analyzerArn('us-east-1', AA_MANAGEMENT, 'InternalAccess-ConsoleAnalyzer-organization');
const MEMBER_UNUSED = analyzerArn('us-east-1', AA_MEMBER_SECURITY, 'UnusedAccess-ConsoleAnalyzer-account');
let h: AaHarness;
let client: AccessAnalyzerClient;

beforeAll(async () => {
  h = await startAaHarness(world);
  client = h.client(AA_MANAGEMENT);
});
afterAll(async () => {
  await h.close();
});

const count = (arn: string, status: string): number => findingsOf(seed, arn).filter((f) => f.status === status).length;

describe('GetFindingsStatistics', () => {
  it('gives external access totals and per-resource-type counts', async () => {
    const res = await client.send(new GetFindingsStatisticsCommand({ analyzerArn: ORG }));
    const stats = res.findingsStatistics?.[0]?.externalAccessFindingsStatistics;
    expect(stats?.totalActiveFindings).toBe(count(ORG, 'ACTIVE'));
    expect(stats?.totalArchivedFindings).toBe(count(ORG, 'ARCHIVED'));
    expect(stats?.totalResolvedFindings).toBe(count(ORG, 'RESOLVED'));
    const perType = Object.values(stats?.resourceTypeStatistics ?? {});
    const sum = perType.reduce((s, t) => s + (t.totalActivePublic ?? 0) + (t.totalActiveCrossAccount ?? 0) + (t.totalActiveErrors ?? 0), 0);
    expect(sum).toBe(count(ORG, 'ACTIVE'));
    expect(res.lastUpdatedAt).toBeInstanceOf(Date);
  });

  it('gives internal access counts per resource type', async () => {
    const res = await client.send(new GetFindingsStatisticsCommand({ analyzerArn: ORG_INTERNAL }));
    const stats = res.findingsStatistics?.[0]?.internalAccessFindingsStatistics;
    expect(stats?.totalActiveFindings).toBe(count(ORG_INTERNAL, 'ACTIVE'));
    const buckets = findingsOf(seed, ORG_INTERNAL).filter((f) => f.resourceType === 'AWS::S3::Bucket' && f.status === 'ACTIVE').length;
    expect(stats?.resourceTypeStatistics?.['AWS::S3::Bucket']?.totalActiveFindings ?? 0).toBe(buckets);
  });

  it('gives unused access counts per type and the top accounts of the organisation', async () => {
    const res = await client.send(new GetFindingsStatisticsCommand({ analyzerArn: ORG_UNUSED }));
    const stats = res.findingsStatistics?.[0]?.unusedAccessFindingsStatistics;
    expect(stats?.totalActiveFindings).toBe(count(ORG_UNUSED, 'ACTIVE'));
    const byType = Object.fromEntries((stats?.unusedAccessTypeStatistics ?? []).map((s) => [s.unusedAccessType, s.total]));
    const active = findingsOf(seed, ORG_UNUSED).filter((f) => f.status === 'ACTIVE');
    for (const [type, total] of Object.entries(byType)) expect(total).toBe(active.filter((f) => f.findingType === type).length);
    const top = stats?.topAccounts ?? [];
    expect(top.length).toBeGreaterThan(0);
    expect(top.length).toBeLessThanOrEqual(10);
    const first = top[0];
    expect(first?.numberOfActiveFindings).toBe(active.filter((f) => f.resourceOwnerAccount === first?.account).length);

    const member = await h.client(AA_MEMBER_SECURITY).send(new GetFindingsStatisticsCommand({ analyzerArn: MEMBER_UNUSED }));
    expect(member.findingsStatistics?.[0]?.unusedAccessFindingsStatistics?.topAccounts).toBeUndefined();
  });
});

describe('finding recommendations', () => {
  const finding = seed.findings.find((f) => f.analyzerArn === ORG_UNUSED && f.findingType === 'UnusedPermission' && (f.attachedPolicies?.length ?? 0) >= 2);

  it('runs IN_PROGRESS, then SUCCEEDED with the recommended steps', async () => {
    if (!finding) throw new Error('no unused permission finding with two policies');
    await client.send(new GenerateFindingRecommendationCommand({ analyzerArn: ORG_UNUSED, id: finding.id }));
    const pending = await client.send(new GetFindingRecommendationCommand({ analyzerArn: ORG_UNUSED, id: finding.id }));
    expect(pending.status).toBe('IN_PROGRESS');
    expect(pending.recommendationType).toBe('UnusedPermissionRecommendation');
    expect(pending.resourceArn).toBe(finding.resource);
    expect(pending.recommendedSteps).toBeUndefined();

    h.clock.advance(RECOMMENDATION_LATENCY_MS);
    const done = await client.send(new GetFindingRecommendationCommand({ analyzerArn: ORG_UNUSED, id: finding.id }));
    expect(done.status).toBe('SUCCEEDED');
    expect(done.completedAt?.getTime()).toBeGreaterThan(done.startedAt?.getTime() ?? Infinity);
    const steps = done.recommendedSteps?.map((s) => s.unusedPermissionsRecommendedStep) ?? [];
    expect(steps).toHaveLength(finding.attachedPolicies?.length ?? 0);
    const create = steps.find((s) => s?.recommendedAction === 'CREATE_POLICY');
    const policy: unknown = JSON.parse(create?.recommendedPolicy ?? '{}');
    expect(policy).toMatchObject({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] });
    expect(steps.find((s) => s?.recommendedAction === 'DETACH_POLICY')?.existingPolicyId).toMatch(/^arn:aws:iam::aws:policy\//);
  });

  it('pages the recommended steps', async () => {
    if (!finding) throw new Error('no finding');
    const all: RecommendedStep[] = [];
    for await (const page of paginateGetFindingRecommendation({ client, pageSize: 1 }, { analyzerArn: ORG_UNUSED, id: finding.id })) {
      expect(page.recommendedSteps?.length).toBeLessThanOrEqual(1);
      all.push(...(page.recommendedSteps ?? []));
    }
    expect(all).toHaveLength(finding.attachedPolicies?.length ?? 0);
  });

  it('refuses findings of other types', async () => {
    for (const type of ['UnusedIAMRole', 'UnusedIAMUserAccessKey', 'UnusedIAMUserPassword'] as const) {
      const other = findingsOf(seed, ORG_UNUSED).find((f) => f.findingType === type);
      const err = await client.send(new GenerateFindingRecommendationCommand({ analyzerArn: ORG_UNUSED, id: other?.id })).catch((e: unknown) => e);
      expect(err, type).toBeInstanceOf(ValidationException);
    }
    const external = findingsOf(seed, ORG)[0];
    const err = await client.send(new GenerateFindingRecommendationCommand({ analyzerArn: ORG, id: external?.id })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationException);
  });

  it('has nothing to return before a recommendation was generated', async () => {
    const other = findingsOf(seed, ORG_UNUSED).find((f) => f.findingType === 'UnusedPermission' && f.id !== finding?.id);
    const err = await client.send(new GetFindingRecommendationCommand({ analyzerArn: ORG_UNUSED, id: other?.id })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
  });
});
