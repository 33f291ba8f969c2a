import {
  AccessDeniedException,
  GetFindingCommand,
  GetFindingV2Command,
  ListFindingsCommand,
  ListFindingsV2Command,
  ValidationException,
  paginateGetFindingV2,
  paginateListFindings,
  paginateListFindingsV2,
  type Criterion,
  type FindingDetails,
  type FindingSummaryV2,
  type SortCriteria,
} from '@aws-sdk/client-accessanalyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_TYPES, type FindingRecord } from '../../src/emulator/services/accessanalyzer/domain/model-types';
import { startAaHarness, type AaHarness } from './helpers/aa-harness';
import { analyzerArn, findingsOf, refFilter, referenceSeed, refSort, type RefCriterion } from './helpers/aa-reference';
import { AA_MANAGEMENT, AA_MEMBER_SECURITY, aaTestWorld } from './helpers/aa-world';

const world = aaTestWorld();
const seed = referenceSeed(world);
const ORG = analyzerArn('us-east-1', AA_MANAGEMENT, 'ConsoleAnalyzer-organization');
const ORG_UNUSED = analyzerArn('us-east-1', AA_MANAGEMENT, 'UnusedAccess-ConsoleAnalyzer-organization');
const ORG_INTERNAL = analyzerArn('us-east-1', AA_MANAGEMENT, 'InternalAccess-ConsoleAnalyzer-organization');
const MEMBER_ACCOUNT = analyzerArn('us-east-1', AA_MEMBER_SECURITY, 'ConsoleAnalyzer-account');
let h: AaHarness;

beforeAll(async () => {
  h = await startAaHarness(world);
});
afterAll(async () => {
  await h.close();
});

async function listV2(
  arn: string,
  opts: { filter?: Record<string, Criterion>; sort?: SortCriteria; pageSize?: number; account?: string } = {},
): Promise<FindingSummaryV2[]> {
  const client = h.client(opts.account ?? AA_MANAGEMENT, arn.split(':')[3]);
  const out: FindingSummaryV2[] = [];
  const pages = paginateListFindingsV2({ client, pageSize: opts.pageSize ?? 7 }, { analyzerArn: arn, filter: opts.filter, sort: opts.sort });
  for await (const page of pages) out.push(...(page.findings ?? []));
  return out;
}

const ids = (fs: readonly { id?: string }[]): (string | undefined)[] => fs.map((f) => f.id);
/** The service's default order: oldest first, ids breaking ties. */
const byDefault = (fs: readonly FindingRecord[]): FindingRecord[] => refSort(fs, 'createdAt');

