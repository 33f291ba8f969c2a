import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../src/main/services/events/event-model';
import { normalizeEvent } from '../../src/main/services/events/normalize-event';
import { createEventStore, type EventStore } from '../../src/main/store/event-store';
import { SchemaVersionError } from '../../src/main/store/schema';
import { loadRealRecords } from './helpers/real-data';

const lookup = { source: 'lookup-events' as const, sourceRef: 'audit/us-east-1', profile: 'audit', retrievedAt: '2024-09-01T10:00:00Z' };
const stratus = loadRealRecords().filter((r) => r.file.startsWith('stratus/'));
const events: NormalizedEvent[] = stratus.map((r) => normalizeEvent(JSON.stringify(r.record), lookup));

let dir: string;
let store: EventStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'auditdesk-store-'));
  store = await createEventStore({ path: join(dir, 'index.duckdb'), threads: 2 });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('event store', () => {
  it('stores each event once: a second insert of the same events adds nothing', async () => {
    expect(await store.insertBatch(events)).toEqual({ inserted: events.length, duplicates: 0 });
    expect(await store.insertBatch(events)).toEqual({ inserted: 0, duplicates: events.length });
    expect(await store.count()).toBe(events.length);
  });

  it('counts a key repeated inside one batch as a duplicate, keeping the first', async () => {
    const [first] = events as [NormalizedEvent];
    const copy = { ...first, sourceRef: 'second copy' };
    expect(await store.insertBatch([first, copy])).toEqual({ inserted: 1, duplicates: 1 });
    expect((await store.getEvent(first.key))?.sourceRef).toBe('audit/us-east-1');
  });

  it('returns an event by key or by eventID, with its record text and provenance', async () => {
    await store.insertBatch(events);
    const [first] = events as [NormalizedEvent];
    const byKey = await store.getEvent(first.key);
    expect(byKey).toEqual(first);
    expect((await store.getEvent(first.eventId))?.key).toBe(first.key);
    expect(await store.getEvent('no such event')).toBeNull();
  });

  it('settles on reopening the rows an import stored but never flushed (a crash)', async () => {
    const file = join(dir, 'trail.json');
    writeFileSync(file, JSON.stringify({ Records: stratus.slice(0, 30).map((r) => r.record) }));
    const staged = [{ readPath: file, sourceRef: file, format: 'records' as const, compression: 'none' as const }];
    const provenance = { source: 'import', profile: null, retrievedAt: new Date('2024-09-01T00:00:00Z') };
    const first = await store.openBulkImport();
    await first.stageFiles(staged, provenance, 1 << 24);
    expect(await first.flush([])).toMatchObject({ inserted: 30, duplicates: 0 });
    const second = await store.openBulkImport();
    await second.stageFiles(staged, provenance, 1 << 24);
    expect(await store.count()).toBe(60); // read, not yet settled
    await store.close();
    store = await createEventStore({ path: join(dir, 'index.duckdb') });
    expect(await store.count()).toBe(30);
  });

  it('keeps the index across a close and a reopen', async () => {
    await store.insertBatch(events.slice(0, 10));
    await store.close();
    store = await createEventStore({ path: join(dir, 'index.duckdb') });
    expect(await store.count()).toBe(10);
  });

  it('keeps sync cursors per profile, account and region, replacing on save', async () => {
    const cursor = { profile: 'audit', account: '111111111111', region: 'us-east-1', newestEventTime: '2024-09-01T10:00:00Z', oldestEventTime: null, backfillDone: false, updatedAt: '2024-09-01T10:00:01Z' };
    await store.saveSyncCursor(cursor);
    await store.saveSyncCursor({ ...cursor, oldestEventTime: '2024-06-03T00:00:00.5Z', backfillDone: true });
    await store.saveSyncCursor({ ...cursor, region: 'eu-west-1' });
    expect(await store.syncCursors('audit')).toEqual([
      { ...cursor, region: 'eu-west-1' },
      { ...cursor, oldestEventTime: '2024-06-03T00:00:00.5Z', backfillDone: true },
    ]);
    expect(await store.syncCursors('other')).toEqual([]);
  });

  it('adds each run to its source', async () => {
    const run = { sourceId: 'import:/logs', kind: 'import' as const, ref: '/logs', profile: null, region: null, filesDone: 3, eventsInserted: 30, lastStatus: 'done' as const, at: '2024-09-01T10:00:00Z' };
    await store.recordSourceRun(run);
    await store.recordSourceRun({ ...run, filesDone: 1, eventsInserted: 5, lastStatus: 'cancelled', at: '2024-09-02T10:00:00Z' });
    expect(await store.sources()).toEqual([
      { sourceId: 'import:/logs', kind: 'import', ref: '/logs', profile: null, region: null, filesDone: 4, eventsInserted: 35, lastRunAt: '2024-09-02T10:00:00Z', lastStatus: 'cancelled' },
    ]);
  });

  it('refuses an index written by a newer version', async () => {
    await store.close();
    const path = join(dir, 'index.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('INSERT INTO schema_version VALUES (999, now())');
    connection.closeSync();
    instance.closeSync();
    await expect(createEventStore({ path })).rejects.toBeInstanceOf(SchemaVersionError);
    store = await createEventStore({ path: ':memory:' });
  });

  /** The store, with the events, closed and rewritten as an older version wrote it (`undo`), then opened again. */
  async function reopenAsVersion(version: number, undo: (connection: DuckDBConnection) => Promise<void>): Promise<void> {
    await store.insertBatch(events);
    await store.close();
    const path = join(dir, 'index.duckdb');
    const instance = await DuckDBInstance.create(path, { storage_compatibility_version: 'v1.2.0' });
    const connection = await instance.connect();
    await undo(connection);
    await connection.run('DELETE FROM schema_version');
    await connection.run(`INSERT INTO schema_version VALUES (${version}, now())`);
    connection.closeSync();
    instance.closeSync();
    store = await createEventStore({ path });
  }

  it('migrates an index of version 4: the searched text of the resources is lower-cased', async () => {
    // What version 4 wrote: the resources joined as they are.
    await reopenAsVersion(4, async (connection) => {
      await connection.run(`UPDATE events SET resources_text = nullif(array_to_string(resources, chr(10)), '')`);
      const [mixed] = (await connection.runAndReadAll(`SELECT count(*) AS n FROM events WHERE resources_text <> lower(resources_text)`)).getRowObjectsJS();
      expect(Number(mixed?.n)).toBeGreaterThan(0);
    });
    const after = await store.read(async (c) => (await c.runAndReadAll(`SELECT count(*) FILTER (WHERE resources_text <> lower(resources_text)) AS mixed, count(resources_text) AS n FROM events`)).getRowObjectsJS()[0]);
    expect(Number(after?.mixed)).toBe(0);
    expect(Number(after?.n)).toBeGreaterThan(0);
  });

  it('migrates an index of version 1: the aggregate of counts is filled from the stored events', async () => {
    // What version 1 wrote: no event_counts table, no text index.
    await reopenAsVersion(1, async (connection) => {
      await connection.run('DROP TABLE event_counts');
      await connection.run('DROP TABLE text_terms');
      await connection.run('DROP TABLE text_indexed_loads');
    });
    const counted = await store.read(async (c) => (await c.runAndReadAll('SELECT (SELECT sum(n) FROM event_counts) AS n, (SELECT max(version) FROM schema_version) AS v')).getRowObjectsJS()[0]);
    expect({ n: Number(counted?.n), v: Number(counted?.v) }).toEqual({ n: events.length, v: 5 });
    // And it keeps counting what comes next.
    const more = stratus.slice(0, 3).map((r) => normalizeEvent(JSON.stringify({ ...r.record, eventID: `${String(r.record.eventID)}-again` }), lookup));
    expect((await store.insertBatch(more)).inserted).toBe(3);
    const after = await store.read(async (c) => (await c.runAndReadAll('SELECT sum(n) AS n FROM event_counts')).getRowObjectsJS()[0]);
    expect(Number(after?.n)).toBe(events.length + 3);
  });
});
