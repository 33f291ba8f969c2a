import type { LookupEventsCommandInput, LookupEventsCommandOutput } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { syncAccountRegion } from '../../src/main/services/trail-sync/account-region-sync';
import { createRateGate } from '../../src/main/services/trail-sync/rate-gate';
import type { SyncCursor, SyncCursorStore } from '../../src/main/services/trail-sync/sync-cursor';
import { memoryStore } from './sync-harness';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const ACCOUNT = '111111111111';

/** Events one a minute over the last `count` minutes, several sharing some seconds. */
function world(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const time = NOW - Math.floor(i / 3) * 60_000;
    const id = `ev-${String(i).padStart(5, '0')}`;
    return { id, time, json: JSON.stringify({ eventID: id, eventTime: new Date(time).toISOString().replace('.000', ''), eventName: 'Get', eventSource: 's3.amazonaws.com', awsRegion: 'eu-west-1', recipientAccountId: ACCOUNT }) };
  });
}

/** LookupEvents over a list, newest first; tokens are offsets bound to the request's bounds, as AWS binds them. */
function fakeLookup(events: ReturnType<typeof world>, opts: { refuseTokens?: boolean } = {}) {
  const calls: LookupEventsCommandInput[] = [];
  const lookup = async (input: LookupEventsCommandInput): Promise<LookupEventsCommandOutput> => {
    calls.push(input);
    const start = input.StartTime!.getTime();
    const end = input.EndTime!.getTime();
    const inRange = events.filter((e) => e.time >= start && e.time <= end);
    let offset = 0;
    if (input.NextToken) {
      const [s, e, o] = input.NextToken.split(':').map(Number);
      if (opts.refuseTokens || s !== start || e !== end) throw Object.assign(new Error('bad token'), { name: 'InvalidNextTokenException' });
      offset = o!;
    }
    const page = inRange.slice(offset, offset + (input.MaxResults ?? 50));
    const more = offset + page.length < inRange.length;
    return {
      $metadata: {},
      Events: page.map((e) => ({ EventId: e.id, EventTime: new Date(e.time), CloudTrailEvent: e.json })),
      ...(more ? { NextToken: `${start}:${end}:${offset + page.length}` } : {}),
    };
  };
  return { lookup, calls };
}

function memoryCursors(): SyncCursorStore & { saved: SyncCursor[] } {
  const map = new Map<string, SyncCursor>();
  const saved: SyncCursor[] = [];
  return {
    saved,
    get: async (a, r) => structuredClone(map.get(`${a}/${r}`)),
    list: async () => [...map.values()],
    put: async (c) => {
      saved.push(structuredClone(c));
      map.set(`${c.accountId}/${c.region}`, structuredClone(c));
    },
  };
}

const target = { accountId: ACCOUNT, region: 'eu-west-1' };
const opts = { backfillDays: 90, overlapMs: 15 * 60_000, maxResults: 10 };
const provenance = () => ({ source: 'lookup-events' as const, sourceRef: 'p/eu-west-1', profile: 'p', retrievedAt: new Date(NOW).toISOString() });

describe('syncAccountRegion', () => {
  it('follows NextToken with the same bounds, one request per page, checkpointing each page', async () => {
    const events = world(95);
    const { lookup, calls } = fakeLookup(events);
    const mem = memoryStore();
    const cursors = memoryCursors();
    const result = await syncAccountRegion(target, { lookup, store: mem.store, cursors, now: () => NOW, provenance }, opts, new AbortController().signal);
    expect(mem.byKey.size).toBe(95);
    expect(mem.stats.duplicates).toBe(0);
    expect(calls).toHaveLength(10);
    expect(new Set(calls.map((c) => c.EndTime!.getTime())).size).toBe(1);
    expect(cursors.saved.filter((c) => c.pass?.nextToken)).toHaveLength(9);
    expect(result.cursor).toMatchObject({ backfillComplete: true, coveredToMs: NOW, eventsStored: 95 });
    expect(result.cursor.pass).toBeUndefined();
  });

  it('goes on from the stored bound when a saved token is refused, without a gap', async () => {
    const events = world(95);
    const mem = memoryStore();
    const cursors = memoryCursors();
    const controller = new AbortController();
    const first = fakeLookup(events);
    let pages = 0;
    await expect(
      syncAccountRegion(
        target,
        {
          lookup: async (input) => {
            if (++pages === 4) controller.abort();
            controller.signal.throwIfAborted();
            return first.lookup(input);
          },
          store: mem.store,
          cursors,
          now: () => NOW,
          provenance,
        },
        opts,
        controller.signal,
      ),
    ).rejects.toThrow();
    expect(mem.byKey.size).toBe(30);
    // A later run whose tokens the service no longer accepts (expired, new endpoint).
    const second = fakeLookup(events, { refuseTokens: true });
    const result = await syncAccountRegion(target, { lookup: second.lookup, store: mem.store, cursors, now: () => NOW + 60_000, provenance }, opts, new AbortController().signal);
    expect(mem.byKey.size).toBe(95);
    expect(result.cursor.backfillComplete).toBe(true);
    expect(second.calls[0]!.NextToken).toBeDefined();
    expect(second.calls[1]!.NextToken).toBeUndefined();
  });

  it('a later sync asks only for what is new, from the newest event minus the overlap', async () => {
    const events = world(40);
    const { lookup, calls } = fakeLookup(events);
    const mem = memoryStore();
    const cursors = memoryCursors();
    await syncAccountRegion(target, { lookup, store: mem.store, cursors, now: () => NOW, provenance }, opts, new AbortController().signal);
    const before = calls.length;
    const overlap = { ...opts, overlapMs: 60_000 };
    const later = await syncAccountRegion(target, { lookup, store: mem.store, cursors, now: () => NOW + 3_600_000, provenance }, overlap, new AbortController().signal);
    expect(calls.length - before).toBe(1);
    expect(calls.at(-1)!.StartTime!.getTime()).toBe(NOW - overlap.overlapMs);
    expect(later.inserted).toBe(0);
  });
});

describe('rate gate', () => {
  it('keeps a fixed grid of slots and never lets three sends into one second, however late a timer fires', async () => {
    let t = 0;
    const late = [0, 40, 0, 0, 35, 0, 0, 0, 60, 0];
    let call = 0;
    const gate = createRateGate({ ratePerSecond: 2, now: () => t, sleep: async (ms) => void (t += ms + (late[call] ?? 0)) });
    const sent: number[] = [];
    for (let i = 0; i < late.length; i++) {
      call = i;
      await gate.acquire();
      sent.push(t);
      t += 20; // the response comes back before the next page is asked for
    }
    for (let i = 2; i < sent.length; i++) expect(sent[i]! - sent[i - 2]!).toBeGreaterThanOrEqual(1000);
    // Lateness does not pile up: ten sends take about nine slots, not nine slots plus every delay.
    expect(sent.at(-1)! - sent[0]!).toBeLessThan(9 * 505 + 100);
  });

  it('doubles the spacing on throttling and drifts back on success', async () => {
    let t = 0;
    const gate = createRateGate({ ratePerSecond: 2, now: () => t, sleep: async (ms) => void (t += ms) });
    gate.throttled();
    gate.throttled();
    expect(gate.intervalMs()).toBeCloseTo(2020);
    for (let i = 0; i < 10; i++) gate.succeeded();
    expect(gate.intervalMs()).toBeCloseTo(505);
  });
});
