import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../src/main/services/events/event-model';
import { normalizeEvent } from '../../src/main/services/events/normalize-event';
import { parseQuery } from '../../src/main/services/search/parse-query';
import { createSearchService, type SearchRequest, type SearchService } from '../../src/main/services/search/search-service';
import { narrowText, searchRuns, toRanges } from '../../src/main/services/search/text-narrowing';
import { importFolder } from '../../src/main/services/trail-import/import-folder';
import { readRows } from '../../src/main/store/duckdb-database';
import { createEventStore, type EventStore } from '../../src/main/store/event-store';
import { unindexedLoads } from '../../src/main/store/text-index';
import { CLOUDTRAIL_DATA } from './helpers/real-data';

/**
 * The text index may only leave records out of a free-text search's read when they cannot
 * match. Checked over the real records: words cut out of them at every kind of place (inside a
 * term, across punctuation, mixed case), each searched with the index and without it, against a
 * plain filter of the record text.
 */
const NOW = new Date('2025-06-01T12:00:00Z');
const HOUR = 3_600_000_000n;
let dir: string;
let store: EventStore;
let indexed: SearchService;
let scanning: SearchService;
let events: NormalizedEvent[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'auditdesk-text-index-'));
  store = await createEventStore({ path: join(dir, 'index.duckdb'), threads: 2 });
  await importFolder({ store, folder: CLOUDTRAIL_DATA, clock: () => NOW });
  indexed = createSearchService({ store, clock: () => NOW });
  scanning = createSearchService({ store, clock: () => NOW, textIndex: false });
  events = await storedEvents();
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The narrowing of a query over a store's index as it is now. */
function narrowIn(target: EventStore, query: string) {
  return target.read(async (c) => narrowText(c, parseQuery(query), await unindexedLoads(c)));
}

async function storedEvents(): Promise<NormalizedEvent[]> {
  const rows = await store.read((c) => readRows(c, 'SELECT event_key, raw, source_ref FROM events'));
  return rows.map((r) => ({
    ...normalizeEvent(String(r.raw), { source: 'import', sourceRef: String(r.source_ref), profile: null, retrievedAt: NOW.toISOString() }),
    key: String(r.event_key),
  }));
}

async function allKeys(service: SearchService, request: SearchRequest): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const result = await service.search({ ...request, limit: 200, cursor });
    keys.push(...result.rows.map((r) => r.key));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return keys.sort();
}

const matching = (needle: string) =>
  events
    .filter((e) => e.raw.toLowerCase().includes(needle.toLowerCase()))
    .map((e) => e.key)
    .sort();

/**
 * Words cut from every 5th record at offsets that land inside terms, on punctuation and across
 * both, in the record's own case: the kinds of text an auditor pastes (part of an ARN, an id, a
 * user agent).
 */
