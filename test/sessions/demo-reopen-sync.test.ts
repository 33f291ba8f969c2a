import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { handlers } from '../../src/main/ipc/handlers';

describe('reopening the demo workspace', () => {
  let dir: string;
  let core: Core;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auditdesk-reopen-'));
    core = await createCore({ dataDir: join(dir, 'data'), env: { HOME: join(dir, 'user-home') }, face: 'web', openExternal: async () => undefined });
  });
  afterAll(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function syncOnce() {
    const dispatch = createDispatcher(handlers, { core });
    const started = await dispatch('sync:start', {});
    expect(started.ok).toBe(true);
    const { jobId } = (started as { ok: true; data: { jobId: string } }).data;
    // A sync started while the demo is still signing in pauses until it has; wait for the end.
    await expect.poll(() => core.jobs.list().find((j) => j.id === jobId)?.state, { timeout: 60_000, interval: 200 }).toMatch(/done|failed|cancelled/);
    return core.jobs.list().find((j) => j.id === jobId);
  }

  it('syncs after leaving the demo and opening it again', async () => {
    await core.workspace.openDemo();
    expect((await syncOnce())?.state).toBe('done');
    await core.workspace.openUser();
    await core.workspace.openDemo();
    const second = await syncOnce();
    expect(second?.message).toBeUndefined();
    expect(second?.state).toBe('done');
  });

  it('keeps the demo events out of the user workspace index', async () => {
    const dispatch = createDispatcher(handlers, { core });
    const inDemo = await dispatch('events:search', { query: '' });
    expect(inDemo.ok && (inDemo.data as { total: number }).total).toBeGreaterThan(0);
    await core.workspace.openUser();
    const inUser = await dispatch('events:search', { query: '' });
    expect(inUser.ok && (inUser.data as { total: number }).total).toBe(0);
  });

  it('never turns a page of free text in one workspace with the matches its first page read in the other', async () => {
    const dispatch = createDispatcher(handlers, { core });
    type Page = { total: number; rows: unknown[]; nextCursor?: string };
    await core.workspace.openDemo();
    // The demo's index open first, so that its first page below keeps its matches.
    await dispatch('events:search', { query: '' });
    const first = await dispatch('events:search', { query: 'amazonaws', limit: 1 });
    const demoPage = (first as { ok: true; data: Page }).data;
    expect(demoPage.total).toBeGreaterThan(1);
    expect(demoPage.nextCursor).toBeDefined();
    // Straight after the switch, before anything opened the user's index.
    await core.workspace.openUser();
    const turned = await dispatch('events:search', { query: 'amazonaws', limit: 1, cursor: demoPage.nextCursor, facets: false });
    expect((turned as { ok: true; data: Page }).data).toMatchObject({ total: 0, rows: [] });
  });

  it('cancels the jobs still running against the demo when the user goes back to their profiles', async () => {
    const dispatch = createDispatcher(handlers, { core });
    await core.workspace.openUser();
    // Started before the demo: the user's own work, which leaving the demo must not touch.
    let release: () => void = () => undefined;
    const before = core.jobs.start({ kind: 'test', title: 'the user’s own job', run: () => new Promise<void>((resolve) => (release = resolve)) });
    await core.workspace.openDemo();
    const started = await dispatch('findings:sync', {});
    expect(started.ok).toBe(true);
    const { jobId } = (started as { ok: true; data: { jobId: string } }).data;
    expect(core.jobs.list().find((j) => j.id === jobId)?.state).toMatch(/running|paused/);
    await core.workspace.openUser();
    await expect.poll(() => core.jobs.list().find((j) => j.id === jobId)?.state, { timeout: 10_000, interval: 50 }).toBe('cancelled');
    expect(core.jobs.list().find((j) => j.id === before.jobId)?.state).toBe('running');
    release();
    await before.done;
    expect(core.jobs.list().find((j) => j.id === before.jobId)?.state).toBe('done');
  });
});
