import { UpdateFindingsCommand } from '@aws-sdk/client-accessanalyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzerKindOf } from '../../src/main/services/findings/analyzer-kind';
import { referenceListing, startFindingsHarness, type FindingsHarness } from './helpers/findings-harness';

let h: FindingsHarness;
let regions: string[];
beforeAll(async () => {
  h = await startFindingsHarness();
  regions = h.emulator.world.regions;
});
afterAll(async () => {
  await h?.close();
});

const keyOf = (f: { analyzerArn: string; id: string }) => `${f.analyzerArn} ${f.id}`;

async function listAll() {
  return h.core.findings.list({ filters: {}, sort: { by: 'severity', dir: 'asc' }, limit: 5000 });
}

describe('findings sync against the emulator', () => {
  it('stores exactly what ListFindingsV2 returns for every account, region and analyzer, with details', async () => {
    const { done } = h.core.findings.sync({ regions });
    const report = await done;
    const reference = await referenceListing(h, regions);
    const expected = [...reference.findings.entries()].flatMap(([analyzerArn, list]) => list.map((f) => ({ analyzerArn, id: f.id ?? '', status: f.status })));
    const stored = await listAll();

    expect(stored.rows.map((r) => `${keyOf(r)} ${r.status}`).sort()).toEqual(expected.map((e) => `${keyOf(e)} ${e.status}`).sort());
    expect(stored.total).toBe(expected.length);
    expect(report.findings).toBe(expected.length);
    expect(report.outcomes.every((o) => o.status === 'ok')).toBe(true);
    // Every analyzer type was read: external, internal and unused access.
    expect(new Set(stored.rows.map((r) => r.analyzerKind))).toEqual(new Set(['external', 'internal', 'unused']));
    // Details came with them: no row says it has none.
    expect(stored.rows.filter((r) => r.principal === 'details unavailable')).toEqual([]);
    const analyzerAccount = new Map(reference.analyzers.map((a) => [a.arn, a]));
    for (const row of stored.rows) {
      expect(row.account).toBe(analyzerAccount.get(row.analyzerArn)?.account);
      expect(row.region).toBe(analyzerAccount.get(row.analyzerArn)?.region);
      expect(row.analyzerKind).toBe(analyzerKindOf(analyzerAccount.get(row.analyzerArn)?.type ?? ''));
    }
  });

  it('lists the regions without an analyzer as coverage gaps', async () => {
    const reference = await referenceListing(h, regions);
    const { entries } = await h.core.findings.coverage();
    const external = entries.filter((e) => e.kind === 'external');
    expect(external).toHaveLength(h.keysProfiles.length * regions.length);
    for (const profile of h.keysProfiles) {
      const account = h.accountOf(profile);
      for (const region of regions) {
        const here = reference.analyzers.filter((a) => a.account === account && a.region === region && analyzerKindOf(a.type ?? '') === 'external');
        const orgElsewhere = reference.analyzers.some((a) => a.account !== account && a.region === region && a.type === 'ORGANIZATION');
        const entry = external.find((e) => e.account === account && e.region === region);
        expect(entry?.status, `${account} ${region}`).toBe(here.length > 0 ? 'present' : orgElsewhere ? 'org-only' : 'missing');
      }
    }
    // The seeded world leaves every account one region short: the auditor must see those.
    expect(external.filter((e) => e.status !== 'present').length).toBeGreaterThanOrEqual(h.keysProfiles.length - 1);
    expect(external.some((e) => e.status === 'missing')).toBe(true);
    // Unused access is judged per account (IAM is global).
    const unused = entries.filter((e) => e.kind === 'unused');
    expect(unused.map((e) => e.region)).toEqual(h.keysProfiles.map(() => ''));
    for (const entry of unused) {
      const has = reference.analyzers.some((a) => a.account === entry.account && analyzerKindOf(a.type ?? '') === 'unused');
      expect(entry.status === 'present', entry.account).toBe(has);
    }
  });

  it('updates rows on re-sync (status changes) and never duplicates them', async () => {
    const before = await listAll();
    const target = before.rows.find((r) => r.status === 'ACTIVE' && r.analyzerKind === 'external');
    if (!target) throw new Error('no active external finding');
    const region = target.region;
    await h.sdk(h.profileOf(target.account), region).send(new UpdateFindingsCommand({ analyzerArn: target.analyzerArn, ids: [target.id], status: 'ARCHIVED' }));

    await h.core.findings.sync({ regions }).done;
    const after = await listAll();
    expect(after.total).toBe(before.total);
    expect(new Set(after.rows.map(keyOf)).size).toBe(after.rows.length);
    expect(after.rows.find((r) => keyOf(r) === keyOf(target))?.status).toBe('ARCHIVED');
  });

  it('gives facets with counts that add up to the filtered total', async () => {
    const all = await h.core.findings.list({ filters: { status: ['ACTIVE'] }, sort: { by: 'severity', dir: 'asc' }, limit: 10 });
    expect(all.rows).toHaveLength(10);
    expect(all.nextCursor).toBe('10');
    const sum = (list: { count: number }[]) => list.reduce((s, f) => s + f.count, 0);
    expect(sum(all.facets.analyzerKind)).toBe(all.total);
    expect(sum(all.facets.region)).toBe(all.total);
    // The status facet ignores the status filter, so the other statuses still show their counts.
    expect(all.facets.status.map((f) => f.value).sort()).toEqual(['ACTIVE', 'ARCHIVED', 'RESOLVED']);
    // Severity order: public first, then external, internal, unused.
    const rank = (r: { isPublic?: boolean; analyzerKind: string }) => (r.isPublic ? 0 : ['external', 'internal', 'unused'].indexOf(r.analyzerKind) + 1);
    const page = await h.core.findings.list({ filters: { status: ['ACTIVE'] }, sort: { by: 'severity', dir: 'asc' }, limit: 5000 });
    const ranks = page.rows.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
  });
});

