import type { Event as CloudTrailApiEvent, LookupEventsCommandInput, LookupEventsCommandOutput } from '@aws-sdk/client-cloudtrail';
import { awsErrorName } from '../../aws/aws-errors';
import type { EventProvenance, NormalizedEvent } from '../events/event-model';
import { normalizeEvent } from '../events/normalize-event';
import { emptyCursor, type SyncCursor, type SyncCursorStore, type SyncPass } from './sync-cursor';

/** LookupEvents reaches back 90 days; older events exist only in the trail's S3 bucket. */
export const LOOKUP_HORIZON_MS = 90 * 86_400_000;

export interface AccountRegionSyncDeps {
  /** One page of LookupEvents, already paced and retried (lookup-call.ts). */
  lookup(input: LookupEventsCommandInput, signal: AbortSignal): Promise<LookupEventsCommandOutput>;
  /** Stores a page; resolves to how many were new (the store dedupes by event key). */
  store(events: NormalizedEvent[]): Promise<number>;
  cursors: SyncCursorStore;
  now: () => number;
  provenance: () => EventProvenance;
}

export interface AccountRegionSyncOptions {
  /** How far back the backfill goes (capped at LookupEvents' 90 days). */
  backfillDays: number;
  /**
   * How far before the newest event already stored the next sync starts. CloudTrail can show an
   * event in LookupEvents several minutes after it happened, with its original time, so the
   * newest minutes are asked for again; eventID keys drop what was already stored.
   */
  overlapMs: number;
  maxResults: number;
  onPage?(page: { fetched: number; inserted: number; cursor: SyncCursor }): void;
}

export interface AccountRegionSyncResult {
  fetched: number;
  inserted: number;
  pages: number;
  cursor: SyncCursor;
}

/**
 * Brings one account-region up to date: finishes a pass a crash or cancel interrupted, fetches
 * what is new since the last sync, then backfills into the past. The cursor is saved after each
 * stored page, so stopping anywhere loses nothing, and restarting stores nothing twice.
 */
