import { type AccountRegionStatus } from '../../../shared/ipc/channels/events';
import { AppError } from '../../../shared/ipc/result';
import type { EventBus } from '../../core/event-bus';
import type { NormalizedEvent } from '../events/event-model';
import type { JobContext, JobRunner } from '../jobs/job-runner';
import { syncAccountRegion } from './account-region-sync';
import { type CallCounters, lookupPage } from './lookup-call';
import { createRateGate, createRateGates, type RateGates } from './rate-gate';
import { runPool } from './run-pool';
import type { SyncClients } from './sync-clients';
import type { SyncCursor, SyncCursorStore } from './sync-cursor';
import { emptyCursor } from './sync-cursor';
import { classifySyncError, persistedState, statusFromCursor } from './sync-status';
import { resolveTargets, type SyncTarget } from './sync-targets';

export interface SyncRequest {
  /** Default: the workspace's active profiles. */
  profiles?: string[];
  /** Default: per profile, us-east-1 + its region + its auditdesk_regions. */
  regions?: string[];
  /** Default 90 (LookupEvents' horizon). */
  backfillDays?: number;
}

export interface SyncRunResult {
  accountRegions: AccountRegionStatus[];
  /** Profiles whose account could not be found (no identity): nothing was synced for them. */
  profileErrors: { profile: string; code: string; message: string }[];
  fetched: number;
  inserted: number;
  requests: number;
  /** Throttled answers absorbed by back-off. */
  throttled: number;
}

export interface SyncRunRecord {
  profile: string;
  cursor: SyncCursor;
  inserted: number;
  status: 'done' | 'cancelled' | 'failed';
  at: string;
}

export interface TrailSync {
  start(request: SyncRequest): { jobId: string; done: Promise<SyncRunResult> };
  status(): Promise<{ accountRegions: AccountRegionStatus[]; runningJobId?: string }>;
}

export interface TrailSyncDeps {
  clients: SyncClients;
  /** Stores normalized events; resolves to the number that were new (dedupe by event key). */
  store: (events: NormalizedEvent[]) => Promise<number>;
  cursors: SyncCursorStore;
  jobs: JobRunner;
  /** A profile's regions when the request lists none: us-east-1, its region, its auditdesk_regions. */
  regionsOf: (profile: string) => Promise<string[]>;
  /** The 12-digit account a profile's credentials belong to. */
  accountOf: (profile: string, signal?: AbortSignal) => Promise<string>;
  activeProfiles: () => string[];
  bus?: EventBus;
  clock?: () => Date;
  /** Wraps each AWS call so an expired SSO session pauses the job for a sign-in (sessions service). */
  withSignInRetry?: <T>(profile: string, ctx: JobContext, fn: () => Promise<T>) => Promise<T>;
  /**
   * Told when an account-region's sync ends, to keep the index's own bookkeeping (its sources and
   * sync_cursors tables) in step with the cursor file.
   */
  recordRun?: (run: SyncRunRecord) => Promise<void>;
  /** Account-regions synced at once. Each is held to 2 requests/s, so this bounds the total rate. */
  concurrency?: number;
  /** LookupEvents requests per second per account-region (AWS: 2). */
  lookupTps?: number;
  overlapMs?: number;
  maxResults?: number;
  /** Shared across syncs so a second job cannot double an account-region's rate. */
  gates?: RateGates;
}

const DEFAULT_CONCURRENCY = 16;
const DEFAULT_OVERLAP_MS = 15 * 60_000;

/**
 * CloudTrail LookupEvents for every account × region of the workspace, as a job: each
 * account-region paced at its 2 requests/s by a shared gate, many in parallel, incremental from
 * a per-page cursor, and failures reported per account-region while the others go on.
 */
