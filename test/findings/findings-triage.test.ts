import { GetFindingV2Command } from '@aws-sdk/client-accessanalyzer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FindingRow } from '../../src/shared/ipc/channels/findings';
import { startFindingsHarness, type FindingsHarness } from './helpers/findings-harness';

let h: FindingsHarness;
beforeAll(async () => {
  h = await startFindingsHarness();
  await h.core.findings.sync({ regions: ['us-east-1'] }).done;
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.emulator.admin.resetFaults();
});

async function rows(status: string, kind?: string): Promise<FindingRow[]> {
  const list = await h.core.findings.list({ filters: { status: [status as 'ACTIVE'], ...(kind ? { analyzerKind: [kind as 'external'] } : {}) }, sort: { by: 'severity', dir: 'asc' }, limit: 5000 });
  return list.rows;
}

async function statusInAws(row: FindingRow): Promise<string | undefined> {
  const out = await h.sdk(row.profile, row.region).send(new GetFindingV2Command({ analyzerArn: row.analyzerArn, id: row.id }));
  return out.status;
}

const justification = 'Vendor bucket shared under contract 2024-17; reviewed with the data owner.';

describe('triage', () => {
  it('archives through UpdateFindings and records who, when and why', async () => {
    const [target] = await rows('ACTIVE', 'external');
    if (!target) throw new Error('no active finding');
    const { results } = await h.core.findings.triage({ ids: [{ id: target.id, analyzerArn: target.analyzerArn }], action: 'archive', justification });
    expect(results).toEqual([expect.objectContaining({ id: target.id, ok: true, status: 'ARCHIVED' })]);
    expect(await statusInAws(target)).toBe('ARCHIVED');

    const detail = await h.core.findings.get({ id: target.id, analyzerArn: target.analyzerArn });
    expect(detail.finding.status).toBe('ARCHIVED');
    expect(detail.finding.triage).toEqual(expect.objectContaining({ action: 'archive' }));
    expect(detail.annotations).toHaveLength(1);
    const [entry] = detail.annotations;
    expect(entry).toEqual(
      expect.objectContaining({
        findingId: target.id,
        analyzerArn: target.analyzerArn,
        action: 'archive',
        justification,
        whoSource: 'sts',
        profile: target.profile,
        previousStatus: 'ACTIVE',
        newStatus: 'ARCHIVED',
        resource: target.resource,
      }),
    );
    // The keys profiles are IAM users of the emulator: the ARN STS gives for them.
    expect(entry?.who).toMatch(new RegExp(`^arn:aws:iam::${target.account}:user/`));
    expect(Date.parse(entry!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('unarchives, and archives several findings of one analyzer in one go', async () => {
    const active = (await rows('ACTIVE', 'external')).filter((r, _i, all) => r.analyzerArn === all[0]?.analyzerArn).slice(0, 3);
    expect(active.length).toBeGreaterThan(1);
    const refs = active.map((r) => ({ id: r.id, analyzerArn: r.analyzerArn }));
    const archived = await h.core.findings.triage({ ids: refs, action: 'archive', justification });
    expect(archived.results.every((r) => r.ok && r.status === 'ARCHIVED')).toBe(true);
    const back = await h.core.findings.triage({ ids: refs.slice(0, 1), action: 'unarchive', justification: 'Contract ended; the access must be removed.' });
    expect(back.results[0]).toEqual(expect.objectContaining({ ok: true, status: 'ACTIVE' }));
    expect(await statusInAws(active[0]!)).toBe('ACTIVE');
    expect(await statusInAws(active[1]!)).toBe('ARCHIVED');
    const log = await h.core.findings.annotations({ finding: refs[0], limit: 10 });
    expect(log.entries.map((e) => e.action)).toEqual(['unarchive', 'archive']);
  });

  it('records a note without changing AWS', async () => {
    const [target] = await rows('ACTIVE', 'unused');
    if (!target) throw new Error('no active unused finding');
    const { results } = await h.core.findings.triage({ ids: [{ id: target.id, analyzerArn: target.analyzerArn }], action: 'note', label: 'accepted-risk', justification: 'Break-glass role, reviewed quarterly by the CISO.' });
    expect(results[0]).toEqual(expect.objectContaining({ ok: true, status: 'ACTIVE' }));
    expect(await statusInAws(target)).toBe('ACTIVE');
    const detail = await h.core.findings.get({ id: target.id, analyzerArn: target.analyzerArn });
    expect(detail.annotations[0]).toEqual(expect.objectContaining({ action: 'note', label: 'accepted-risk' }));
    expect(detail.finding.triage).toEqual(expect.objectContaining({ action: 'note', label: 'accepted-risk' }));
  });

  it('records nothing when AWS denies UpdateFindings, and says so', async () => {
    const [target] = await rows('ACTIVE', 'external');
    if (!target) throw new Error('no active finding');
    h.emulator.admin.setFaults({ accessDenied: [{ accountId: target.account, operation: 'UpdateFindings' }] });
    const before = await h.core.findings.annotations({ limit: 500 });
    const { results } = await h.core.findings.triage({ ids: [{ id: target.id, analyzerArn: target.analyzerArn }], action: 'archive', justification });
    expect(results[0]?.ok).toBe(false);
    expect(results[0]?.error?.code).toBe('aws:AccessDeniedException');
    expect(results[0]?.error?.message).toMatch(/access denied.*Nothing was recorded/is);
    expect((await h.core.findings.annotations({ limit: 500 })).total).toBe(before.total);
    h.emulator.admin.resetFaults();
    expect(await statusInAws(target)).toBe('ACTIVE');
    expect((await h.core.findings.get({ id: target.id, analyzerArn: target.analyzerArn })).finding.status).toBe('ACTIVE');
  });

  it('refuses RESOLVED findings and ids that are not in the index, per id', async () => {
    const [resolved] = await rows('RESOLVED');
    const [active] = await rows('ACTIVE', 'external');
    if (!resolved || !active) throw new Error('fixture');
    const ghost = { id: '00000000-0000-0000-0000-000000000000', analyzerArn: active.analyzerArn };
    const { results } = await h.core.findings.triage({
      ids: [{ id: resolved.id, analyzerArn: resolved.analyzerArn }, ghost, { id: active.id, analyzerArn: active.analyzerArn }],
      action: 'archive',
      justification,
    });
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
    expect(results[0]?.error?.code).toBe('findings:resolved');
    expect(results[1]?.error?.code).toBe('not-found');
  });

  it('refuses a missing or too short justification before calling AWS', async () => {
    const [target] = await rows('ACTIVE', 'external');
    if (!target) throw new Error('no active finding');
    await expect(h.core.findings.triage({ ids: [{ id: target.id, analyzerArn: target.analyzerArn }], action: 'archive', justification: '   ok   ' })).rejects.toMatchObject({ code: 'bad-input' });
    expect(await statusInAws(target)).toBe('ACTIVE');
  });
});
