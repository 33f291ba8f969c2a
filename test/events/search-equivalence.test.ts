import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../src/main/services/events/event-model';
import { normalizeEvent } from '../../src/main/services/events/normalize-event';
import { parseQuery } from '../../src/main/services/search/parse-query';
import { queryLeaves } from '../../src/main/services/search/query-ast';
import { createSearchService, type SearchRequest, type SearchService } from '../../src/main/services/search/search-service';
import { importFolder } from '../../src/main/services/trail-import/import-folder';
import { readRows } from '../../src/main/store/duckdb-database';
import { createEventStore, type EventStore } from '../../src/main/store/event-store';
import { CLOUDTRAIL_DATA, loadRealRecords } from './helpers/real-data';

/**
 * THE check of the search: over the index of every real record, each query returns exactly the
 * events a plain filter picks from the same records, newest first, across all pages. The filter
 * below is written for this test, with its own glob and time handling, over the TypeScript
 * normalisation of each stored record; the search runs the query language compiled to SQL over
 * the columns the SQL normaliser wrote.
 */
const NOW = new Date('2025-06-01T12:00:00Z');
let dir: string;
let store: EventStore;
let search: SearchService;
let events: NormalizedEvent[];
/** The store's tie-break between events of one time: a hash of the index key. */
const keyHash = new Map<string, bigint>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'auditdesk-search-'));
  store = await createEventStore({ path: join(dir, 'index.duckdb'), threads: 2 });
  await importFolder({ store, folder: CLOUDTRAIL_DATA, clock: () => NOW });
  search = createSearchService({ store, clock: () => NOW });
  const rows = await store.read((c) => readRows(c, 'SELECT event_key, key_hash, raw, source, source_ref FROM events'));
  for (const r of rows) keyHash.set(String(r.event_key), BigInt(r.key_hash as bigint));
  events = rows.map((r) => ({
    ...normalizeEvent(String(r.raw), { source: 'import', sourceRef: String(r.source_ref), profile: null, retrievedAt: NOW.toISOString() }),
    key: String(r.event_key),
  }));
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

// ---- the reference filter ------------------------------------------------------------------

const lower = (v: string | null | undefined) => (v ?? '').toLowerCase();
/** `*` any run, `?` one character, whole value, case-insensitive. */
function glob(pattern: string): (value: string | null | undefined) => boolean {
  const source = pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  const re = new RegExp(`^${source}$`, 'is');
  return (value) => value !== null && value !== undefined && re.test(value);
}
const is = (value: string | null | undefined, pattern: string) => glob(pattern)(value);
const principalIs = (e: NormalizedEvent, pattern: string) => [e.principal, e.principalArn, e.principalName, e.sessionName].some((v) => is(v, pattern));
const time = (e: NormalizedEvent) => (e.eventTime === null ? null : Date.parse(e.eventTime));
const after = (e: NormalizedEvent, iso: string) => time(e) !== null && (time(e) as number) >= Date.parse(iso);
const before = (e: NormalizedEvent, iso: string) => time(e) !== null && (time(e) as number) < Date.parse(iso);
const hasError = (e: NormalizedEvent) => lower(e.errorCode) !== '';
const text = (e: NormalizedEvent, needle: string) => e.raw.toLowerCase().includes(needle.toLowerCase());
const DAY = 86_400_000;

type Case = { query: string; ref: (e: NormalizedEvent) => boolean; request?: Partial<SearchRequest>; atLeast?: number };

