import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator';
import { createRateGate, createRateGates } from '../../src/main/services/trail-sync/rate-gate';
import { keysProfile, maxPerSecond, memoryStore, referenceIds, startSyncEmulator, storedIds, syncFor, type RequestLog } from './sync-harness';

// Real SDK against the in-process emulator with its real LookupEvents limit (2 requests/s per
// account and Region). Seed-only world: a few dozen events per account-region, MaxResults 50.
let env: Awaited<ReturnType<typeof startSyncEmulator>>;
let emulator: RunningEmulator;
let accounts: string[];
const REGIONS = ['us-east-1', 'eu-west-1'];

beforeAll(async () => {
  env = await startSyncEmulator();
  emulator = env.emulator;
  // management and prod-payments: us-east-1 holds more than one page (50) for both.
  accounts = ['management', 'prod-payments'].map((name) => emulator.world.accounts.find((a) => a.name === name)!.id);
});
afterAll(() => env.close());
beforeEach(() => {
  emulator.admin.resetFaults();
});

const newDataDir = () => mkdtemp(join(env.dir, 'data-'));
const profiles = () => accounts.map((a) => keysProfile(emulator, a));

function expectWithinLimit(log: RequestLog): void {
  expect(log.size).toBeGreaterThan(0);
  for (const times of log.values()) expect(maxPerSecond(times)).toBeLessThanOrEqual(2);
}