describe('findings sync when one account is denied', () => {
  let denied: FindingsHarness;
  beforeAll(async () => {
    denied = await startFindingsHarness();
  });
  afterAll(async () => {
    await denied?.close();
  });

  it('reports AccessDenied for that account and completes the others', async () => {
    const blocked = denied.accountOf(denied.keysProfiles[1]!);
    denied.emulator.admin.setFaults({ accessDenied: [{ accountId: blocked }] });
    const { jobId, done } = denied.core.findings.sync({ regions: ['us-east-1', 'eu-west-1'] });
    const report = await done;
    expect(denied.core.jobs.list().find((j) => j.id === jobId)?.state).toBe('done');
    const mine = report.outcomes.filter((o) => o.account === blocked);
    // Every region of the blocked account (the profiles cover the world's 4), and nothing else.
    expect(mine.map((o) => o.status)).toEqual(['denied', 'denied', 'denied', 'denied']);
    expect(report.outcomes.filter((o) => o.account !== blocked).every((o) => o.status === 'ok')).toBe(true);

    const coverage = (await denied.core.findings.coverage()).entries;
    expect(coverage.filter((e) => e.account === blocked).map((e) => e.status)).toEqual(expect.arrayContaining(['denied']));
    expect(coverage.filter((e) => e.account === blocked).every((e) => e.status === 'denied')).toBe(true);
    expect(coverage.find((e) => e.account === blocked)?.message).toMatch(/AccessDenied/);
    const stored = await denied.core.findings.list({ filters: {}, sort: { by: 'severity', dir: 'asc' }, limit: 5000 });
    expect(stored.total).toBeGreaterThan(0);
    expect(stored.rows.some((r) => r.account === blocked)).toBe(false);
  });

  it('absorbs throttling with retries and stores the same findings', async () => {
    denied.emulator.admin.resetFaults();
    await denied.core.findings.sync({ regions: ['us-east-1'] }).done;
    const before = await denied.core.findings.list({ filters: {}, sort: { by: 'severity', dir: 'asc' }, limit: 5000 });
    denied.emulator.admin.setFaults({ throttleNext: 6 });
    const report = await denied.core.findings.sync({ regions: ['us-east-1'] }).done;
    expect(report.outcomes.every((o) => o.status === 'ok' && o.analyzerFailures.length === 0)).toBe(true);
    const after = await denied.core.findings.list({ filters: {}, sort: { by: 'severity', dir: 'asc' }, limit: 5000 });
    expect(after.rows.map(keyOf).sort()).toEqual(before.rows.map(keyOf).sort());
  });
});
