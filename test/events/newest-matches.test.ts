import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeEvent } from '../../src/main/services/events/normalize-event';
import { compileWhere, WhereBuilder } from '../../src/main/services/search/compile-query';
import { newestMatches } from '../../src/main/services/search/newest-matches';
import { parseQuery } from '../../src/main/services/search/parse-query';
import { slicedEvents, sliceCondition, type TimeSlice } from '../../src/main/services/search/time-slice';
import { readRows } from '../../src/main/store/duckdb-database';
import { createEventStore, type EventStore } from '../../src/main/store/event-store';
import { loadRealRecords } from './helpers/real-data';

/**
 * The real records re-timed into the history an auditor often has: a crowded last two days (a
 * sync) after five sparse years (an old trail archive imported). Free text reads slices sized
 * by the events they hold, so the first slice stays within the newest days.
 */
const NOW = Date.parse('2025-06-01T12:00:00Z');
const DAY = 86_400_000;
let store: EventStore;

beforeAll(async () => {
  store = await createEventStore({ path: ':memory:', threads: 2 });
  const records = loadRealRecords().map((r) => r.record);
  const recent = Array.from({ length: 1500 }, (_, i) => ({ ...records[i % records.length], eventID: `recent-${i}`, eventTime: new Date(NOW - (i * 2 * DAY) / 1500).toISOString() }));
  const archive = Array.from({ length: 150 }, (_, i) => ({ ...records[i % records.length], eventID: `archive-${i}`, eventTime: new Date(NOW - 30 * DAY - (i * 5 * 365 * DAY) / 150).toISOString() }));
  const provenance = { source: 'import' as const, sourceRef: null, profile: null, retrievedAt: new Date(NOW).toISOString() };
  await store.insertBatch([...recent, ...archive].map((record) => normalizeEvent(record, provenance)));
});

afterAll(() => store.close());

describe('the newest matches of free text', () => {
  it('reads a crowded recent history a slice of events at a time, not by its average density over the years', async () => {
    const slices: TimeSlice[] = [];
    const query = {
      where: compileWhere(parseQuery('amazonaws'), { nowMicros: BigInt(NOW) * 1000n }),
      relation: (builder: WhereBuilder, slice: TimeSlice | null) => {
        if (slice) slices.push(slice);
        return slicedEvents(builder, slice);
      },
    };
    const count = 10;
    const rows = await store.read((c) => newestMatches(c, query, 'epoch_us(event_time) AS t, key_hash', count));

    const expected = await store.read((c) =>
      readRows(c, `SELECT epoch_us(event_time) AS t, key_hash FROM events WHERE contains(lower(raw), 'amazonaws') ORDER BY event_time DESC NULLS LAST, key_hash DESC LIMIT ${count}`),
    );
    expect(rows).toEqual(expected);

    const [first] = slices;
    expect(first).toBeDefined();
    const inFirst = await store.read(async (c) => {
      const builder = new WhereBuilder();
      return Number((await readRows(c, `SELECT count(*) AS n FROM events WHERE ${sliceCondition(first as TimeSlice, builder)}`, builder.params))[0]?.n);
    });
    // About 16 events per match wanted, twice that at most: the average density over five years
    // would have taken in all 1,500 recent events at once.
    expect(inFirst).toBeGreaterThan(0);
    expect(inFirst).toBeLessThanOrEqual(2 * 16 * count);
  });
});