describe('trail sync against the emulator', () => {
  it('stores exactly the events LookupEvents holds, within 2 requests/s, and a second sync adds nothing', async () => {
    const mem = memoryStore();
    const log: RequestLog = new Map();
    const { sync } = syncFor(emulator, await newDataDir(), mem.store, log);
    const first = await sync.start({ profiles: profiles(), regions: REGIONS }).done;

    expect(first.accountRegions).toHaveLength(4);
    expect(first.accountRegions.every((s) => s.state === 'done')).toBe(true);
    expect(first.throttled).toBe(0);
    for (const account of accounts) {
      for (const region of REGIONS) expect(storedIds(mem.byKey, account, region)).toEqual(referenceIds(emulator, account, region));
    }
    const stored = mem.byKey.size;
    expect(first.inserted).toBe(stored);
    const sample = [...mem.byKey.values()][0]!;
    expect(sample).toMatchObject({ source: 'lookup-events', profile: expect.stringMatching(/-keys$/) });
    expect(sample.sourceRef).toMatch(/-keys\/(us-east-1|eu-west-1)$/);
    expectWithinLimit(log);

    const before = [...log.values()].reduce((n, t) => n + t.length, 0);
    const second = await sync.start({ profiles: profiles(), regions: REGIONS }).done;
    const calls = [...log.values()].reduce((n, t) => n + t.length, 0) - before;
    expect(second.inserted).toBe(0);
    expect(mem.byKey.size).toBe(stored);
    // One forward call per account-region: the backfill is complete, nothing new since.
    expect(calls).toBeLessThanOrEqual(4);
    expect(second.accountRegions.every((s) => s.state === 'done' && s.backfillComplete)).toBe(true);
    expectWithinLimit(log);
  });

  it('two profiles of one account share one account-region (one cursor, one rate)', async () => {
    const mem = memoryStore();
    const log: RequestLog = new Map();
    const account = accounts[0]!;
    const sso = emulator.profiles.find((p) => p.kind === 'sso' && p.accountId === account)!.name;
    const { sync } = syncFor(emulator, await newDataDir(), mem.store, log);
    const result = await sync.start({ profiles: [keysProfile(emulator, account), sso], regions: ['eu-west-1'], backfillDays: 90 }).done;
    expect(result.accountRegions).toHaveLength(1);
    expect(result.accountRegions[0]).toMatchObject({ accountId: account, region: 'eu-west-1', state: 'done' });
    expect(storedIds(mem.byKey, account, 'eu-west-1')).toEqual(referenceIds(emulator, account, 'eu-west-1'));
  });

  it('reports AccessDenied on one account and completes the others', async () => {
    const mem = memoryStore();
    const log: RequestLog = new Map();
    const [denied, allowed] = accounts as [string, string];
    emulator.admin.setFaults({ accessDenied: [{ accountId: denied, operation: 'LookupEvents' }] });
    const { sync } = syncFor(emulator, await newDataDir(), mem.store, log);
    const result = await sync.start({ profiles: profiles(), regions: REGIONS }).done;
    for (const s of result.accountRegions) {
      if (s.accountId === denied) {
        expect(s.state).toBe('denied');
        expect(s.lastError?.code).toMatch(/^aws:AccessDenied/);
      } else expect(s.state).toBe('done');
    }
    for (const region of REGIONS) {
      expect(storedIds(mem.byKey, allowed, region)).toEqual(referenceIds(emulator, allowed, region));
      expect(storedIds(mem.byKey, denied, region)).toEqual([]);
    }
    const status = await sync.status();
    expect(status.accountRegions.filter((s) => s.state === 'denied').map((s) => s.accountId)).toEqual([denied, denied]);
  });

  it('backs off a burst of ThrottlingException and completes without showing it', async () => {
    const mem = memoryStore();
    const log: RequestLog = new Map();
    const { sync, bus } = syncFor(emulator, await newDataDir(), mem.store, log);
    // Account ids come from STS first (the SDK retries those itself): throttle only the LookupEvents
    // calls, from the moment the account-regions are queued.
    let armed = false;
    bus.subscribe((event, payload) => {
      if (event !== 'sync:changed' || armed || !('state' in payload) || payload.state !== 'queued') return;
      armed = true;
      emulator.admin.setFaults({ throttleNext: 4 });
    });
    const result = await sync.start({ profiles: profiles(), regions: REGIONS }).done;
    expect(result.accountRegions.every((s) => s.state === 'done')).toBe(true);
    expect(result.throttled).toBeGreaterThanOrEqual(1);
    for (const account of accounts) {
      for (const region of REGIONS) expect(storedIds(mem.byKey, account, region)).toEqual(referenceIds(emulator, account, region));
    }
    expectWithinLimit(log);
  });

  it('resumes a cancelled sync: same final set, nothing stored twice', async () => {
    const mem = memoryStore();
    const log: RequestLog = new Map();
    const dataDir = await newDataDir();
    // Small pages, so the cancel lands in the middle of an account-region.
    const gates = createRateGates(() => createRateGate({ ratePerSecond: 2 }));
    const { sync, bus, jobs } = syncFor(emulator, dataDir, mem.store, log, { maxResults: 10, gates });
    const job = sync.start({ profiles: profiles(), regions: REGIONS });
    const unsubscribe = bus.subscribe((event, payload) => {
      if (event === 'sync:changed' && 'lastRun' in payload && (payload.lastRun?.fetched ?? 0) >= 20) jobs.cancel(job.jobId);
    });
    const cancelled = await job.done;
    unsubscribe();
    expect(cancelled.accountRegions.some((s) => s.state === 'cancelled')).toBe(true);
    const partial = mem.byKey.size;
    expect(partial).toBeGreaterThan(0);

    // A new service over the same cursor file, as after a restart (same process: same rate gates).
    const resumed = syncFor(emulator, dataDir, mem.store, log, { maxResults: 10, gates });
    const result = await resumed.sync.start({ profiles: profiles(), regions: REGIONS }).done;
    expect(result.accountRegions.every((s) => s.state === 'done')).toBe(true);
    for (const account of accounts) {
      for (const region of REGIONS) expect(storedIds(mem.byKey, account, region)).toEqual(referenceIds(emulator, account, region));
    }
    expect(result.inserted).toBe(mem.byKey.size - partial);
    expectWithinLimit(log);
  });
});
