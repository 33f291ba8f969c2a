import { userInfo } from 'node:os';
import type { z } from 'zod';
import type { FindingRef, FindingRow, findingsChannels } from '../../../shared/ipc/channels/findings';
import { AppError } from '../../../shared/ipc/result';
import type { JobRunner } from '../jobs/job-runner';
import { evidenceQuery } from './evidence-query';
import { toFindingDetail } from './finding-details';
import type { FindingsAws } from './findings-aws';
import { offsetFromCursor } from './findings-query';
import { createFindingsStore, type FindingsStore } from './findings-store';
import { createFindingsSync, type FindingsSyncReport, type FindingsSyncRequest } from './findings-sync';
import { triageFindings, type TriageRequest, type TriageResult } from './triage';

type Input<C extends keyof typeof findingsChannels> = z.infer<(typeof findingsChannels)[C]['input']>;
type Output<C extends keyof typeof findingsChannels> = z.infer<(typeof findingsChannels)[C]['output']>;

export interface FindingsServiceDeps {
  aws: FindingsAws;
  jobs: JobRunner;
  /** The index file of the current workspace (the demo keeps its own, apart from real findings). */
  indexPath: () => string;
  activeProfiles: () => string[];
  clock?: () => Date;
  osUser?: () => string;
  /** Tuning for tests and big organisations. */
  sync?: { regionConcurrency?: number; detailsConcurrency?: number; throttleBaseDelayMs?: number };
}

export interface FindingsService {
  sync(request: FindingsSyncRequest): { jobId: string; done: Promise<FindingsSyncReport> };
  list(input: Input<'findings:list'>): Promise<Output<'findings:list'>>;
  get(ref: FindingRef): Promise<Output<'findings:get'>>;
  triage(request: TriageRequest): Promise<{ results: TriageResult[] }>;
  coverage(): Promise<Output<'findings:coverage'>>;
  annotations(input: Input<'findings:annotations'>): Promise<Output<'findings:annotations'>>;
  /** Stored findings with this id, for the CLI, which names findings by id alone. */
  findById(id: string): Promise<FindingRow[]>;
  close(): Promise<void>;
}

export function createFindingsService(deps: FindingsServiceDeps): FindingsService {
  const clock = deps.clock ?? (() => new Date());
  const stores = new Map<string, FindingsStore>();
  const store = (): FindingsStore => {
    const path = deps.indexPath();
    let found = stores.get(path);
    if (!found) stores.set(path, (found = createFindingsStore({ path })));
    return found;
  };
  const syncer = createFindingsSync({
    aws: deps.aws,
    store,
    jobs: deps.jobs,
    activeProfiles: deps.activeProfiles,
    clock,
    regionConcurrency: deps.sync?.regionConcurrency,
    detailsConcurrency: deps.sync?.detailsConcurrency,
    throttle: deps.sync?.throttleBaseDelayMs !== undefined ? { baseDelayMs: deps.sync.throttleBaseDelayMs } : undefined,
  });

  return {
    sync: (request) => syncer.start(request),

    async list(input) {
      const offset = offsetFromCursor(input.cursor);
      const result = await store().list({ filters: input.filters, sort: input.sort, limit: input.limit, offset });
      const next = offset + result.rows.length;
      return {
        rows: result.rows,
        total: result.total,
        indexed: result.indexed,
        facets: result.facets,
        ...(next < result.total ? { nextCursor: String(next) } : {}),
        ...(result.lastSyncedAt ? { lastSyncedAt: result.lastSyncedAt } : {}),
      };
    },

    async get(ref) {
      const found = await store().get(ref);
      if (!found) throw new AppError('not-found', 'This finding is not in the local index (sync findings again?).');
      const raw = parseJson(found.rawJson);
      const details = Array.isArray(raw?.findingDetails) ? raw.findingDetails.map(toFindingDetail) : [];
      const { entries } = await store().annotations(ref, 500, 0);
      const evidence = evidenceQuery(found.row);
      return {
        finding: found.row,
        details,
        rawJson: JSON.stringify(raw ?? found.rawJson, null, 2),
        annotations: entries,
        evidenceQuery: evidence.query,
        evidenceDescription: evidence.description,
      };
    },

    async triage(request) {
      const results = await triageFindings({ aws: deps.aws, store: store(), clock, osUser: deps.osUser ?? defaultOsUser }, request);
      return { results };
    },

    async coverage() {
      const entries = await store().coverage();
      const last = entries.reduce<string | undefined>((max, e) => (max === undefined || e.checkedAt > max ? e.checkedAt : max), undefined);
      return { entries, ...(last ? { lastSyncedAt: last } : {}) };
    },

    async annotations(input) {
      const offset = offsetFromCursor(input.cursor);
      const { entries, total } = await store().annotations(input.finding, input.limit, offset);
      const next = offset + entries.length;
      return { entries, total, ...(next < total ? { nextCursor: String(next) } : {}) };
    },

    findById: (id) => store().findById(id),

    async close() {
      await Promise.all([...stores.values()].map((s) => s.close()));
      stores.clear();
    },
  };
}

function parseJson(text: string): { findingDetails?: unknown[] } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as { findingDetails?: unknown[] }) : undefined;
  } catch {
    return undefined;
  }
}

function defaultOsUser(): string {
  try {
    return `os-user:${userInfo().username}`;
  } catch {
    return 'os-user:unknown';
  }
}