describe('ListFindingsV2', () => {
  it('returns every seeded finding of the analyzer, field for field', async () => {
    const got = await listV2(ORG);
    const expected = byDefault(findingsOf(seed, ORG));
    expect(ids(got)).toEqual(ids(expected));
    const first = expected[0];
    expect(got[0]).toEqual({
      analyzedAt: first?.analyzedAt,
      createdAt: first?.createdAt,
      id: first?.id,
      resource: first?.resource,
      resourceType: first?.resourceType,
      resourceOwnerAccount: first?.resourceOwnerAccount,
      status: first?.status,
      updatedAt: first?.updatedAt,
      findingType: 'ExternalAccess',
      ...(first?.error ? { error: first.error } : {}),
    });
  });

  const cases: [string, string, Record<string, RefCriterion>][] = [
    ['eq on status', ORG, { status: { eq: ['ACTIVE'] } }],
    ['eq with several values', ORG, { resourceType: { eq: ['AWS::S3::Bucket', 'AWS::KMS::Key'] } }],
    ['neq', ORG, { status: { neq: ['RESOLVED', 'ARCHIVED'] } }],
    ['contains on resource', ORG, { resource: { contains: ['role/', 'public'] } }],
    ['exists on principal.AWS', ORG, { 'principal.AWS': { exists: true } }],
    ['exists false on principal.AWS', ORG, { 'principal.AWS': { exists: false } }],
    ['eq on principal.AWS = *', ORG, { 'principal.AWS': { eq: ['*'] } }],
    ['isPublic', ORG, { isPublic: { eq: ['true'] } }],
    ['error exists', ORG, { error: { exists: true } }],
    ['combined keys and operators', ORG, { status: { eq: ['ACTIVE'] }, resourceType: { neq: ['AWS::IAM::Role'] }, resourceOwnerAccount: { eq: [AA_MEMBER_SECURITY] } }],
    ['findingType on unused', ORG_UNUSED, { findingType: { eq: ['UnusedPermission', 'UnusedIAMRole'] } }],
    ['resource contains on unused', ORG_UNUSED, { resource: { contains: [':user/'] }, status: { neq: ['RESOLVED'] } }],
    ['principalType on internal', ORG_INTERNAL, { principalType: { eq: ['IAM_USER'] } }],
    ['accessType on internal', ORG_INTERNAL, { accessType: { eq: ['INTRA_ORG'] } }],
  ];
  it.each(cases)('filters with %s exactly as a plain reference filter does', async (_name, arn, filter) => {
    const expected = byDefault(refFilter(findingsOf(seed, arn), filter));
    expect(expected.length, 'the case must select something').toBeGreaterThan(0);
    expect(ids(await listV2(arn, { filter }))).toEqual(ids(expected));
  });

  it.each([
    ['updatedAt', 'DESC'],
    ['resource', 'ASC'],
    ['resourceOwnerAccount', 'DESC'],
    ['analyzedAt', 'ASC'],
  ] as const)('sorts by %s %s and pages without overlap', async (attribute, order) => {
    const expected = refSort(findingsOf(seed, ORG), attribute, order);
    const got = await listV2(ORG, { sort: { attributeName: attribute, orderBy: order }, pageSize: 4 });
    expect(ids(got)).toEqual(ids(expected));
  });

  it('pages by maxResults with a nextToken that ends on the last page', async () => {
    const total = findingsOf(seed, ORG).length;
    const client = h.client(AA_MANAGEMENT);
    const first = await client.send(new ListFindingsV2Command({ analyzerArn: ORG, maxResults: 5 }));
    expect(first.findings).toHaveLength(5);
    const rest = await client.send(new ListFindingsV2Command({ analyzerArn: ORG, maxResults: 1000, nextToken: first.nextToken }));
    expect(rest.findings).toHaveLength(total - 5);
    expect(rest.nextToken).toBeUndefined();
  });

  it('refuses a nextToken from another query', async () => {
    const client = h.client(AA_MANAGEMENT);
    const first = await client.send(new ListFindingsV2Command({ analyzerArn: ORG, maxResults: 2 }));
    const err = await client
      .send(new ListFindingsV2Command({ analyzerArn: ORG, maxResults: 2, nextToken: first.nextToken, filter: { status: { eq: ['ACTIVE'] } } }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect((err as ValidationException).fieldList?.map((f) => f.name)).toEqual(['nextToken']);
  });
});

describe('organisation and member views', () => {
  it("shows the organisation analyzer the member accounts' findings, each with its owner", async () => {
    const owners = new Set((await listV2(ORG)).map((f) => f.resourceOwnerAccount));
    expect(owners.size).toBeGreaterThan(1);
    expect(owners).toContain(AA_MEMBER_SECURITY);
    const unusedOwners = new Set((await listV2(ORG_UNUSED)).map((f) => f.resourceOwnerAccount));
    expect(unusedOwners).toEqual(new Set(world.accounts.map((a) => a.id)));
  });

  it('shows a member account only its own resources', async () => {
    const got = await listV2(MEMBER_ACCOUNT, { account: AA_MEMBER_SECURITY });
    expect(got.length).toBeGreaterThan(0);
    expect(new Set(got.map((f) => f.resourceOwnerAccount))).toEqual(new Set([AA_MEMBER_SECURITY]));
  });

  it("refuses a member's request for the organisation analyzer as IAM would", async () => {
    const err = await h
      .client(AA_MEMBER_SECURITY)
      .send(new ListFindingsV2Command({ analyzerArn: ORG }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect((err as Error).message).toContain('access-analyzer:ListFindings');
  });
});

const DETAILS_MEMBER: Record<(typeof FINDING_TYPES)[number], keyof FindingDetails> = {
  ExternalAccess: 'externalAccessDetails',
  InternalAccess: 'internalAccessDetails',
  UnusedPermission: 'unusedPermissionDetails',
  UnusedIAMUserAccessKey: 'unusedIamUserAccessKeyDetails',
  UnusedIAMRole: 'unusedIamRoleDetails',
  UnusedIAMUserPassword: 'unusedIamUserPasswordDetails',
};

describe('GetFindingV2', () => {
  it.each(FINDING_TYPES)('returns the %s details member', async (findingType) => {
    const finding = seed.findings.find((f) => f.findingType === findingType && f.analyzerArn.includes(`:${AA_MANAGEMENT}:`));
    if (!finding) throw new Error(`no seeded ${findingType} finding`);
    const got = await h.client(AA_MANAGEMENT).send(new GetFindingV2Command({ analyzerArn: finding.analyzerArn, id: finding.id }));
    expect(got.findingType).toBe(findingType);
    expect(got.resource).toBe(finding.resource);
    expect(got.findingDetails?.length).toBe(finding.findingDetails.length);
    for (const d of got.findingDetails ?? []) expect(Object.keys(d)).toEqual([DETAILS_MEMBER[findingType]]);
    // Dates come back as Dates, and the internal flags never leave the emulator.
    expect(JSON.parse(JSON.stringify(got.findingDetails))).toEqual(JSON.parse(JSON.stringify(finding.findingDetails)));
    expect(got).not.toHaveProperty('synthetic');
    expect(got).not.toHaveProperty('origin');
  });

  it('pages the details of an unused permission finding', async () => {
    const finding = seed.findings.find((f) => f.findingType === 'UnusedPermission' && f.findingDetails.length >= 3);
    if (!finding) throw new Error('no unused permission finding with 3+ services');
    const client = h.client(AA_MANAGEMENT);
    const first = await client.send(new GetFindingV2Command({ analyzerArn: finding.analyzerArn, id: finding.id, maxResults: 1 }));
    expect(first.findingDetails).toHaveLength(1);
    expect(first.nextToken).toBeTruthy();
    const all: FindingDetails[] = [];
    for await (const page of paginateGetFindingV2({ client, pageSize: 2 }, { analyzerArn: finding.analyzerArn, id: finding.id })) {
      all.push(...(page.findingDetails ?? []));
    }
    expect(all.map((d) => d.unusedPermissionDetails?.serviceNamespace)).toEqual(
      finding.findingDetails.map((d) => ('unusedPermissionDetails' in d ? d.unusedPermissionDetails.serviceNamespace : undefined)),
    );
    const withTime = all.find((d) => d.unusedPermissionDetails?.lastAccessed);
    if (withTime) expect(withTime.unusedPermissionDetails?.lastAccessed).toBeInstanceOf(Date);
  });
});

describe('ListFindings / GetFinding (v1)', () => {
  it('lists external access findings with principal, action and condition', async () => {
    const client = h.client(AA_MANAGEMENT);
    const got = [];
    for await (const page of paginateListFindings({ client, pageSize: 10 }, { analyzerArn: ORG, filter: { status: { eq: ['ACTIVE'] } } })) {
      got.push(...(page.findings ?? []));
    }
    const expected = byDefault(refFilter(findingsOf(seed, ORG), { status: { eq: ['ACTIVE'] } }));
    expect(ids(got)).toEqual(ids(expected));
    const withPrincipal = got.find((f) => f.principal);
    expect(withPrincipal?.condition).toBeDefined();
    const one = await client.send(new GetFindingCommand({ analyzerArn: ORG, id: withPrincipal?.id }));
    expect(one.finding?.principal).toEqual(withPrincipal?.principal);
    expect(one.finding?.action).toEqual(withPrincipal?.action);
    expect(one.finding?.createdAt).toBeInstanceOf(Date);
  });

  it.each([ORG_UNUSED, ORG_INTERNAL])('refuses %s: v1 serves external access analyzers only', async (arn) => {
    const client = h.client(AA_MANAGEMENT);
    const list = await client.send(new ListFindingsCommand({ analyzerArn: arn })).catch((e: unknown) => e);
    expect(list).toBeInstanceOf(ValidationException);
    expect((list as ValidationException).reason).toBe('notSupported');
    const id = findingsOf(seed, arn)[0]?.id;
    const get = await client.send(new GetFindingCommand({ analyzerArn: arn, id })).catch((e: unknown) => e);
    expect(get).toBeInstanceOf(ValidationException);
  });
});
