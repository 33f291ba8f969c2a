import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeEvent } from '../../src/main/services/events/normalize-event';
import { createSearchService, type SearchRequest, type SearchResult, type SearchService } from '../../src/main/services/search/search-service';
import { importFolder } from '../../src/main/services/trail-import/import-folder';
import { openDatabase, readRows } from '../../src/main/store/duckdb-database';
import { createEventStore, type EventStore } from '../../src/main/store/event-store';
import { CLOUDTRAIL_DATA } from './helpers/real-data';

/**
 * A free-text page turn takes the matches its first page read (matches-cache.ts) while the store
 * has not been written since: the same pages as reading them again, one read instead of two.
 */
const NOW = new Date('2025-06-01T12:00:00Z');
const SCAN_LIMIT = 50;
let dir: string;
let store: EventStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'auditdesk-page-turns-'));
  store = await createEventStore({ path: join(dir, 'index.duckdb'), threads: 2 });
  await importFolder({ store, folder: CLOUDTRAIL_DATA, clock: () => NOW });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A search service over `store` that counts its reads; `keeps` false leaves out the write generation (no kept matches). */
function countingService(keeps: boolean): { service: SearchService; reads: () => number } {
  let reads = 0;
  const service = createSearchService({
    store: {
      read: (work) => {
        reads += 1;
        return store.read(work);
      },
      getEvent: (key) => store.getEvent(key),
      ...(keeps ? { writeGeneration: () => store.writeGeneration() } : {}),
    },
    clock: () => NOW,
    textScanLimit: SCAN_LIMIT,
  });
  return { service, reads: () => reads };
}

async function everyPage(service: SearchService, request: SearchRequest, onPage?: (page: SearchResult, index: number) => void): Promise<SearchResult[]> {
  const pages: SearchResult[] = [];
  let cursor: string | undefined;
  do {
    const page = await service.search({ ...request, cursor, facets: cursor === undefined });
    onPage?.(page, pages.length);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('free-text page turns', () => {
  it('give page for page what reading the matches again gives, in one read each while within them', async () => {
    const request = { query: 'amazonaws', limit: 10 };
    const kept = countingService(true);
    const fresh = countingService(false);
    const readsPerPage: number[] = [];
    let before = 0;
    const keptPages = await everyPage(kept.service, request, () => {
      readsPerPage.push(kept.reads() - before);
      before = kept.reads();
    });
    const freshPages = await everyPage(fresh.service, request);

    expect(keptPages.length).toBeGreaterThan(SCAN_LIMIT / request.limit + 1);
    expect(keptPages.map((p) => p.rows.map((r) => r.key))).toEqual(freshPages.map((p) => p.rows.map((r) => r.key)));
    expect(keptPages.map((p) => [p.total, p.totalExact])).toEqual(freshPages.map((p) => [p.total, p.totalExact]));
    // The first page reads the matches and its page; each turn after it, its page alone.
    expect(readsPerPage.slice(0, 1 + SCAN_LIMIT / request.limit)).toEqual([2, 1, 1, 1, 1, 1]);
    expect(fresh.reads()).toBe(2 * freshPages.length);
  });

  it('read them again once the store was written, and count what was written', async () => {
    const { service, reads } = countingService(true);
    const request = { query: 'ConsoleLogin', limit: 2 };
    const first = await service.search(request);
    expect(first.totalExact).toBe(true);
    expect(first.nextCursor).toBeDefined();

    // A newer sign-in, stored between the first page and the turn.
    const [row] = await store.read((c) => readRows(c, `SELECT raw FROM events WHERE event_name = 'ConsoleLogin' LIMIT 1`));
    const record = { ...(JSON.parse(String(row?.raw)) as Record<string, unknown>), eventID: 'page-turn-test-new-event', eventTime: '2025-06-01T11:00:00Z' };
    const stored = await store.insertBatch([normalizeEvent(record, { source: 'lookup-events', sourceRef: 'test', profile: null, retrievedAt: NOW.toISOString() })]);
    expect(stored.inserted).toBe(1);

    const readsBefore = reads();
    const turned = await service.search({ ...request, cursor: first.nextCursor, facets: false });
    expect(reads() - readsBefore).toBe(2);
    expect(turned.total).toBe(first.total + 1);
  });
});

describe("the database's write generation", () => {
  it('is null while a write runs, new after every write that ended (failed ones too), and never the same for two databases', async () => {
    const db = await openDatabase({ path: ':memory:', threads: 1 });
    let release = () => undefined as void;
    try {
      const other = await openDatabase({ path: ':memory:', threads: 1 });
      const seen = [db.writeGeneration(), other.writeGeneration()];
      await other.close();
      const running = db.exclusive(() => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((resolve) => setImmediate(resolve));
      expect(db.writeGeneration()).toBeNull();
      release();
      await running;
      seen.push(db.writeGeneration());
      await expect(db.exclusive(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
      seen.push(db.writeGeneration());
      // Numbers, each new: two databases never share one, and no write leaves it as it was.
      expect(seen.every((g) => typeof g === 'number')).toBe(true);
      expect(new Set(seen).size).toBe(seen.length);
    } finally {
      // A failed expectation above must not leave close() waiting on the write.
      release();
      await db.close();
    }
  });
});
