import { GetAnalyzerCommand, ListAnalyzersCommand, paginateListAnalyzers, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAaHarness, type AaHarness } from './helpers/aa-harness';
import { referenceSeed } from './helpers/aa-reference';
import { AA_MANAGEMENT, AA_MEMBER_SECURITY, aaTestWorld } from './helpers/aa-world';

const world = aaTestWorld();
const seed = referenceSeed(world);
let h: AaHarness;

beforeAll(async () => {
  h = await startAaHarness(world);
});
afterAll(async () => {
  await h.close();
});

async function listAll(account: string, region: string, type?: AnalyzerSummary['type']): Promise<AnalyzerSummary[]> {
  const out: AnalyzerSummary[] = [];
  for await (const page of paginateListAnalyzers({ client: h.client(account, region), pageSize: 1 }, { type })) out.push(...(page.analyzers ?? []));
  return out;
}

describe('ListAnalyzers / GetAnalyzer through the SDK', () => {
  it("lists exactly the caller's analyzers in the signed region, newest first", async () => {
    for (const account of world.accounts) {
      for (const region of world.regions) {
        const expected = seed.analyzers
          .filter((a) => a.accountId === account.id && a.region === region)
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
        const got = await listAll(account.id, region);
        expect(got.map((a) => a.arn), `${account.name} ${region}`).toEqual(expected.map((a) => a.arn));
      }
    }
  });

  it('returns an empty list in a region without analyzers', async () => {
    const covered = new Set(seed.analyzers.filter((a) => a.accountId === AA_MEMBER_SECURITY).map((a) => a.region));
    const gap = world.regions.find((r) => !covered.has(r));
    expect(gap).toBeDefined();
    const res = await h.client(AA_MEMBER_SECURITY, gap).send(new ListAnalyzersCommand({}));
    expect(res.analyzers).toEqual([]);
  });

  it('filters by type and pages with maxResults', async () => {
    const org = await listAll(AA_MANAGEMENT, 'us-east-1', 'ORGANIZATION_UNUSED_ACCESS');
    expect(org.map((a) => a.name)).toEqual(['UnusedAccess-ConsoleAnalyzer-organization']);
    const first = await h.client(AA_MANAGEMENT, 'us-east-1').send(new ListAnalyzersCommand({ maxResults: 2 }));
    expect(first.analyzers).toHaveLength(2);
    expect(first.nextToken).toBeTruthy();
  });

  it('omits configuration in the list and carries it in GetAnalyzer, with Dates and tags', async () => {
    const [listed] = await listAll(AA_MANAGEMENT, 'us-east-1', 'ORGANIZATION_UNUSED_ACCESS');
    expect(listed?.configuration).toBeUndefined();
    const got = await h.client(AA_MANAGEMENT).send(new GetAnalyzerCommand({ analyzerName: 'UnusedAccess-ConsoleAnalyzer-organization' }));
    expect(got.analyzer?.configuration).toEqual({ unusedAccess: { unusedAccessAge: 90, analysisRule: { exclusions: [] } } });
    expect(got.analyzer?.createdAt).toBeInstanceOf(Date);
    expect(got.analyzer?.tags).toEqual({ 'auto-delete': 'no' });
    const seeded = seed.analyzers.find((a) => a.arn === got.analyzer?.arn);
    expect(got.analyzer?.createdAt?.toISOString()).toBe(seeded?.createdAt.toISOString());
  });

  it('reports the last analyzed resource of an external access analyzer', async () => {
    const got = await h.client(AA_MANAGEMENT).send(new GetAnalyzerCommand({ analyzerName: 'ConsoleAnalyzer-organization' }));
    expect(got.analyzer?.type).toBe('ORGANIZATION');
    expect(got.analyzer?.lastResourceAnalyzed).toMatch(/^arn:aws:/);
    expect(got.analyzer?.lastResourceAnalyzedAt).toBeInstanceOf(Date);
    expect(got.analyzer?.status).toBe('ACTIVE');
  });

  it("does not show the organisation's analyzers to a member account", async () => {
    const member = await listAll(AA_MEMBER_SECURITY, 'us-east-1');
    expect(member.every((a) => a.arn?.includes(`:${AA_MEMBER_SECURITY}:`))).toBe(true);
    expect(member.some((a) => a.type?.startsWith('ORGANIZATION'))).toBe(false);
  });
});
