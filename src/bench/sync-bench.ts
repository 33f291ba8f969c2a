import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { loadAwsConfig } from '../main/aws/aws-config';
import { getCallerIdentity } from '../main/aws/identity';
import { createEventBus } from '../main/core/event-bus';
import { createJobRunner } from '../main/services/jobs/job-runner';
import { createJsonCursorStore } from '../main/services/trail-sync/json-cursor-store';
import { createSdkClients } from '../main/services/trail-sync/sync-clients';
import { snapshotLookups } from '../main/services/trail-sync/sync-targets';
import { createTrailSync } from '../main/services/trail-sync/trail-sync-service';
import { createEventStore } from '../main/store/event-store';
import type { EventPayload } from '../shared/ipc/contract';
import { emit, log, percentile, round } from './bench-util';

interface EmulatorInfo {
  endpoint: string;
  configFile: string;
  credentialsFile: string;
  profiles: { name: string; kind: string; accountId: string }[];
}

/**
 * Bench (1): LookupEvents sync of 4 accounts × 2 regions against the emulator (its own process,
 * the real limit of 2 requests/s per account-region), into a real index. Reports events/s per
 * account-region (ceiling: 2 × 50 = 100) and in total, the request rate seen on the wire, and
 * throttling: absorbed by back-off vs shown to the user.
 */
export async function runSyncBench(eventsPerAccount: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'auditdesk-bench-sync-'));
  const cli = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');
  const child = spawn(process.execPath, [cli, 'emulator', '--events', String(eventsPerAccount), '--seed', 'auditdesk-bench', '--state-dir', join(dir, 'emulator'), '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const info = await new Promise<EmulatorInfo>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the emulator exited (${code})`)));
      createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as EmulatorInfo));
    });
    const paths = { configFile: info.configFile, credentialsFile: info.credentialsFile };
    const keys = info.profiles.filter((p) => p.kind === 'keys' && p.name.endsWith('-keys')).slice(0, 4);
    const regions = ['us-east-1', 'eu-west-1'];
    const accountOf = new Map(keys.map((p) => [p.name, p.accountId]));
    const wire = new Map<string, number[]>();
    const clients = createSdkClients({
      snapshot: () => loadAwsConfig(paths),
      onClient: (client, meta) => {
        if (meta.service !== 'cloudtrail') return;
        const key = `${accountOf.get(meta.profile)}/${meta.region}`;
        (client as CloudTrailClient).middlewareStack.add(
          (next, context) => async (args) => {
            if (context.commandName === 'LookupEventsCommand') wire.set(key, [...(wire.get(key) ?? []), performance.now()]);
            return next(args);
          },
          { step: 'deserialize', priority: 'low', name: 'benchRequestLog' },
        );
      },
    });
    const store = await createEventStore({ path: join(dir, 'index.duckdb') });
    const bus = createEventBus();
    const spans = new Map<string, { start: number; end?: number; fetched: number }>();
    bus.subscribe((event, payload) => {
      if (event !== 'sync:changed') return;
      const s = payload as EventPayload<'sync:changed'>;
      const key = `${s.accountId}/${s.region}`;
      const span = spans.get(key) ?? { start: performance.now(), fetched: 0 };
      if (s.state === 'running' && !spans.has(key)) spans.set(key, span);
      if (s.state !== 'running' && s.state !== 'queued' && spans.has(key)) Object.assign(span, { end: performance.now(), fetched: s.lastRun?.fetched ?? 0 });
    });
    const sync = createTrailSync({
      clients,
      store: async (events) => (await store.insertBatch(events)).inserted,
      cursors: createJsonCursorStore(join(dir, 'cursors.json')),
      jobs: createJobRunner({ bus }),
      bus,
      ...snapshotLookups(() => loadAwsConfig(paths), async (profile, signal) => (await getCallerIdentity(await clients.sts(profile), signal)).account),
      activeProfiles: () => [],
    });
    log(`sync: ${keys.length} accounts × ${regions.length} regions, ${eventsPerAccount} synthetic events per account (over 4 regions) + seed`);
    const started = performance.now();
    const result = await sync.start({ profiles: keys.map((p) => p.name), regions }).done;
    const seconds = (performance.now() - started) / 1000;
    const stored = await store.count();
    await store.close();

    const perAccountRegion = result.accountRegions.map((s) => {
      const span = spans.get(`${s.accountId}/${s.region}`);
      const secs = span?.end ? (span.end - span.start) / 1000 : NaN;
      const times = wire.get(`${s.accountId}/${s.region}`) ?? [];
      return {
        accountRegion: `${s.accountId}/${s.region}`,
        state: s.state,
        events: s.lastRun?.fetched ?? 0,
        requests: s.lastRun?.requests ?? 0,
        seconds: round(secs, 2),
        eventsPerSecond: round((s.lastRun?.fetched ?? 0) / secs, 1),
        maxRequestsInAnySecond: maxInWindow(times),
        sendGapMs: gaps(times),
      };
    });
    const rates = perAccountRegion.map((r) => r.eventsPerSecond);
    emit({
      name: 'sync',
      data: `SYNTHETIC: emulator --events ${eventsPerAccount} (seed "auditdesk-bench"), LookupEvents limited to 2 requests/s per account-region`,
      accountRegions: perAccountRegion.length,
      seconds: round(seconds, 2),
      eventsFetched: result.fetched,
      eventsStored: stored,
      totalEventsPerSecond: round(result.fetched / seconds, 1),
      perAccountRegion: { min: round(Math.min(...rates), 1), p50: round(percentile(rates, 50), 1), max: round(Math.max(...rates), 1), ceiling: 100 },
      requests: result.requests,
      throttledAbsorbed: result.throttled,
      throttlingShownToUser: result.accountRegions.filter((s) => s.state === 'throttled' || /Throttl/.test(s.lastError?.code ?? '')).length,
      failedAccountRegions: result.accountRegions.filter((s) => s.state !== 'done').length,
      maxRequestsInAnySecond: Math.max(...perAccountRegion.map((r) => r.maxRequestsInAnySecond)),
      targets: { eventsPerSecondPerAccountRegion: 95, throttlingShownToUser: 0 },
      detail: perAccountRegion,
    });
  } finally {
    child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

/** Time between consecutive sends on the wire: p50, p95, max. */
function gaps(times: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const d = sorted.slice(1).map((t, i) => t - sorted[i]!);
  return { p50: round(percentile(d, 50), 0), p95: round(percentile(d, 95), 0), max: round(Math.max(...d), 0) };
}

function maxInWindow(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let hi = 0, lo = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= 1000) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
