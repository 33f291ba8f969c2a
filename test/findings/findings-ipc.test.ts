import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../src/shared/ipc/contract';
import type { IpcResult } from '../../src/shared/ipc/result';
import { startFindingsHarness, waitForJob, type FindingsHarness } from './helpers/findings-harness';

let h: FindingsHarness;
beforeAll(async () => {
  h = await startFindingsHarness();
});
afterAll(async () => {
  await h?.close();
});

function data<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

describe('findings channels through the dispatcher', () => {
  it('findings:sync starts a job whose progress arrives as jobs:progress', async () => {
    const progress: string[] = [];
    const unsubscribe = h.core.bus.subscribe((event, payload) => {
      if (event === 'jobs:progress') progress.push((payload as { step: string }).step);
    });
    const { jobId } = data<{ jobId: string }>(await h.dispatch('findings:sync', { regions: ['eu-west-1'] }));
    const job = await waitForJob(h.core, jobId);
    unsubscribe();
    expect(job.state).toBe('done');
    expect(job.kind).toBe('findings-sync');
    expect(job.current).toBe(job.total);
    // 7 accounts × the 4 regions the emulator's profiles cover (auditdesk_regions).
    expect(job.step).toMatch(/^\d+ findings from 28 account-regions/);
    expect(progress.some((step) => /eu-west-1 · \d{12}/.test(step))).toBe(true);
  });

  it('findings:list filters, sorts, pages and counts facets', async () => {
    type List = ChannelOutput<'findings:list'>;
    const all = data<List>(await h.dispatch('findings:list', {}));
    expect(all.total).toBe(all.indexed);
    expect(all.rows.length).toBe(Math.min(500, all.total));
    expect(all.lastSyncedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const publicOnes = data<List>(await h.dispatch('findings:list', { filters: { isPublic: true, status: ['ACTIVE'] } }));
    expect(publicOnes.total).toBeGreaterThan(0);
    expect(publicOnes.rows.every((r) => r.isPublic === true && r.status === 'ACTIVE')).toBe(true);

    const region = all.facets.region[0]!;
    const inRegion = data<List>(await h.dispatch('findings:list', { filters: { region: [region.value] }, sort: { by: 'resource', dir: 'asc' }, limit: 7 }));
    expect(inRegion.total).toBe(region.count);
    expect(inRegion.rows.map((r) => r.resource)).toEqual([...inRegion.rows.map((r) => r.resource)].sort());
    const second = data<List>(await h.dispatch('findings:list', { filters: { region: [region.value] }, sort: { by: 'resource', dir: 'asc' }, limit: 7, cursor: inRegion.nextCursor }));
    expect((second.rows[0]?.resource ?? '') >= inRegion.rows[6]!.resource).toBe(true);
    expect(new Set([...inRegion.rows, ...second.rows].map((r) => r.analyzerArn + r.id)).size).toBe(14);

    const word = all.rows.find((r) => r.resourceType === 'AWS::S3::Bucket')?.resource.split(':').pop() ?? 'bucket';
    const text = data<List>(await h.dispatch('findings:list', { filters: { text: word } }));
    expect(text.rows.length).toBeGreaterThan(0);
    expect(text.rows.every((r) => `${r.resource} ${r.principal} ${r.access}`.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  });

  it('findings:get returns details, raw JSON, the evidence query and the triage log', async () => {
    type List = ChannelOutput<'findings:list'>;
    type Get = ChannelOutput<'findings:get'>;
    const { rows } = data<List>(await h.dispatch('findings:list', { filters: { analyzerKind: ['external'], status: ['ACTIVE'] }, limit: 1 }));
    const row = rows[0]!;
    const got = data<Get>(await h.dispatch('findings:get', { id: row.id, analyzerArn: row.analyzerArn }));
    expect(got.finding).toEqual(row);
    expect(got.details[0]?.kind).toBe('external');
    expect(JSON.parse(got.rawJson)).toEqual(expect.objectContaining({ id: row.id, findingDetails: expect.any(Array) }));
    expect(got.evidenceQuery).toBe(`resource:"${row.resource}" account:${row.resourceOwnerAccount}`);

    const unused = data<List>(await h.dispatch('findings:list', { filters: { findingType: ['UnusedIAMRole'] }, limit: 1 })).rows[0]!;
    const unusedDetail = data<Get>(await h.dispatch('findings:get', { id: unused.id, analyzerArn: unused.analyzerArn }));
    const roleName = unused.resource.split('/').pop();
    expect(unusedDetail.evidenceQuery).toBe(`principal:role/${roleName},role/${roleName}/* account:${unused.resourceOwnerAccount} since:90d`);
    expect(unusedDetail.details[0]?.kind).toBe('unused-role');

    const triaged = data<ChannelOutput<'findings:triage'>>(
      await h.dispatch('findings:triage', { ids: [{ id: row.id, analyzerArn: row.analyzerArn }], action: 'archive', justification: 'Known partner account, approved in ticket SEC-112.' }),
    );
    expect(triaged.results[0]?.ok).toBe(true);
    const log = data<ChannelOutput<'findings:annotations'>>(await h.dispatch('findings:annotations', {}));
    expect(log.entries[0]).toEqual(expect.objectContaining({ findingId: row.id, action: 'archive', justification: 'Known partner account, approved in ticket SEC-112.' }));
  });

  it('refuses bad input with bad-input: no justification, a short one, extra fields, a bad ARN', async () => {
    const ref = { id: 'x', analyzerArn: 'arn:aws:access-analyzer:us-east-1:111111111111:analyzer/a' };
    const cases: unknown[] = [
      { ids: [ref], action: 'archive' },
      { ids: [ref], action: 'archive', justification: 'too short' },
      { ids: [ref], action: 'archive', justification: 'Long enough to pass here.', extra: 1 },
      { ids: [{ id: 'x', analyzerArn: 'arn:aws:s3:::bucket' }], action: 'archive', justification: 'Long enough to pass here.' },
      { ids: [], action: 'archive', justification: 'Long enough to pass here.' },
      { ids: [ref], action: 'delete', justification: 'Long enough to pass here.' },
    ];
    for (const input of cases) {
      const result = await h.dispatch('findings:triage', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad-input');
    }
    const badList = await h.dispatch('findings:list', { filters: { status: ['OPEN'] } });
    expect(badList.ok).toBe(false);
  });

  it('findings:coverage lists present, missing and org-only entries with who looked', async () => {
    const { entries, lastSyncedAt } = data<ChannelOutput<'findings:coverage'>>(await h.dispatch('findings:coverage', {}));
    expect(lastSyncedAt).toBeDefined();
    const statuses = new Set(entries.map((e) => e.status));
    expect(statuses.has('present')).toBe(true);
    expect(statuses.has('missing') || statuses.has('org-only')).toBe(true);
    expect(entries.every((e) => h.keysProfiles.includes(e.profile))).toBe(true);
  });

  it('findings:sync with no active profile says what to do', async () => {
    h.core.workspace.setActiveProfiles([]);
    const result = await h.dispatch('findings:sync', {});
    expect(result).toEqual({ ok: false, error: { code: 'findings:no-profiles', message: expect.stringContaining('Active profiles') } });
    h.core.workspace.setActiveProfiles(h.keysProfiles);
  });
});
