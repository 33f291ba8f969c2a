import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createSavedSearches, type SavedSearchesService } from '../services/saved-searches/saved-searches-service';
import { createSearchService, type SearchService } from '../services/search/search-service';
import type { JobRunner } from '../services/jobs/job-runner';
import type { SessionsService } from '../services/sessions/sessions-service';
import { createImportJobs, type ImportJobs } from '../services/trail-import-s3/import-jobs';
import { createJsonCursorStore } from '../services/trail-sync/json-cursor-store';
import type { SyncCursorStore } from '../services/trail-sync/sync-cursor';
import { syncClientsFromFactory } from '../services/trail-sync/session-sync-clients';
import { accountFromConfig } from '../services/trail-sync/sync-targets';
import { createTrailSync, type TrailSync } from '../services/trail-sync/trail-sync-service';
import type { WorkspaceService } from '../services/workspace/workspace-service';
import { createEventStore, type EventStore } from '../store/event-store';
import { loadAwsConfig } from '../aws/aws-config';
import { resolveAwsConfigPaths } from '../services/profiles/config-paths';
import type { EventBus } from './event-bus';
import { redactSecrets } from './redact';

/** How long writes must pause before the text index catches up (a step takes seconds of CPU). */
const TEXT_INDEX_DELAY_MS = 2_000;

/** The index and what feeds and reads it: part of the Core. */
export interface EventServices {
  /** The local index (`<dataDir>/index.duckdb`; the demo's under `<dataDir>/demo`), opened on first use. */
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
  log?: (line: string) => void;
  /** Default TEXT_INDEX_DELAY_MS. */
  textIndexDelayMs?: number;
}): EventServices {
  const pending = new Set<Promise<unknown>>();
  // The demo keeps its own index and sync cursors under <dataDir>/demo, so emulator events never
  // mix with a real account's evidence (the findings store does the same).
  const workspaceDir = () => (deps.workspace.current().kind === 'demo' ? join(deps.dataDir, 'demo') : deps.dataDir);
  let opened: { dir: string; store: Promise<EventStore> } | undefined;
  // The store once open, for what must answer at once (the search's write generation), with the opening it came from.
  let ready: { opening: Promise<EventStore>; store: EventStore } | undefined;
  const store = (): Promise<EventStore> => {
    const dir = workspaceDir();
    if (opened && opened.dir !== dir) {
      const previous = opened.store;
      opened = undefined;
      // Jobs still writing to the previous workspace's index finish (or stop) first.
      void Promise.all(pending).then(async () => (await previous.catch(() => undefined))?.close());
    }
    if (!opened) {
      const opening = mkdir(dir, { recursive: true }).then(() => createEventStore({ path: join(dir, 'index.duckdb'), textIndexDelayMs: deps.textIndexDelayMs ?? TEXT_INDEX_DELAY_MS, log: (line) => deps.log?.(redactSecrets(line)) }));
      opened = { dir, store: opening };
      void opening.then(
        (openedStore) => {
          // An opening a switch has already replaced is not the one to answer for.
          if (opened?.store === opening) ready = { opening, store: openedStore };
        },
        () => undefined,
      );
      // A failed open (a locked or newer file) is retried on the next use, not remembered.
      opening.catch(() => {
        if (opened?.store === opening) opened = undefined;
      });
    }
    return opened.store;
  };
  const cursorFiles = new Map<string, SyncCursorStore>();
  const cursorsHere = () => {
    const file = join(workspaceDir(), 'sync-cursors.json');
    if (!cursorFiles.has(file)) cursorFiles.set(file, createJsonCursorStore(file));
    return cursorFiles.get(file) as SyncCursorStore;
  };
  const cursors: SyncCursorStore = {
    get: (accountId, region) => cursorsHere().get(accountId, region),
    put: (cursor) => cursorsHere().put(cursor),
    list: () => cursorsHere().list(),
  };
  const clients = syncClientsFromFactory(deps.sessions.clients);
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
    cursors,
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
      store: {
        read: async (work) => (await store()).read(work),
        getEvent: async (key) => (await store()).getEvent(key),
        // Null (keep nothing) unless the store open now is the current workspace's: after a switch,
        // until the next one is open, and for the instance a switch there and back closed.
        writeGeneration: () => (ready && opened?.store === ready.opening && opened.dir === workspaceDir() ? ready.store.writeGeneration() : null),
      },
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
      if (opened) await (await opened.store.catch(() => undefined))?.close();
    },
  };
}