export function createTrailSync(deps: TrailSyncDeps): TrailSync {
  const clock = deps.clock ?? (() => new Date());
  const gates = deps.gates ?? createRateGates(() => createRateGate({ ratePerSecond: deps.lookupTps ?? 2 }));
  const live = new Map<string, AccountRegionStatus>();
  const accountCache = new Map<string, string>();
  let running: { jobId: string; done: Promise<SyncRunResult> } | undefined;

  function publish(status: AccountRegionStatus): void {
    live.set(`${status.accountId}/${status.region}`, status);
    deps.bus?.emit('sync:changed', status);
  }

  async function accountOf(profile: string, signal: AbortSignal): Promise<string> {
    const cached = accountCache.get(profile);
    if (cached) return cached;
    const account = await deps.accountOf(profile, signal);
    accountCache.set(profile, account);
    return account;
  }

  async function syncTarget(target: SyncTarget, request: SyncRequest, ctx: JobContext, totals: SyncRunResult, onEvents: (n: number) => void): Promise<AccountRegionStatus> {
    const gate = gates.forAccountRegion(target.accountId, target.region);
    const counters: CallCounters = { requests: 0, throttled: 0 };
    const run = { fetched: 0, inserted: 0 };
    let lastError: unknown;
    for (const [index, profile] of target.profiles.entries()) {
      const base = (await deps.cursors.get(target.accountId, target.region)) ?? emptyCursor(target.accountId, target.region);
      publish({ ...statusFromCursor({ ...base, lastProfile: profile }, 'running'), lastRun: { ...run, ...counters } });
      try {
        const client = await deps.clients.cloudTrail(profile, target.region);
        const call = <T>(fn: () => Promise<T>) => (deps.withSignInRetry ? deps.withSignInRetry(profile, ctx, fn) : fn());
        const result = await syncAccountRegion(
          target,
          {
            lookup: (input, signal) => call(() => lookupPage(client, gate, input, signal, counters)),
            store: deps.store,
            cursors: deps.cursors,
            now: () => clock().getTime(),
            provenance: () => ({ source: 'lookup-events', sourceRef: `${profile}/${target.region}`, profile, retrievedAt: clock().toISOString() }),
          },
          {
            backfillDays: request.backfillDays ?? 90,
            overlapMs: deps.overlapMs ?? DEFAULT_OVERLAP_MS,
            maxResults: deps.maxResults ?? 50,
            onPage: (page) => {
              run.fetched += page.fetched;
              run.inserted += page.inserted;
              onEvents(page.inserted);
              publish({ ...statusFromCursor({ ...page.cursor, lastProfile: profile }, 'running'), lastRun: { ...run, ...counters } });
            },
          },
          ctx.signal,
        );
        const { lastError: _cleared, ...cursor } = { ...result.cursor, lastSyncAt: clock().toISOString(), lastProfile: profile };
        await deps.cursors.put(cursor);
        await record(profile, cursor, 'done');
        return finish(statusFromCursor(cursor, 'done'));
      } catch (error) {
        lastError = error;
        const { state } = classifySyncError(error);
        // Another profile of the same account may be allowed where this one is not.
        if ((state === 'denied' || state === 'expired') && index < target.profiles.length - 1) continue;
        break;
      }
    }
    const { state, code, message } = classifySyncError(lastError);
    const cursor = (await deps.cursors.get(target.accountId, target.region)) ?? emptyCursor(target.accountId, target.region);
    const failed = { ...cursor, lastError: { code, message }, lastProfile: target.profiles.at(-1) };
    await deps.cursors.put(failed).catch(() => undefined);
    await record(failed.lastProfile ?? '', failed, state === 'cancelled' ? 'cancelled' : 'failed');
    return finish(statusFromCursor(failed, state));

    async function record(profile: string, cursor: SyncCursor, status: SyncRunRecord['status']): Promise<void> {
      // Bookkeeping only: the events and the cursor are already stored, so a failure here is not the sync's.
      await deps.recordRun?.({ profile, cursor, inserted: run.inserted, status, at: clock().toISOString() }).catch(() => undefined);
    }

    function finish(status: AccountRegionStatus): AccountRegionStatus {
      totals.fetched += run.fetched;
      totals.inserted += run.inserted;
      totals.requests += counters.requests;
      totals.throttled += counters.throttled;
      const done = { ...status, lastRun: { ...run, ...counters } };
      publish(done);
      return done;
    }
  }

  async function runSync(request: SyncRequest, ctx: JobContext): Promise<SyncRunResult> {
    const profiles = request.profiles?.length ? request.profiles : deps.activeProfiles();
    if (profiles.length === 0) throw new AppError('sync:no-profiles', 'No profiles to sync: switch on at least one profile.');
    ctx.progress({ step: `Finding the accounts of ${profiles.length} profile${profiles.length === 1 ? '' : 's'}` });
    const { targets, failures } = await resolveTargets({ profiles, regions: request.regions, regionsOf: deps.regionsOf, accountOf: (p) => accountOf(p, ctx.signal) });
    ctx.signal.throwIfAborted();
    const totals: SyncRunResult = { accountRegions: [], profileErrors: [], fetched: 0, inserted: 0, requests: 0, throttled: 0 };
    for (const failure of failures) {
      const { code, message } = classifySyncError(failure.error);
      totals.profileErrors.push({ profile: failure.profile, code, message });
    }
    for (const target of targets) {
      const cursor = (await deps.cursors.get(target.accountId, target.region)) ?? emptyCursor(target.accountId, target.region);
      publish(statusFromCursor({ ...cursor, lastProfile: target.profiles[0] }, 'queued'));
    }
    let done = 0;
    let events = 0;
    const report = (step: string) => ctx.progress({ step, current: done, total: targets.length });
    report(`Syncing ${targets.length} account-regions`);
    const results: AccountRegionStatus[] = new Array(targets.length);
    await runPool(
      targets,
      deps.concurrency ?? DEFAULT_CONCURRENCY,
      async (target, i) => {
        results[i] = await syncTarget(target, request, ctx, totals, (n) => {
          events += n;
          if (n > 0) deps.bus?.emit('events:changed', { source: 'sync', inserted: n });
          report(`${target.region} · ${target.accountId} · ${events} new events`);
        });
        done++;
        report(`${target.region} · ${target.accountId} ${results[i]!.state} · ${events} new events`);
      },
      ctx.signal,
    );
    // Targets that never started because of a cancel keep their cursor; report them cancelled.
    targets.forEach((target, i) => {
      if (results[i]) return;
      const status = live.get(`${target.accountId}/${target.region}`);
      results[i] = { ...(status ?? statusFromCursor(emptyCursor(target.accountId, target.region), 'cancelled')), state: 'cancelled' };
      publish(results[i]!);
    });
    totals.accountRegions = results;
    return totals;
  }

  return {
    start(request) {
      if (running) throw new AppError('sync:running', 'A sync is already running; it covers the same accounts.');
      const job = deps.jobs.start({
        kind: 'trail-sync',
        title: 'Sync CloudTrail events',
        run: async (ctx) => {
          try {
            return await runSync(request, ctx);
          } finally {
            // Before the job settles, so a caller awaiting it can start the next sync at once.
            running = undefined;
          }
        },
      });
      running = job;
      return job;
    },
    async status() {
      const byKey = new Map<string, AccountRegionStatus>();
      for (const cursor of await deps.cursors.list()) byKey.set(`${cursor.accountId}/${cursor.region}`, statusFromCursor(cursor, persistedState(cursor)));
      for (const [key, status] of live) byKey.set(key, { ...byKey.get(key), ...status });
      const accountRegions = [...byKey.values()].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region));
      return { accountRegions, ...(running ? { runningJobId: running.jobId } : {}) };
    },
  };
}