const CASES: Case[] = [
  { query: '', ref: () => true, atLeast: 400 },
  { query: 'eventname:GetSecretValue', ref: (e) => is(e.eventName, 'GetSecretValue'), atLeast: 1 },
  { query: 'name:get*', ref: (e) => is(e.eventName, 'Get*'), atLeast: 10 },
  { query: 'eventName:"Describe*"', ref: (e) => is(e.eventName, 'Describe*'), atLeast: 1 },
  { query: 'eventname:Get?ser*', ref: (e) => is(e.eventName, 'Get?ser*') },
  { query: 'eventname:CreateRole,UpdateAssumeRolePolicy,AttachRolePolicy', ref: (e) => ['CreateRole', 'UpdateAssumeRolePolicy', 'AttachRolePolicy'].some((n) => is(e.eventName, n)), atLeast: 2 },
  { query: 'source:iam', ref: (e) => e.eventSource === 'iam.amazonaws.com', atLeast: 5 },
  { query: 'source:ec2* readonly:true', ref: (e) => is(e.eventSource, 'ec2*') && e.readOnly === true, atLeast: 1 },
  { query: 'error:*', ref: hasError, atLeast: 20 },
  { query: '-error:*', ref: (e) => !hasError(e), atLeast: 100 },
  { query: 'error:AccessDenied*', ref: (e) => is(e.errorCode, 'AccessDenied*'), atLeast: 1 },
  { query: '-error:AccessDenied', ref: (e) => !is(e.errorCode, 'AccessDenied') },
  { query: 'principal:christophe', ref: (e) => principalIs(e, 'christophe'), atLeast: 10 },
  { query: 'principal:role/*', ref: (e) => principalIs(e, 'role/*'), atLeast: 10 },
  { query: 'principaltype:AssumedRole', ref: (e) => is(e.principalType, 'AssumedRole'), atLeast: 10 },
  { query: 'principaltype:Root OR principaltype:IAMUser', ref: (e) => is(e.principalType, 'Root') || is(e.principalType, 'IAMUser'), atLeast: 10 },
  { query: 'account:123456789012', ref: (e) => is(e.account, '123456789012'), atLeast: 10 },
  { query: 'region:us-east-?', ref: (e) => is(e.awsRegion, 'us-east-?'), atLeast: 10 },
  { query: 'region:*r -region:us-*', ref: (e) => is(e.awsRegion, '*r') && !is(e.awsRegion, 'us-*'), atLeast: 10 },
  { query: 'ip:203.0.113.*', ref: (e) => is(e.sourceIpAddress, '203.0.113.*'), atLeast: 1 },
  { query: 'resource:*bucket*', ref: (e) => e.resources.some((r) => is(r, '*bucket*')), atLeast: 5 },
  // Case-insensitive, whichever case the stored resource has (its searched text is lower-cased).
  { query: 'resource:*:ROLE/*', ref: (e) => e.resources.some((r) => is(r, '*:ROLE/*')), atLeast: 5 },
  { query: 'accesskey:ASIA*', ref: (e) => is(e.accessKeyId, 'ASIA*'), atLeast: 5 },
  { query: 'useragent:*aws-cli*', ref: (e) => is(e.userAgent, '*aws-cli*'), atLeast: 1 },
  { query: 'eventid:1', ref: (e) => is(e.eventId, '1'), atLeast: 1 },
  { query: 'category:Management', ref: (e) => is(e.eventCategory, 'Management'), atLeast: 10 },
  { query: '-profile:*', ref: (e) => lower(e.profile) === '', atLeast: 400 },
  { query: 'readonly:false', ref: (e) => e.readOnly === false, atLeast: 10 },
  { query: 'since:2024-08-01', ref: (e) => after(e, '2024-08-01T00:00:00Z'), atLeast: 10 },
  { query: 'until:2023-01-01', ref: (e) => before(e, '2023-01-02T00:00:00Z'), atLeast: 10 },
  { query: 'time:[2024-07-30 TO 2024-08-01]', ref: (e) => after(e, '2024-07-30T00:00:00Z') && before(e, '2024-08-02T00:00:00Z'), atLeast: 10 },
  { query: 'time:2024-08-01', ref: (e) => after(e, '2024-08-01T00:00:00Z') && before(e, '2024-08-02T00:00:00Z'), atLeast: 10 },
  { query: 'since:365d', ref: (e) => time(e) !== null && (time(e) as number) >= NOW.getTime() - 365 * DAY, atLeast: 1 },
  { query: 'time:[2019-01-01T00:00:00Z TO *] until:2020-01-01', ref: (e) => after(e, '2019-01-01T00:00:00Z') && before(e, '2020-01-02T00:00:00Z'), atLeast: 1 },
  { query: 'accessdenied', ref: (e) => text(e, 'AccessDenied'), atLeast: 10 },
  { query: '"ASSUMED-ROLE/samplerole"', ref: (e) => text(e, 'assumed-role/SampleRole'), atLeast: 1 },
  { query: 'source:s3 -PutObject', ref: (e) => e.eventSource === 's3.amazonaws.com' && !text(e, 'PutObject'), atLeast: 1 },
  {
    query: '(eventname:Create* OR eventname:Delete*) -error:* since:2024-01-01',
    ref: (e) => (is(e.eventName, 'Create*') || is(e.eventName, 'Delete*')) && !hasError(e) && after(e, '2024-01-01T00:00:00Z'),
    atLeast: 1,
  },
  { query: 'NOT principaltype:AssumedRole AND readonly:false', ref: (e) => !is(e.principalType, 'AssumedRole') && e.readOnly === false, atLeast: 5 },
  {
    query: 'stratus',
    request: { filters: { errors: false, from: '2024-07-30T00:00:00Z', to: '2024-08-01T13:00:00Z' }, chips: [{ field: 'region', op: 'is-not', value: 'us-*' }] },
    ref: (e) => text(e, 'stratus') && !hasError(e) && after(e, '2024-07-30T00:00:00Z') && before(e, '2024-08-01T13:00:00Z') && !is(e.awsRegion, 'us-*'),
    atLeast: 5,
  },
];

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Newest first; events without a time last; then the store's key hash, descending. */
function newestFirst(a: NormalizedEvent, b: NormalizedEvent): number {
  const ta = a.eventTime === null ? null : Date.parse(a.eventTime);
  const tb = b.eventTime === null ? null : Date.parse(b.eventTime);
  if (ta !== tb) {
    if (ta === null) return 1;
    if (tb === null) return -1;
    // Sub-millisecond fractions: compare the ISO text, which sorts like the time within a second.
    return tb - ta;
  }
  if (a.eventTime !== b.eventTime) return compareBytes(b.eventTime ?? '', a.eventTime ?? '');
  const ha = keyHash.get(a.key) as bigint;
  const hb = keyHash.get(b.key) as bigint;
  return hb > ha ? 1 : hb < ha ? -1 : 0;
}

