import {
  ApplyArchiveRuleCommand,
  ConflictException,
  CreateArchiveRuleCommand,
  DeleteArchiveRuleCommand,
  GetArchiveRuleCommand,
  GetFindingV2Command,
  ListArchiveRulesCommand,
  ListFindingsV2Command,
  ResourceNotFoundException,
  UpdateArchiveRuleCommand,
  UpdateFindingsCommand,
  ValidationException,
  type AccessAnalyzerClient,
  type Criterion,
  type FindingSummaryV2,
} from '@aws-sdk/client-accessanalyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAaHarness, type AaHarness } from './helpers/aa-harness';
import { analyzerArn, findingsOf, refFilter, referenceSeed } from './helpers/aa-reference';
import { AA_MANAGEMENT, aaTestWorld } from './helpers/aa-world';

const world = aaTestWorld();
const seed = referenceSeed(world);
const ACCOUNT = analyzerArn('us-east-1', AA_MANAGEMENT, 'ConsoleAnalyzer-account');
const ORG = analyzerArn('us-east-1', AA_MANAGEMENT, 'ConsoleAnalyzer-organization');
const ORG_UNUSED = analyzerArn('us-east-1', AA_MANAGEMENT, 'UnusedAccess-ConsoleAnalyzer-organization');
let h: AaHarness;
let client: AccessAnalyzerClient;

beforeAll(async () => {
  h = await startAaHarness(world);
  client = h.client(AA_MANAGEMENT);
});
afterAll(async () => {
  await h.close();
});

async function withStatus(arn: string, status: string): Promise<FindingSummaryV2[]> {
  const res = await client.send(new ListFindingsV2Command({ analyzerArn: arn, maxResults: 1000, filter: { status: { eq: [status] } } }));
  return res.findings ?? [];
}

describe('UpdateFindings', () => {
  it('archives by ids, visible through a status filter, and re-activates them', async () => {
    const active = await withStatus(ORG, 'ACTIVE');
    const chosen = active.slice(0, 3).map((f) => f.id ?? '');
    h.clock.advance(1000);
    await client.send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ARCHIVED', ids: chosen }));
    const archived = await withStatus(ORG, 'ARCHIVED');
    for (const id of chosen) expect(archived.map((f) => f.id)).toContain(id);
    const one = await client.send(new GetFindingV2Command({ analyzerArn: ORG, id: chosen[0] }));
    expect(one.status).toBe('ARCHIVED');
    expect(one.updatedAt?.getTime()).toBe(h.clock.now().getTime());

    await client.send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ACTIVE', ids: chosen }));
    expect((await withStatus(ORG, 'ACTIVE')).map((f) => f.id)).toEqual(active.map((f) => f.id));
  });

  it('archives every open finding on a resource by resourceArn', async () => {
    const target = findingsOf(seed, ACCOUNT).find((f) => f.status === 'ACTIVE');
    if (!target) throw new Error('no active finding');
    await client.send(new UpdateFindingsCommand({ analyzerArn: ACCOUNT, status: 'ARCHIVED', resourceArn: target.resource }));
    const after = await client.send(
      new ListFindingsV2Command({ analyzerArn: ACCOUNT, filter: { resource: { eq: [target.resource] } }, maxResults: 100 }),
    );
    for (const f of after.findings ?? []) expect(f.status).not.toBe('ACTIVE');
  });

  it('cannot set RESOLVED, nor touch a resolved finding', async () => {
    const resolved = findingsOf(seed, ORG).find((f) => f.status === 'RESOLVED');
    const bad = await client
      .send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'RESOLVED' as 'ACTIVE', ids: [resolved?.id ?? ''] }))
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationException);
    expect((bad as ValidationException).fieldList?.map((f) => f.name)).toEqual(['status']);
    const touch = await client.send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ARCHIVED', ids: [resolved?.id ?? ''] })).catch((e: unknown) => e);
    expect(touch).toBeInstanceOf(ValidationException);
  });

  it('needs ids or resourceArn, and knows its findings', async () => {
    const neither = await client.send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ARCHIVED' })).catch((e: unknown) => e);
    expect(neither).toBeInstanceOf(ValidationException);
    const unknown = await client
      .send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ARCHIVED', ids: ['00000000-0000-4000-8000-000000000000'] }))
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    expect((unknown as ResourceNotFoundException).resourceId).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('does not act twice for a retried clientToken', async () => {
    const [first] = await withStatus(ORG, 'ACTIVE');
    const id = first?.id ?? '';
    await client.send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ARCHIVED', ids: [id], clientToken: 'retry-1' }));
    await client.send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ACTIVE', ids: [id] }));
    // The retry of the first request must not archive it again.
    await client.send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ARCHIVED', ids: [id], clientToken: 'retry-1' }));
    expect((await client.send(new GetFindingV2Command({ analyzerArn: ORG, id }))).status).toBe('ACTIVE');
    const reused = await client
      .send(new UpdateFindingsCommand({ analyzerArn: ORG, status: 'ACTIVE', ids: [id], clientToken: 'retry-1' }))
      .catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(ValidationException);
  });
});

