/**
 * Where the sync of one account-region stands, saved after every page so a crash or a cancel
 * resumes where it stopped. Times are epoch milliseconds.
 *
 * The invariant: every event with a time in [coveredFromMs, coveredToMs] is stored. A pass that
 * was under way when the sync stopped is kept in `pass`, with the LookupEvents token to go on.
 */
export interface SyncCursor {
  accountId: string;
  region: string;
  coveredFromMs?: number;
  coveredToMs?: number;
  /** Newest and oldest event times seen: the next sync asks for events from newestEventMs on. */
  newestEventMs?: number;
  oldestEventMs?: number;
  /** True once the backfill reached LookupEvents' 90-day horizon: nothing older can be fetched. */
  backfillComplete: boolean;
  pass?: SyncPass;
  /** Events this account-region's syncs stored (new ones only, duplicates not counted). */
  eventsStored: number;
  /** End of the last sync that completed for this account-region (ISO). */
  lastSyncAt?: string;
  /** The profile its last sync used. */
  lastProfile?: string;
  /** How the last sync ended, when it did not complete. */
  lastError?: { code: string; message: string };
}

/**
 * One walk of LookupEvents over [startMs, endMs], newest first. `forward` fetches what happened
 * since the last sync; `backfill` extends the covered range into the past (the first sync of an
 * account-region is a backfill from now).
 */
export interface SyncPass {
  kind: 'forward' | 'backfill';
  startMs: number;
  /** The EndTime of the request chain under way (a NextToken is valid only with the same bounds). */
  endMs: number;
  /**
   * Everything newer than this is stored: the oldest event time of the last stored page (plus
   * its second). Where the pass goes on from when its token is lost or refused.
   */
  reachedMs?: number;
  /** Where the covered range ends once this pass completes. */
  topMs: number;
  /** LookupEvents' token for the next page, while the pass is under way. */
  nextToken?: string;
}

/** The sync_cursors table, as the sync needs it. */
export interface SyncCursorStore {
  get(accountId: string, region: string): Promise<SyncCursor | undefined>;
  put(cursor: SyncCursor): Promise<void>;
  list(): Promise<SyncCursor[]>;
}

export function emptyCursor(accountId: string, region: string): SyncCursor {
  return { accountId, region, backfillComplete: false, eventsStored: 0 };
}