export async function syncAccountRegion(
  target: { accountId: string; region: string },
  deps: AccountRegionSyncDeps,
  opts: AccountRegionSyncOptions,
  signal: AbortSignal,
): Promise<AccountRegionSyncResult> {
  let cursor = (await deps.cursors.get(target.accountId, target.region)) ?? emptyCursor(target.accountId, target.region);
  const result = { fetched: 0, inserted: 0, pages: 0 };
  const nowMs = deps.now();
  const horizon = nowMs - LOOKUP_HORIZON_MS;
  const windowStart = Math.max(horizon, nowMs - Math.min(opts.backfillDays, 90) * 86_400_000);

  if (cursor.pass) await runPass(cursor.pass);
  if (cursor.coveredToMs === undefined) {
    await runPass({ kind: 'backfill', startMs: windowStart, endMs: nowMs, topMs: nowMs });
  } else {
    const from = Math.min(cursor.newestEventMs ?? cursor.coveredToMs, cursor.coveredToMs) - opts.overlapMs;
    await runPass({ kind: 'forward', startMs: Math.max(from, horizon), endMs: nowMs, topMs: nowMs });
  }
  const coveredFrom = cursor.coveredFromMs ?? windowStart;
  if (!cursor.backfillComplete && coveredFrom > windowStart + 1000) {
    await runPass({ kind: 'backfill', startMs: windowStart, endMs: coveredFrom + opts.overlapMs, topMs: cursor.coveredToMs ?? nowMs });
  }
  return { ...result, cursor };

  async function save(next: SyncCursor): Promise<void> {
    await deps.cursors.put(next);
    cursor = next;
  }

  async function runPass(initial: SyncPass): Promise<void> {
    // A saved pass without its token goes on from where its stored pages reached.
    let pass = initial.nextToken === undefined && initial.reachedMs !== undefined ? { ...initial, endMs: initial.reachedMs } : initial;
    await save({ ...cursor, pass });
    // Fetching and storing overlap: the next page is asked for as soon as its token is known, and
    // pages are stored (then checkpointed) in order behind it, so the gate sets the pace rather
    // than the index's write queue. A page's checkpoint holds the token of the page after it: a
    // stop re-fetches at most the pages that were fetched and not yet stored.
    const fetchPage = (p: SyncPass): Promise<LookupEventsCommandOutput> => {
      const request = deps.lookup(pageInput(p, opts.maxResults), signal);
      request.catch(() => undefined);
      return request;
    };
    let stored: Promise<void> = Promise.resolve();
    let storeFailed = false;
    let pending = 0;
    let inFlight = fetchPage(pass);
    try {
      for (;;) {
        let out: LookupEventsCommandOutput;
        try {
          out = await inFlight;
        } catch (error) {
          // A token from an earlier run may no longer be accepted: go on from the saved bound instead.
          if (pass.nextToken !== undefined && awsErrorName(error) === 'InvalidNextTokenException') {
            await stored;
            pass = { ...pass, endMs: pass.reachedMs ?? pass.endMs, nextToken: undefined };
            inFlight = fetchPage(pass);
            continue;
          }
          throw error;
        }
        if (out.NextToken) inFlight = fetchPage({ ...pass, nextToken: out.NextToken });
        const page = out.Events ?? [];
        const times = page.map((e) => e.EventTime?.getTime()).filter((t): t is number => t !== undefined && Number.isFinite(t));
        const pageMin = times.length ? Math.min(...times) : undefined;
        const pageMax = times.length ? Math.max(...times) : undefined;
        // The second of the page's oldest event may go on in the next page: keep it inside the bound.
        const reachedMs = pageMin === undefined ? pass.reachedMs : Math.min(pass.reachedMs ?? pass.endMs, pageMin + 999);
        pass = { ...pass, nextToken: out.NextToken, ...(reachedMs === undefined ? {} : { reachedMs }) };
        const pagePass = pass;
        const last = !out.NextToken;
        pending++;
        stored = stored.then(async () => {
          const normalized = normalizePage(page, deps.provenance(), target.accountId);
          const inserted = normalized.length ? await deps.store(normalized) : 0;
          result.fetched += page.length;
          result.inserted += inserted;
          result.pages++;
          const seen = {
            newestEventMs: maxOf(cursor.newestEventMs, pageMax),
            oldestEventMs: minOf(cursor.oldestEventMs, pageMin),
            eventsStored: cursor.eventsStored + inserted,
          };
          await save(last ? completePass(cursor, pagePass, seen, deps.now()) : { ...cursor, ...seen, pass: pagePass });
          pending--;
          opts.onPage?.({ fetched: page.length, inserted, cursor });
        });
        stored.catch(() => (storeFailed = true));
        if (last) return await stored;
        // Bounded (16 pages = 800 events): a write stall of the index (a checkpoint) is absorbed,
        // a slower index for longer makes fetching wait for it.
        if (pending >= 16 || storeFailed) await stored;
      }
    } catch (error) {
      // What was fetched before the stop is stored and checkpointed before giving up.
      await stored.catch(() => undefined);
      throw error;
    }
  }
}

function pageInput(pass: SyncPass, maxResults: number): LookupEventsCommandInput {
  return {
    StartTime: new Date(pass.startMs),
    EndTime: new Date(pass.endMs),
    MaxResults: maxResults,
    ...(pass.nextToken ? { NextToken: pass.nextToken } : {}),
  };
}

function completePass(cursor: SyncCursor, pass: SyncPass, seen: Pick<SyncCursor, 'newestEventMs' | 'oldestEventMs' | 'eventsStored'>, nowMs: number): SyncCursor {
  const { pass: _done, ...rest } = cursor;
  const coveredFromMs = minOf(cursor.coveredFromMs, pass.startMs);
  const coveredToMs = maxOf(cursor.coveredToMs, pass.topMs);
  const reachedHorizon = pass.kind === 'backfill' && pass.startMs <= nowMs - LOOKUP_HORIZON_MS + 60_000;
  return { ...rest, ...seen, coveredFromMs, coveredToMs, backfillComplete: cursor.backfillComplete || reachedHorizon };
}

/**
 * LookupEvents' records as index rows; a record that is not a JSON object is skipped, not fatal.
 * LookupEvents answers for one account, so a record that names no account (some service events
 * carry neither recipientAccountId nor an identity account) gets that one, and filters by account
 * find it. The key and the raw record stay as normalised, so a trail file's copy still dedupes.
 */
function normalizePage(page: readonly CloudTrailApiEvent[], provenance: EventProvenance, accountId: string): NormalizedEvent[] {
  const out: NormalizedEvent[] = [];
  for (const e of page) {
    if (!e.CloudTrailEvent) continue;
    try {
      const event = normalizeEvent(e.CloudTrailEvent, provenance);
      out.push(event.account === null ? { ...event, account: accountId } : event);
    } catch {
      // RecordShapeError: CloudTrail never sends one, and one bad record must not stop the sync.
    }
  }
  return out;
}

function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

function minOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