async function allPages(request: SearchRequest, service = search): Promise<{ keys: string[]; total: number }> {
  const keys: string[] = [];
  let cursor: string | undefined;
  let total = 0;
  for (let page = 0; page < 100; page += 1) {
    const result = await service.search({ ...request, limit: 97, cursor, facets: page === 0 });
    total = page === 0 ? result.total : total;
    keys.push(...result.rows.map((r) => r.key));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return { keys, total };
}

describe('search returns what a plain filter over the same records returns', () => {
  it('the index holds every real record once', async () => {
    const withId = new Set<string>();
    for (const r of loadRealRecords()) {
      const e = normalizeEvent(r.record, { source: 'import', sourceRef: null, profile: null, retrievedAt: NOW.toISOString() });
      if (!e.eventIdGenerated) withId.add(e.key);
    }
    const stored = new Set(events.filter((e) => !e.eventIdGenerated).map((e) => e.key));
    expect(stored).toEqual(withId);
    expect(await store.count()).toBe(events.length);
  });

  it.each(CASES.map((c) => [c.query || '(empty)', c] as const))('%s', async (_label, c) => {
    const expected = events.filter(c.ref).sort(newestFirst).map((e) => e.key);
    const { keys, total } = await allPages({ query: c.query, ...c.request });
    expect(keys).toEqual(expected);
    expect(total).toBe(expected.length);
    expect(expected.length).toBeGreaterThanOrEqual(c.atLeast ?? 0);
  });

  // Free text with more matches than the service reads at once takes the other path: its pages
  // are found by looking back from the newest events. Same answer expected.
  const textCases = CASES.filter((c) => queryLeaves(parseQuery(c.query)).some((leaf) => leaf.kind === 'text'));
  it('has free-text cases', () => expect(textCases.length).toBeGreaterThanOrEqual(4));
  it.each(textCases.map((c) => [c.query, c] as const))('%s, read a few matches at a time', async (_label, c) => {
    const expected = events.filter(c.ref).sort(newestFirst).map((e) => e.key);
    const { keys } = await allPages({ query: c.query, ...c.request }, createSearchService({ store, clock: () => NOW, textScanLimit: 3 }));
    expect(keys).toEqual(expected);
  });

  // The cases above ran before the text index was built (every load scanned); these run with it.
  describe('with the text index built', () => {
    beforeAll(() => store.indexText());
    it.each(textCases.map((c) => [c.query, c] as const))('%s', async (_label, c) => {
      const expected = events.filter(c.ref).sort(newestFirst).map((e) => e.key);
      const { keys, total } = await allPages({ query: c.query, ...c.request });
      expect(keys).toEqual(expected);
      expect(total).toBe(expected.length);
      const few = await allPages({ query: c.query, ...c.request }, createSearchService({ store, clock: () => NOW, textScanLimit: 3 }));
      expect(few.keys).toEqual(expected);
    });
  });
});

describe('totals and facets from the aggregate of event counts', () => {
  const countingEvents = () => createSearchService({ store, clock: () => NOW, counts: false });

  it('holds one count per stored event', async () => {
    const [row] = await store.read((c) => readRows(c, 'SELECT (SELECT sum(n) FROM event_counts) AS counted, (SELECT count(*) FROM events) AS stored'));
    expect(Number(row?.counted)).toBe(Number(row?.stored));
  });

  it.each(CASES.map((c) => [c.query || '(empty)', c] as const))('%s: the same as counting the events', async (_label, c) => {
    const request = { query: c.query, ...c.request, limit: 1 };
    const [fast, slow] = await Promise.all([search.search(request), countingEvents().search(request)]);
    expect({ total: fast.total, facets: fast.facets }).toEqual({ total: slow.total, facets: slow.facets });
  });
});

describe('search results beyond the rows', () => {
  it('counts free text exactly up to the scan limit, and says when it stopped', async () => {
    const limited = createSearchService({ store, clock: () => NOW, textScanLimit: 5 });
    const stratus = events.filter((e) => text(e, 'stratus'));
    expect(stratus.length).toBeGreaterThan(5);
    const common = await limited.search({ query: 'stratus', limit: 3 });
    expect(common).toMatchObject({ total: 5, totalExact: false, facetsExact: false });
    expect(common.rows).toHaveLength(3);
    expect(common.facets.eventSources.reduce((sum, f) => sum + f.count, 0)).toBe(5);

    const rare = events.filter((e) => text(e, 'assumed-role/SampleRole'));
    expect(rare.length).toBeGreaterThan(1);
    // Exactly as many matches as it reads: it knows it has them all.
    const justEnough = createSearchService({ store, clock: () => NOW, textScanLimit: rare.length });
    const exact = await justEnough.search({ query: '"assumed-role/samplerole"', limit: 1 });
    expect(exact).toMatchObject({ total: rare.length, totalExact: true, facetsExact: true });
    const accounts = new Map<string, number>();
    for (const e of rare) if (e.account) accounts.set(e.account, (accounts.get(e.account) ?? 0) + 1);
    expect(exact.facets.accounts).toEqual([...accounts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)));

    const field = await limited.search({ query: 'source:iam', limit: 3 });
    expect(field).toMatchObject({ total: events.filter((e) => e.eventSource === 'iam.amazonaws.com').length, totalExact: true, facetsExact: true });
  });

  // Free text is read back from the newest event in slices of time (newest-matches.ts): what it
  // counts is exactly the newest matches, whatever the number asked for, untimed events last;
  // a common word reads every event, a rarer one only the hours the text index names.
  it.each([
    ['amazonaws', false],
    ['amazonaws', true],
    ['consolelogin', false],
    ['consolelogin', true],
  ] as const)('counts and pages the newest matches of free text: %s, text index %s', async (word, textIndex) => {
    await store.indexText();
    const matches = events.filter((e) => text(e, word)).sort(newestFirst);
    expect(matches.some((e) => e.eventTime === null)).toBe(true);
    const scans = new Set([1, 2, 7, 40, Math.floor(matches.length / 2), matches.length - 1, matches.length].filter((n) => n >= 1 && n <= matches.length));
    for (const scan of scans) {
      const service = createSearchService({ store, clock: () => NOW, textScanLimit: scan, textIndex });
      const result = await service.search({ query: word, limit: Math.max(scan - 1, 1) });
      const newest = matches.slice(0, scan);
      const accounts = new Map<string, number>();
      for (const e of newest) if (e.account) accounts.set(e.account, (accounts.get(e.account) ?? 0) + 1);
      expect({ scan, total: result.total, exact: result.totalExact }).toEqual({ scan, total: scan, exact: scan === matches.length });
      expect(result.facets.accounts).toEqual([...accounts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, 10));
      expect(result.rows.map((r) => r.key)).toEqual(newest.slice(0, Math.max(scan - 1, 1)).map((e) => e.key));
    }
  });

  it('gives facets over the whole query, largest first', async () => {
    const result = await search.search({ query: 'source:iam', limit: 1 });
    const iam = events.filter((e) => e.eventSource === 'iam.amazonaws.com');
    const byName = new Map<string, number>();
    for (const e of iam) if (e.eventName) byName.set(e.eventName, (byName.get(e.eventName) ?? 0) + 1);
    const top = [...byName.values()].sort((a, b) => b - a).slice(0, 10);
    expect(result.facets.eventNames.map((f) => f.count)).toEqual(top);
    expect(result.facets.eventSources).toEqual([{ value: 'iam.amazonaws.com', count: iam.length }]);
  });

  it('counts events per day and account for the charts', async () => {
    const stats = await search.stats({ query: 'principal:christophe' });
    const mine = events.filter((e) => principalIs(e, 'christophe') && e.eventTime !== null);
    expect(stats.perDay.reduce((sum, d) => sum + d.count, 0)).toBe(mine.length);
    expect(stats.perDay[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('returns one event with its record text, and refuses a forged cursor', async () => {
    const [first] = (await search.search({ query: '', limit: 1 })).rows;
    const found = await search.getEvent(first?.key as string);
    expect(found?.event.key).toBe(first?.key);
    expect(JSON.parse(found?.raw as string)).toBeTypeOf('object');
    await expect(search.search({ query: '', cursor: 'not-a-cursor' })).rejects.toThrow(/cursor is not valid/);
  });
});
