import { z } from 'zod';

const AccountId = z.string().regex(/^\d{12}$/, 'An account id is 12 digits.');
// Loose on purpose: imported records carry whatever awsRegion they were written with (scrambled
// names such as `megov-westwest-1r` in published detonation logs), and those must stay filterable.
const Region = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Not a region name.');
const ProfileName = z.string().min(1).max(200);
const IsoTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'Not an ISO 8601 time.');

// ---------------------------------------------------------------------------------------------
// Sync (LookupEvents)

/** Where one account-region's sync stands. */
export const SyncState = z.enum([
  /** Never synced in this data folder. */
  'idle',
  /** Waiting for a free slot in the running sync. */
  'queued',
  'running',
  /** The last sync completed. */
  'done',
  /** AccessDenied on cloudtrail:LookupEvents: the profile's role may not read this account-region. */
  'denied',
  /** The service kept throttling after every back-off; the next sync goes on from the cursor. */
  'throttled',
  /** The sign-in or credentials ran out and could not be renewed. */
  'expired',
  /** Stopped by the user; the next sync resumes where it stopped. */
  'cancelled',
  /** Any other error; see lastError. */
  'failed',
]);
export type SyncState = z.infer<typeof SyncState>;

export const AccountRegionStatus = z.object({
  /** 12 digits. */
  accountId: z.string(),
  region: z.string(),
  /** The profile the last (or running) sync used; others of the same account share its cursor. */
  profile: z.string().optional(),
  state: SyncState,
  /** When its last sync completed (ISO 8601). */
  lastSyncAt: z.string().optional(),
  /** Newest and oldest event times stored by the sync (ISO 8601). */
  newestEventTime: z.string().optional(),
  oldestEventTime: z.string().optional(),
  /** Every event between these two times is in the index (ISO 8601). */
  coveredFrom: z.string().optional(),
  coveredTo: z.string().optional(),
  /** True once the backfill reached LookupEvents' 90-day horizon. */
  backfillComplete: z.boolean(),
  /** New events the syncs of this account-region stored, all runs together. */
  eventsStored: z.number(),
  /** The running or last sync of this account-region in this run of the app. */
  lastRun: z
    .object({
      /** Events LookupEvents returned (duplicates included). */
      fetched: z.number(),
      /** Of those, new to the index. */
      inserted: z.number(),
      /** LookupEvents calls, retries included. */
      requests: z.number(),
      /** ThrottlingException answers absorbed by back-off. */
      throttled: z.number(),
    })
    .optional(),
  /** Why the last sync did not complete: a stable code (`aws:AccessDeniedException`, `sync:throttled`…) and a sentence. */
  lastError: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type AccountRegionStatus = z.infer<typeof AccountRegionStatus>;

// ---------------------------------------------------------------------------------------------
// Search

export const EventFilters = z
  .object({
    accounts: z.array(AccountId).max(1000).optional(),
    regions: z.array(Region).max(100).optional(),
    /** Inclusive lower bound on eventTime (ISO 8601). */
    from: IsoTime.optional(),
    /** Exclusive upper bound on eventTime (ISO 8601). */
    to: IsoTime.optional(),
    /** Only events with an errorCode (true) or only those without (false). */
    errors: z.boolean().optional(),
    /** Only read-only (true) or only mutating (false) calls. */
    readOnly: z.boolean().optional(),
  })
  .strict();
export type EventFilters = z.infer<typeof EventFilters>;

/** A filter chip of the search bar: a field of the query language, `is` or `is-not`, and a value in its value syntax. */
export const FilterChip = z
  .object({
    field: z.string().min(1).max(100),
    op: z.enum(['is', 'is-not']),
    value: z.string().max(2000),
  })
  .strict();
export type FilterChip = z.infer<typeof FilterChip>;

/** The query language (see the search help): `eventName:CreateUser principal:alice* -errorCode:*`, free text matches anywhere. */
const Query = z.string().max(2000);

const Chips = z.array(FilterChip).max(50);

/** A span back from now as the query language writes it after `since:` (`24h`, `7d`, `2w`). */
const RelativeSpan = z.string().regex(/^\d{1,6}[smhdw]$/i, 'A span back from now, such as 24h, 7d or 2w.');

export const EventRow = z.object({
  /** The index key (`<account>|<region>|<eventID>|<eventTime µs>`, or `gen|<md5>` for records without an eventID): unique, pass it to `events:get`. */
  key: z.string(),
  /** CloudTrail's eventID (unique per account and region). */
  eventId: z.string(),
  /** ISO 8601 UTC; null when the record's time was missing or unreadable. */
  eventTime: z.string().nullable(),
  eventName: z.string().nullable(),
  eventSource: z.string().nullable(),
  /** The account the event belongs to (recipientAccountId). */
  account: z.string().nullable(),
  region: z.string().nullable(),
  /** Readable principal: `root`, `user/alice`, `role/Admin/alice@example.com`, a service… */
  principal: z.string(),
  /** userIdentity.type: IAMUser, AssumedRole, Root, AWSService… */
  principalType: z.string(),
  sourceIp: z.string().nullable(),
  errorCode: z.string().nullable(),
  readOnly: z.boolean().nullable(),
  accessKeyId: z.string().nullable(),
  userAgent: z.string().nullable().optional(),
  /** Up to five resource ARNs or names the event touched. */
  resources: z.array(z.string()),
  /** How many resources in all (the list above is cut at five). */
  resourceCount: z.number(),
});
export type EventRow = z.infer<typeof EventRow>;

export const FacetCount = z.object({ value: z.string(), count: z.number() });
export type FacetCount = z.infer<typeof FacetCount>;

export const SearchFacets = z.object({
  accounts: z.array(FacetCount),
  regions: z.array(FacetCount),
  eventSources: z.array(FacetCount),
  eventNames: z.array(FacetCount),
  principals: z.array(FacetCount),
  errorCodes: z.array(FacetCount),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

export const EventDetail = EventRow.extend({
  principalArn: z.string().nullable(),
  principalName: z.string().nullable(),
  sessionName: z.string().nullable(),
  invokedBy: z.string().nullable(),
  errorMessage: z.string().nullable(),
  eventType: z.string().nullable(),
  eventCategory: z.string().nullable(),
  requestId: z.string().nullable(),
  /** Where the record came from: `lookup-events`, `trail-file` or `import`. */
  source: z.string(),
  /** The file, object or `profile/region` it was read from. */
  sourceRef: z.string().nullable(),
  /** The profile it was fetched with; null for local imports. */
  profile: z.string().nullable(),
  /** When it was fetched or read (ISO 8601). */
  retrievedAt: z.string(),
});
export type EventDetail = z.infer<typeof EventDetail>;

// ---------------------------------------------------------------------------------------------
// Import

export const ImportMalformed = z.object({
  /** The file path or `s3://bucket/key`. */
  key: z.string(),
  reason: z.string(),
});

export const ImportReport = z.object({
  jobId: z.string(),
  /** `folder` or `s3`. */
  kind: z.enum(['folder', 's3']),
  /** The folder, or `s3://bucket/prefix`. */
  location: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Files or objects read in this run. */
  filesRead: z.number(),
  /** Skipped because the same file or object (key and ETag) was imported before. */
  filesSkipped: z.number(),
  /** Events read from the files. */
  eventsRead: z.number(),
  /** Of those, new to the index. */
  eventsInserted: z.number(),
  /** Files that could not be read as CloudTrail logs, with the reason. Capped at 200. */
  malformed: z.array(ImportMalformed),
  /** Why the import failed as a whole, when it did. */
  message: z.string().optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

// ---------------------------------------------------------------------------------------------
// Saved searches

export const SavedSearch = z.object({
  id: z.string(),
  /** The name shown in the list. */
  name: z.string(),
  /** The query text as it was typed, without the chips and the range. */
  query: z.string(),
  /**
   * The search bar's filter chips, as `events:search` takes them. Absent on searches saved before
   * chips were kept apart: their chips (and range) are terms of `query` (`account:1 since:7d`).
   */
  chips: Chips.optional(),
  /** The time range, relative so "the last 7 days" still means that when the search is opened next month. */
  since: RelativeSpan.optional(),
  filters: EventFilters.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const eventsChannels = {
  /**
   * Starts a LookupEvents sync of every account × region of the profiles (default: the
   * workspace's active profiles; regions: us-east-1, each profile's region and its
   * auditdesk_regions, unless listed). Progress arrives as `jobs:progress`, per account-region
   * state as `sync:changed`.
   */
  'sync:start': {
    input: z
      .object({
        profiles: z.array(ProfileName).max(500).optional(),
        regions: z.array(Region).max(40).optional(),
        /** How far back the first sync goes, in days (LookupEvents keeps 90; default 90). */
        backfillDays: z.number().int().min(1).max(90).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  /** Every account-region synced in this data folder or part of the running sync. */
  'sync:status': {
    input: z.object({}).strict(),
    output: z.object({
      accountRegions: z.array(AccountRegionStatus),
      /** The sync job under way, if any. */
      runningJobId: z.string().optional(),
    }),
  },
  /** Imports CloudTrail log files (.json, .json.gz, .jsonl) from a local folder or an S3 bucket; progress as `jobs:progress`. */
  'import:start': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('folder'), /** An absolute folder or file path on this machine. */ path: z.string().min(1).max(4096) }).strict(),
      z
        .object({
          kind: z.literal('s3'),
          /** The profile that reads the bucket. */
          profile: ProfileName,
          bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'Not an S3 bucket name.'),
          /** Key prefix, e.g. `AWSLogs/o-abc123/`; default the whole bucket. */
          prefix: z.string().max(1024).optional(),
          /** Only these accounts / regions / days (read from the CloudTrail key structure). */
          accounts: z.array(AccountId).max(1000).optional(),
          regions: z.array(Region).max(40).optional(),
          /** Inclusive day range, `YYYY-MM-DD`. */
          fromDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
          toDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        })
        .strict(),
    ]),
    output: z.object({ jobId: z.string() }),
  },
  /** Reports of the imports of this run, newest first: counts and malformed files. */
  'import:status': {
    input: z.object({}).strict(),
    output: z.array(ImportReport),
  },
  /** One page of events matching the query and filters, newest first, with the total and facets. */
  'events:search': {
    input: z
      .object({
        query: Query,
        filters: EventFilters.optional(),
        chips: Chips.optional(),
        /** Rows per page; default 100. */
        limit: z.number().int().min(1).max(1000).optional(),
        /** `nextCursor` of the previous page. */
        cursor: z.string().max(1000).optional(),
        /** False skips the facets (empty in the answer): a page turn does not need them again. */
        facets: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      rows: z.array(EventRow),
      /** Absent on the last page. */
      nextCursor: z.string().optional(),
      /** How many events match in all (see totalExact). */
      total: z.number(),
      /** False when the query has free text and counting stopped at a cap: `total` is then "at least". */
      totalExact: z.boolean(),
      facets: SearchFacets,
      /** False when the facets count only the newest matches, where counting stopped (see totalExact). */
      facetsExact: z.boolean(),
      /**
       * Free text only, on a first page: events the text index has not reached yet (it is built in
       * the background after an import or a sync), which the search read in full. Absent when none.
       */
      textIndexPending: z.number().int().min(1).optional(),
    }),
  },
  /** One event: its normalized fields and the original record text. */
  'events:get': {
    input: z.object({ /** The row's `key` (or a bare eventID). */ eventId: z.string().min(1).max(600) }).strict(),
    output: z.object({
      event: EventDetail,
      /** The CloudTrail record exactly as it was read (JSON text). */
      raw: z.string(),
    }),
  },
  /** Chart data for the current query: events per day per account, and the top values. */
  'events:stats': {
    input: z.object({ query: Query, filters: EventFilters.optional(), chips: Chips.optional() }).strict(),
    output: z.object({
      /** One entry per (UTC day, account) with events; `day` is `YYYY-MM-DD`. */
      perDay: z.array(z.object({ day: z.string(), account: z.string(), count: z.number() })),
      topEventNames: z.array(FacetCount),
      topPrincipals: z.array(FacetCount),
      topErrors: z.array(FacetCount),
    }),
  },
  /** Saved searches, by name. */
  'searches:list': { input: z.object({}).strict(), output: z.array(SavedSearch) },
  /** Saves a search (a new one, or replaces the one with this id). */
  'searches:save': {
    input: z
      .object({
        /** Given to replace a saved search; absent for a new one. */
        id: z.string().min(1).max(100).optional(),
        name: z.string().trim().min(1).max(200),
        /** The typed query only: the chips and the range go in their own fields. */
        query: Query,
        chips: Chips.optional(),
        since: RelativeSpan.optional(),
        filters: EventFilters.optional(),
      })
      .strict(),
    output: SavedSearch,
  },
  'searches:delete': { input: z.object({ id: z.string().min(1).max(100) }).strict(), output: z.object({ deleted: z.boolean() }) },
} as const;

export const eventsEvents = {
  /** One account-region's sync state changed (queued, running, done, denied…). */
  'sync:changed': AccountRegionStatus,
  /** New events reached the index (a sync page, an import batch): views may refresh. */
  'events:changed': z.object({ source: z.enum(['sync', 'import']), inserted: z.number() }),
} as const;
