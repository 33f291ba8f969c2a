import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { getWorldEvents } from '../../src/emulator/seed/world-events';
import { loadAwsConfig } from '../../src/main/aws/aws-config';
import { createEventBus } from '../../src/main/core/event-bus';
import type { NormalizedEvent } from '../../src/main/services/events/event-model';
import { createJobRunner } from '../../src/main/services/jobs/job-runner';
import { createJsonCursorStore } from '../../src/main/services/trail-sync/json-cursor-store';
import { createSdkClients } from '../../src/main/services/trail-sync/sync-clients';
import { snapshotLookups } from '../../src/main/services/trail-sync/sync-targets';
import { getCallerIdentity } from '../../src/main/aws/identity';
import { createTrailSync, type TrailSyncDeps } from '../../src/main/services/trail-sync/trail-sync-service';

/** An in-memory event store with the index's dedupe rule (event key), counting what it refused. */
export function memoryStore() {
  const byKey = new Map<string, NormalizedEvent>();
  const stats = { duplicates: 0, batches: 0 };
  return {
    byKey,
    stats,
    store: async (events: NormalizedEvent[]): Promise<number> => {
      stats.batches++;
      let inserted = 0;
      for (const e of events) {
        if (byKey.has(e.key)) stats.duplicates++;
        else {
          byKey.set(e.key, e);
          inserted++;
        }
      }
      return inserted;
    },
  };
}

/** Send times of every LookupEvents request, by `account/region`, taken from an SDK middleware. */
export type RequestLog = Map<string, number[]>;

export function addRequestLog(client: CloudTrailClient, key: string, log: RequestLog): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'LookupEventsCommand') {
        const list = log.get(key) ?? [];
        list.push(performance.now());
        log.set(key, list);
      }
      return next(args);
    },
    // Innermost, right before the HTTP handler sends: one entry per request on the wire.
    { step: 'deserialize', priority: 'low', name: 'test-request-log' },
  );
}

/** The most requests any 1-second window of the log holds. */
export function maxPerSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= 1000) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

export async function startSyncEmulator(opts: { eventsPerAccount?: number } = {}): Promise<{ emulator: RunningEmulator; dir: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'auditdesk-sync-'));
  const emulator = await startEmulator({ port: 0, stateDir: join(dir, 'emulator'), eventsPerAccount: opts.eventsPerAccount ?? 0 });
  return {
    emulator,
    dir,
    async close() {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The `-keys` profile of an account (static keys: no sign-in needed). */
export function keysProfile(emulator: RunningEmulator, accountId: string): string {
  const profile = emulator.profiles.find((p) => p.kind === 'keys' && p.accountId === accountId && p.name.endsWith('-keys'));
  if (!profile) throw new Error(`no keys profile for ${accountId}`);
  return profile.name;
}

/** The reference: the emulator's own records for an account and region (seed-only world). */
export function referenceIds(emulator: RunningEmulator, accountId: string, region: string): string[] {
  return getWorldEvents(emulator.world)
    .seedEvents.filter((e) => e.accountId === accountId && e.region === region)
    .map((e) => e.eventId)
    .sort();
}

export function storedIds(byKey: ReadonlyMap<string, NormalizedEvent>, accountId: string, region: string): string[] {
  return [...byKey.values()]
    // By where the sync fetched it: a record may lack awsRegion (the seed has such records).
    .filter((e) => e.account === accountId && (e.awsRegion ?? e.sourceRef?.split('/').at(-1)) === region)
    .map((e) => e.eventId)
    .sort();
}

/** A trail sync wired to the emulator's files, a cursor file in `dataDir`, and a request log. */
export function syncFor(emulator: RunningEmulator, dataDir: string, store: TrailSyncDeps['store'], log: RequestLog, extra: Partial<TrailSyncDeps> = {}) {
  const paths = { configFile: emulator.configFile, credentialsFile: emulator.credentialsFile ?? join(dataDir, 'none') };
  const accountOfProfile = new Map(emulator.profiles.map((p) => [p.name, p.accountId]));
  const bus = createEventBus();
  const jobs = createJobRunner({ bus });
  const clients = createSdkClients({
    snapshot: () => loadAwsConfig(paths),
    onClient: (client, info) => {
      if (info.service === 'cloudtrail') addRequestLog(client as CloudTrailClient, `${accountOfProfile.get(info.profile)}/${info.region}`, log);
    },
  });
  const sync = createTrailSync({
    clients,
    store,
    cursors: createJsonCursorStore(join(dataDir, 'sync-cursors.json')),
    jobs,
    bus,
    ...snapshotLookups(
      () => loadAwsConfig(paths),
      async (profile, signal) => (await getCallerIdentity(await clients.sts(profile), signal)).account,
    ),
    activeProfiles: () => [],
    ...extra,
  });
  return { sync, bus, jobs };
}