describe('archive rules', () => {
  it('lists the seeded real rules', async () => {
    const res = await client.send(new ListArchiveRulesCommand({ analyzerName: 'ConsoleAnalyzer-account' }));
    expect(res.archiveRules?.map((r) => r.ruleName)).toEqual(['MyArchiveRule']);
    expect(res.archiveRules?.[0]?.filter).toEqual({ resource: { contains: ['Cognito'] }, resourceType: { eq: ['AWS::IAM::Role'] } });
    expect(res.archiveRules?.[0]?.createdAt).toBeInstanceOf(Date);
    const unused = await client.send(new ListArchiveRulesCommand({ analyzerName: 'UnusedAccess-ConsoleAnalyzer-organization' }));
    expect(unused.archiveRules?.[0]?.filter).toEqual({ findingType: { eq: ['UnusedIAMUserAccessKey'] } });
  });

  it('creates, reads, updates and deletes a rule; a duplicate name conflicts', async () => {
    const filter = { resourceType: { eq: ['AWS::KMS::Key'] } };
    await client.send(new CreateArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'kms-keys', filter }));
    const got = await client.send(new GetArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'kms-keys' }));
    expect(got.archiveRule?.filter).toEqual(filter);
    expect(got.archiveRule?.createdAt?.getTime()).toBe(h.clock.now().getTime());

    const dup = await client
      .send(new CreateArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'kms-keys', filter }))
      .catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictException);
    expect((dup as ConflictException).resourceId).toBe('kms-keys');

    h.clock.advance(5000);
    await client.send(new UpdateArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'kms-keys', filter: { isPublic: { eq: ['true'] } } }));
    const updated = await client.send(new GetArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'kms-keys' }));
    expect(updated.archiveRule?.filter).toEqual({ isPublic: { eq: ['true'] } });
    expect(updated.archiveRule?.updatedAt?.getTime()).toBeGreaterThan(updated.archiveRule?.createdAt?.getTime() ?? 0);

    await client.send(new DeleteArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'kms-keys' }));
    const gone = await client.send(new GetArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'kms-keys' })).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers a retried CreateArchiveRule (same clientToken) without a conflict', async () => {
    const input = { analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'retried-rule', filter: { error: { exists: true } }, clientToken: 'tok-1' };
    await client.send(new CreateArchiveRuleCommand(input));
    await expect(client.send(new CreateArchiveRuleCommand(input))).resolves.toBeDefined();
    const other = await client.send(new CreateArchiveRuleCommand({ ...input, ruleName: 'other-rule' })).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(ConflictException);
  });

  it('refuses a rule on status and on unknown keys', async () => {
    const filters: Record<string, Criterion>[] = [{ status: { eq: ['ACTIVE'] } }, { colour: { eq: ['blue'] } }];
    for (const filter of filters) {
      const err = await client
        .send(new CreateArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'bad-rule', filter }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationException);
      expect((err as ValidationException).fieldList?.[0]?.name).toBe(`filter.${Object.keys(filter)[0] ?? ''}`);
    }
  });

  it('leaves existing findings alone on create; ApplyArchiveRule archives the active matches', async () => {
    const filter = { resourceType: { eq: ['AWS::S3::Bucket'] }, isPublic: { eq: ['true'] } };
    const matching = refFilter(findingsOf(seed, ORG), filter).map((f) => f.id);
    expect(matching.length).toBeGreaterThan(0);
    const before = (await withStatus(ORG, 'ACTIVE')).filter((f) => matching.includes(f.id ?? ''));
    expect(before.length).toBeGreaterThan(0);

    await client.send(new CreateArchiveRuleCommand({ analyzerName: 'ConsoleAnalyzer-organization', ruleName: 'public-buckets', filter }));
    expect((await withStatus(ORG, 'ACTIVE')).filter((f) => matching.includes(f.id ?? ''))).toHaveLength(before.length);

    const resolvedBefore = (await withStatus(ORG, 'RESOLVED')).map((f) => f.id);
    await client.send(new ApplyArchiveRuleCommand({ analyzerArn: ORG, ruleName: 'public-buckets' }));
    expect((await withStatus(ORG, 'ACTIVE')).filter((f) => matching.includes(f.id ?? ''))).toHaveLength(0);
    const archived = (await withStatus(ORG, 'ARCHIVED')).map((f) => f.id);
    for (const f of before) expect(archived).toContain(f.id);
    expect((await withStatus(ORG, 'RESOLVED')).map((f) => f.id)).toEqual(resolvedBefore);
  });

  it('applies the seeded unused-access rule to findings created before it', async () => {
    await client.send(new ApplyArchiveRuleCommand({ analyzerArn: ORG_UNUSED, ruleName: seed.archiveRules.find((r) => r.analyzerArn === ORG_UNUSED)?.ruleName }));
    const keys = await client.send(
      new ListFindingsV2Command({ analyzerArn: ORG_UNUSED, maxResults: 1000, filter: { findingType: { eq: ['UnusedIAMUserAccessKey'] }, status: { eq: ['ACTIVE'] } } }),
    );
    expect(keys.findings).toEqual([]);
  });

  it('does not find a rule that does not exist', async () => {
    const err = await client.send(new ApplyArchiveRuleCommand({ analyzerArn: ORG, ruleName: 'no-such-rule' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect((err as ResourceNotFoundException).resourceType).toBe('ArchiveRule');
  });
});
