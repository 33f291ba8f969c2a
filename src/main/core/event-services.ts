import { join } from 'node:path';
import { createSavedSearches, type SavedSearchesService } from '../services/saved-searches/saved-searches-service';
import { createSearchService, type SearchService } from '../services/search/search-service';
import type { JobRunner } from '../services/jobs/job-runner';
import type { SessionsService } from '../services/sessions/sessions-service';
import { createImportJobs, type ImportJobs } from '../services/trail-import-s3/import-jobs';
import { createJsonCursorStore } from '../services/trail-sync/json-cursor-store';
import { syncClientsFromFactory } from '../services/trail-sync/session-sync-clients';
import { accountFromConfig } from '../services/trail-sync/sync-targets';
import { createTrailSync, type TrailSync } from '../services/trail-sync/trail-sync-service';
import type { WorkspaceService } from '../services/workspace/workspace-service';
import { createEventStore, type EventStore } from '../store/event-store';
import { loadAwsConfig } from '../aws/aws-config';
import { resolveAwsConfigPaths } from '../services/profiles/config-paths';
import type { EventBus } from './event-bus';

/** The index and what feeds and reads it: part of the Core. */
export interface EventServices {
  /** The local index (`<dataDir>/index.duckdb`), opened on first use: `auditdesk profiles` never pays for it. */
  store(): Promise<EventStore>;
  search: SearchService;
  sync: TrailSync;
  imports: ImportJobs;
  savedSearches: SavedSearchesService;
  /** Waits for the index's writers to stop (their jobs are cancelled first), then closes it. */
  close(): Promise<void>;
}

export function createEventServices(deps: {
  dataDir: string;
  bus: EventBus;
  jobs: JobRunner;
  workspace: WorkspaceService;
  sessions: SessionsService;
  clock?: () => Date;
}): EventServices {
  let opened: Promise<EventStore> | undefined;
  const store = () => {
    opened ??= createEventStore({ path: join(deps.dataDir, 'index.duckdb') });
    // A failed open (a locked or newer file) is retried on the next use, not remembered.
    opened.catch(() => (opened = undefined));
    return opened;
  };
  const clients = syncClientsFromFactory(deps.sessions.clients);
  const pending = new Set<Promise<unknown>>();
  const track = <T extends { done: Promise<unknown> }>(job: T): T => {
    const settled = job.done.catch(() => undefined);
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
    return job;
  };
  const snapshot = () => loadAwsConfig(resolveAwsConfigPaths(deps.workspace.current().awsEnv, deps.workspace.current().awsHome));

  const sync = createTrailSync({
    clients,
    store: async (events) => (await (await store()).insertBatch(events)).inserted,
    cursors: createJsonCursorStore(join(deps.dataDir, 'sync-cursors.json')),
    jobs: deps.jobs,
    bus: deps.bus,
    clock: deps.clock,
    regionsOf: (profile) => deps.sessions.regions(profile),
    // SSO and role profiles name their account; others ask STS once (the sessions service caches it).
    accountOf: async (profile) => accountFromConfig(await snapshot(), profile) ?? (await deps.sessions.identity(profile)).account,
    activeProfiles: () => deps.workspace.current().activeProfiles,
    withSignInRetry: (profile, ctx, fn) => deps.sessions.withSignInRetry(profile, ctx, fn),
    recordRun: async ({ profile, cursor, inserted, status, at }) => {
      const index = await store();
      const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
      await index.recordSourceRun({
        sourceId: `lookup-events:${profile}/${cursor.region}`,
        kind: 'lookup-events',
        ref: `${profile}/${cursor.region}`,
        profile,
        region: cursor.region,
        filesDone: 0,
        eventsInserted: inserted,
        lastStatus: status,
        at,
      });
      await index.saveSyncCursor({
        profile,
        account: cursor.accountId,
        region: cursor.region,
        newestEventTime: iso(cursor.newestEventMs),
        oldestEventTime: iso(cursor.oldestEventMs),
        backfillDone: cursor.backfillComplete,
        updatedAt: at,
      });
    },
  });
  const imports = createImportJobs({ jobs: deps.jobs, store, clients, bus: deps.bus, clock: deps.clock });

  return {
    store,
    search: createSearchService({
      store: { read: async (work) => (await store()).read(work), getEvent: async (key) => (await store()).getEvent(key) },
      clock: deps.clock,
    }),
    sync: {
      start: (request) => track(sync.start(request)),
      status: () => sync.status(),
    },
    imports: {
      start: (request) => track(imports.start(request)),
      reports: () => imports.reports(),
    },
    savedSearches: createSavedSearches({ path: join(deps.dataDir, 'saved-searches.json'), clock: deps.clock }),
    async close() {
      await Promise.all(pending);
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
}