function wordsFromRecords(): string[] {
  const words = new Set<string>();
  events.forEach((event, i) => {
    if (i % 5 !== 0) return;
    const raw = event.raw;
    for (const [offset, length] of [
      [0.31, 7],
      [0.57, 12],
      [0.83, 5],
    ] as const) {
      const at = Math.floor(raw.length * offset);
      const word = raw.slice(at, at + length);
      // The query language reads quotes, backslashes and spaces itself; those words are not this test's subject.
      if (/^[^"\\\s]+$/.test(word)) words.add(word);
    }
  });
  return [...words];
}

describe('the text index', () => {
  it('starts empty, and a search scans the loads it has not reached', async () => {
    const loads = await store.read(unindexedLoads);
    expect(loads.length).toBeGreaterThan(0);
    const needle = 'stratus-red-team';
    expect(await allKeys(indexed, { query: needle })).toEqual(matching(needle));
    // The answer says how many events were read in full for want of the index.
    expect((await indexed.search({ query: needle })).textIndexPending).toBe(events.length);
    expect((await indexed.search({ query: 'source:iam' })).textIndexPending).toBeUndefined();
  });

  it('indexes every settled load, then has nothing left', async () => {
    const progress: number[] = [];
    await store.indexText((p) => progress.push(p.pendingEvents));
    expect(progress.at(-1)).toBe(0);
    expect(await store.read(unindexedLoads)).toEqual([]);
    expect((await indexed.search({ query: 'stratus-red-team' })).textIndexPending).toBeUndefined();
    const [row] = await store.read((c) => readRows(c, 'SELECT (SELECT sum(events) FROM text_indexed_loads) AS indexed, (SELECT count(*) FROM events) AS stored'));
    expect(Number(row?.indexed)).toBe(Number(row?.stored));
  });

  it('splits a value at whitespace and JSON syntax into the runs it is looked up by', () => {
    expect(searchRuns('arn:aws:iam::123456789012:role/ExampleRole-us-east-2')).toEqual(['arn', 'aws', 'iam', '123456789012', 'role/examplerole-us-east-2']);
    expect(searchRuns('"userName": "Ünïcode-ß"\t{[a,b]}')).toEqual(['username', 'ünïcode-ß', 'a', 'b']);
  });

  it('narrows a rare word to the hours that hold it', async () => {
    const target = events.find((e) => e.eventTime !== null && !e.eventIdGenerated && e.eventId.length >= 20) as NormalizedEvent;
    const needle = target.eventId;
    const narrowing = await narrowIn(store, needle);
    expect(narrowing).not.toBeNull();
    const micros = BigInt(Date.parse(target.eventTime as string)) * 1000n;
    expect(narrowing?.ranges.some(([from, to]) => from <= micros && micros < to)).toBe(true);
    const hours = (narrowing?.ranges ?? []).reduce((sum, [from, to]) => sum + (to - from) / HOUR, 0n);
    expect(hours).toBeLessThan(24n);
  });

  it('does not narrow by a word too short to look up, nor by an excluded word', async () => {
    expect(await narrowIn(store, 's3')).toBeNull();
    expect(await narrowIn(store, '-AttachRolePolicy')).toBeNull();
  });

  it('does not narrow by a word found in most of the hours stored', async () => {
    // One real record copied into 40 consecutive hours, one of them with a word of its own.
    const dense = await createEventStore({ path: ':memory:', threads: 2 });
    try {
      const record = JSON.parse((events.find((e) => e.eventTime !== null) as NormalizedEvent).raw) as Record<string, unknown>;
      const copies = Array.from({ length: 40 }, (_, hour) =>
        normalizeEvent(
          JSON.stringify({ ...record, eventID: `dense-${hour}`, eventTime: new Date(Date.UTC(2025, 0, 1, hour, 30)).toISOString().replace('.000', ''), ...(hour === 7 ? { userAgent: 'OnlyInHourSeven' } : {}) }),
          { source: 'lookup-events', sourceRef: 'audit/us-east-1', profile: 'audit', retrievedAt: NOW.toISOString() },
        ),
      );
      await dense.insertBatch(copies);
      await dense.indexText();
      expect(await narrowIn(dense, 'eventVersion')).toBeNull();
      const rare = await narrowIn(dense, 'onlyinhourseven');
      const seven = BigInt(Date.UTC(2025, 0, 1, 7)) * 1000n;
      expect(rare?.ranges).toEqual([[seven, seven + HOUR]]);
    } finally {
      await dense.close();
    }
  });

  it('finds what a plain filter finds, for words cut from the records at every kind of place', async () => {
    const words = wordsFromRecords();
    expect(words.length).toBeGreaterThan(80);
    for (const word of words) {
      const query = `"${word}"`;
      const expected = matching(word);
      expect(expected.length, word).toBeGreaterThan(0);
      expect(await allKeys(indexed, { query }), word).toEqual(expected);
    }
  });

  it('gives the same answers as a full read for combinations of words, negations and fields', async () => {
    for (const query of [
      'AttachRolePolicy',
      'olePolic',
      'AccessDenied stratus',
      'stratus OR AssumeRoleWithWebIdentity',
      '-stratus source:iam',
      'GetCallerIdentity account:123456789012',
      '"aws-cli/2" -error:*',
      'zz-no-such-word-zz',
    ]) {
      expect(await allKeys(indexed, { query }), query).toEqual(await allKeys(scanning, { query }));
      // The charts of the Activity view too.
      expect(await indexed.stats({ query }), query).toEqual(await scanning.stats({ query }));
    }
  });

  it('still finds events written after it was built, before it reaches them', async () => {
    const [template] = events.filter((e) => e.eventTime !== null);
    const record = JSON.parse((template as NormalizedEvent).raw) as Record<string, unknown>;
    const fresh = normalizeEvent(JSON.stringify({ ...record, eventID: 'text-index-late-0001', userAgent: 'LateArrivalAgent/1.0' }), {
      source: 'lookup-events',
      sourceRef: 'audit/us-east-1',
      profile: 'audit',
      retrievedAt: NOW.toISOString(),
    });
    expect((await store.insertBatch([fresh])).inserted).toBe(1);
    expect(await store.read(unindexedLoads)).toHaveLength(1);
    expect((await indexed.search({ query: 'latearrivalagent' })).rows.map((r) => r.key)).toEqual([fresh.key]);
    await store.indexText();
    expect(await store.read(unindexedLoads)).toEqual([]);
    expect((await indexed.search({ query: 'LateArrivalAgent/1' })).rows.map((r) => r.key)).toEqual([fresh.key]);
  });
});

describe('small segments', () => {
  it('merges the small segments a sync leaves (one per page) into one, and still finds every word', async () => {
    const small = await createEventStore({ path: ':memory:', threads: 2 });
    try {
      const timed = events.filter((e) => e.eventTime !== null && !e.eventIdGenerated && e.eventId.length >= 8).slice(0, 90);
      for (let page = 0; page < 9; page += 1) {
        await small.insertBatch(timed.slice(page * 10, page * 10 + 10));
        await small.indexText();
      }
      const [row] = await small.read((c) => readRows(c, 'SELECT count(DISTINCT segment) AS segments, (SELECT count(*) FROM text_indexed_loads) AS loads FROM text_terms'));
      expect({ segments: Number(row?.segments), loads: Number(row?.loads) }).toEqual({ segments: 2, loads: 9 });
      const service = createSearchService({ store: small, clock: () => NOW });
      for (const event of timed) {
        const found = await service.search({ query: `"${event.eventId}"`, limit: 5 });
        expect(found.rows.map((r) => r.key), event.eventId).toContain(event.key);
      }
    } finally {
      await small.close();
    }
  });
});

describe('ranges of hours', () => {
  it('joins consecutive hours and, past 32 ranges, the closest ones: never an hour fewer', () => {
    const hours = new Set<number>([1, 2, 3, 10]);
    for (let h = 100; h < 100 + 40 * 5; h += 5) hours.add(h);
    const ranges = toRanges(hours);
    expect(ranges.length).toBe(32);
    expect(ranges[0]).toEqual([1n * HOUR, 4n * HOUR]);
    for (const hour of hours) expect(ranges.some(([from, to]) => BigInt(hour) * HOUR >= from && BigInt(hour) * HOUR < to), String(hour)).toBe(true);
    for (let i = 1; i < ranges.length; i += 1) expect((ranges[i] as [bigint, bigint])[0]).toBeGreaterThan((ranges[i - 1] as [bigint, bigint])[1]);
  });
});

describe('the text index in the background', () => {
  it.each([
    ['2', 'no text index'],
    ['3', 'terms of letters and digits only'],
  ])('catches up after writes pause, and an index of version %s (%s) is indexed again on opening', async (version) => {
    const path = join(dir, `background-${version}.duckdb`);
    const first = await createEventStore({ path, threads: 2 });
    await first.insertBatch(events.slice(0, 50).map((e) => ({ ...e })));
    await first.indexText();
    await first.close();
    const instance = await DuckDBInstance.create(path, { storage_compatibility_version: 'v1.2.0' });
    const connection = await instance.connect();
    if (version === '2') {
      await connection.run('DROP TABLE text_terms');
      await connection.run('DROP TABLE text_indexed_loads');
    } else {
      // A term as version 3 split them; its hour must not survive.
      await connection.run(`DROP TABLE text_terms`);
      await connection.run(`CREATE TABLE text_terms (segment BIGINT NOT NULL, term VARCHAR NOT NULL, hours INTEGER[] NOT NULL)`);
      await connection.run(`INSERT INTO text_terms VALUES (1, 'examplerole', [1])`);
    }
    await connection.run('DELETE FROM schema_version');
    await connection.run(`INSERT INTO schema_version VALUES (${version}, now())`);
    connection.closeSync();
    instance.closeSync();

    const reopened = await createEventStore({ path, threads: 2, textIndexDelayMs: 10 });
    try {
      await expect.poll(() => reopened.read(unindexedLoads), { timeout: 10_000 }).toEqual([]);
      const [row] = await reopened.read((c) =>
        readRows(c, `SELECT max(version) AS v, (SELECT count(*) FROM text_terms) AS terms, (SELECT count(*) FROM text_terms WHERE list_contains(hours, 1)) AS stale FROM schema_version`),
      );
      expect({ v: Number(row?.v), stale: Number(row?.stale) }).toEqual({ v: 5, stale: 0 });
      expect(Number(row?.terms)).toBeGreaterThan(100);
    } finally {
      await reopened.close();
    }
  });
});
