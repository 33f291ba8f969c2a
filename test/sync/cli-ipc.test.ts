import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWorldEvents } from '../../src/emulator/seed/world-events';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { handlers } from '../../src/main/ipc/handlers';
import type { EventPayload } from '../../src/shared/ipc/contract';
import { useCliEmulator } from '../helpers/cli-emulator';

const aws = useCliEmulator('cli');
const cli = aws.cli;
let account: string;
let profile: string;
beforeAll(() => {
  account = aws.emulator.world.accounts.find((a) => a.name === 'security-audit')!.id;
  profile = aws.keysProfile(account);
});

const expectedCount = (region: string) => getWorldEvents(aws.emulator.world).seedEvents.filter((e) => e.accountId === account && e.region === region).length;

describe('CLI: sync then search', () => {
  it('syncs a profile and prints the events as JSON lines with the required fields', async () => {
    const dataDir = join(aws.dir, 'cli-data');
    const sync = await cli(['sync', '--profile', profile, '--region', 'us-east-1', '--region', 'eu-central-1', '--data-dir', dataDir, '--json']);
    expect(sync.stderr).toContain('sync:');
    expect(sync.code).toBe(0);
    const result = JSON.parse(sync.stdout) as { inserted: number; accountRegions: { state: string }[] };
    expect(result.accountRegions.map((s) => s.state)).toEqual(['done', 'done']);
    const total = expectedCount('us-east-1') + expectedCount('eu-central-1');
    expect(result.inserted).toBe(total);

    const search = await cli(['search', '', '--json', '--limit', '1000', '--data-dir', dataDir]);
    expect(search.code).toBe(0);
    const lines = search.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(total);
    for (const line of lines) {
      for (const field of ['eventID', 'eventTime', 'eventName', 'eventSource', 'account', 'region', 'principal']) expect(line).toHaveProperty(field);
      expect(line.account).toBe(account);
    }
    const times = lines.map((l) => String(l.eventTime ?? ''));
    expect(times.filter(Boolean)).toEqual([...times.filter(Boolean)].sort().reverse());

    const again = await cli(['sync', '--profile', profile, '--region', 'us-east-1', '--region', 'eu-central-1', '--data-dir', dataDir, '--json']);
    expect((JSON.parse(again.stdout) as { inserted: number }).inserted).toBe(0);

    const bad = await cli(['search', 'nosuchfield:x', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown field/);
  });
});

describe('IPC: sync:start → jobs:progress → events:search', () => {
  let core: Core;
  beforeAll(async () => {
    core = await createCore({ dataDir: join(aws.dir, 'ipc-data'), env: aws.env, face: 'web', openExternal: async () => undefined });
  });
  afterAll(() => core.close());

  it('runs the sync as a job and serves its events through the contract', async () => {
    const dispatch = createDispatcher(handlers, { core });
    const progress: EventPayload<'jobs:progress'>[] = [];
    const changed: EventPayload<'sync:changed'>[] = [];
    const finished = new Promise<void>((resolve) => {
      core.bus.subscribe((event, payload) => {
        if (event === 'sync:changed') changed.push(payload as EventPayload<'sync:changed'>);
        if (event !== 'jobs:progress') return;
        const p = payload as EventPayload<'jobs:progress'>;
        progress.push(p);
        if (p.job.kind === 'trail-sync' && p.job.state !== 'running') resolve();
      });
    });
    const started = await dispatch('sync:start', { profiles: [profile], regions: ['us-east-1'] });
    expect(started.ok).toBe(true);
    await finished;
    const jobId = started.ok ? (started.data as { jobId: string }).jobId : '';
    const mine = progress.filter((p) => p.jobId === jobId);
    expect(mine.at(-1)?.job.state).toBe('done');
    expect(mine.some((p) => p.total === 1)).toBe(true);
    expect(changed.map((c) => c.state)).toContain('running');

    const status = await dispatch('sync:status', {});
    expect(status).toMatchObject({ ok: true, data: { accountRegions: [{ accountId: account, region: 'us-east-1', state: 'done', backfillComplete: true }] } });

    const index = await core.events.store();
    expect((await index.sources()).find((s) => s.sourceId === `lookup-events:${profile}/us-east-1`)).toMatchObject({ kind: 'lookup-events', lastStatus: 'done' });
    expect(await index.syncCursors(profile)).toMatchObject([{ account, region: 'us-east-1', backfillDone: true }]);

    const search = await dispatch('events:search', { query: '', limit: 5 });
    expect(search.ok).toBe(true);
    const page = search.ok ? (search.data as { rows: { key: string; account: string }[]; total: number; nextCursor?: string; facets: { accounts: { value: string }[] } }) : undefined;
    expect(page?.total).toBe(expectedCount('us-east-1'));
    expect(page?.rows).toHaveLength(5);
    expect(page?.nextCursor).toBeDefined();
    expect(page?.facets.accounts[0]?.value).toBe(account);

    const detail = await dispatch('events:get', { eventId: page!.rows[0]!.key });
    expect(detail).toMatchObject({ ok: true, data: { event: { source: 'lookup-events', profile } } });
    const raw = detail.ok ? (detail.data as { raw: string }).raw : '';
    expect(JSON.parse(raw)).toHaveProperty('eventID');

    const stats = await dispatch('events:stats', { query: '' });
    expect(stats.ok).toBe(true);

    const bad = await dispatch('events:search', { query: 'nosuchfield:x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-query' } });

    const saved = await dispatch('searches:save', { name: 'Root activity', query: 'principalType:Root' });
    expect(saved.ok).toBe(true);
    const id = saved.ok ? (saved.data as { id: string }).id : '';
    expect(await dispatch('searches:list', {})).toMatchObject({ ok: true, data: [{ id, name: 'Root activity' }] });
    expect(await dispatch('searches:delete', { id })).toMatchObject({ ok: true, data: { deleted: true } });
  });
});

describe('IPC in the demo workspace (SSO profiles through the sessions service)', () => {
  let core: Core;
  beforeAll(async () => {
    core = await createCore({ dataDir: join(aws.dir, 'demo-data'), env: { HOME: join(aws.dir, 'demo-home') }, face: 'web', openExternal: async () => undefined, demo: true });
  });
  afterAll(() => core.close());

  it('syncs every active profile of the demo and finds its events', async () => {
    const dispatch = createDispatcher(handlers, { core });
    const active = core.workspace.current().activeProfiles;
    expect(active.length).toBeGreaterThan(1);
    // `demo: true` is `auditdesk web --demo`, which starts the sync by itself: follow that job.
    const auto = core.jobs.list().find((job) => job.kind === 'trail-sync');
    expect(auto).toBeDefined();
    expect((await dispatch('sync:start', {})).ok).toBe(false);
    // `paused` is fine on the way: the job waits for the demo's sign-in, then goes on.
    await expect.poll(() => core.jobs.list().find((job) => job.id === auto?.id)?.state, { timeout: 55_000, interval: 200 }).toMatch(/done|failed|cancelled/);
    const status = await dispatch('sync:status', {});
    const regions = status.ok ? (status.data as { accountRegions: { state: string; lastError?: { message: string } }[] }).accountRegions : [];
    expect(regions.length).toBeGreaterThanOrEqual(active.length);
    expect(regions.filter((s) => s.state !== 'done')).toEqual([]);
    const search = await dispatch('events:search', { query: 'region:us-east-1', limit: 1 });
    expect(search.ok && (search.data as { total: number }).total).toBeGreaterThan(100);
  }, 60_000);
});
