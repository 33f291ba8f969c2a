import { CloudTrailClient, LookupEventsCommand, paginateLookupEvents, type Event as CtEvent, type LookupEventsCommandInput } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorldEvent } from '../../src/emulator/seed/world-event';
import { getWorldEvents } from '../../src/emulator/seed/world-events';
import { createCloudTrailService } from '../../src/emulator/services/cloudtrail/cloudtrail-service';
import { credentialsFor, startCtHarness, testCaller, type CtHarness } from './helpers/ct-harness';
import { CT_NOW, ctWorld } from './helpers/ct-world';

const world = ctWorld();
const seed = getWorldEvents(world).seedEvents;
let harness: CtHarness;

function client(accountId: string, region: string): CloudTrailClient {
  return new CloudTrailClient({ region, endpoint: harness.endpoint, credentials: credentialsFor(testCaller(accountId)), maxAttempts: 1 });
}

/** The reference: seed events of an account and region through a plain filter, newest first. */
function expected(accountId: string, region: string, keep: (e: WorldEvent) => boolean = () => true): string[] {
  // Ties (same instant) come later-loaded first, as the store orders them.
  return seed
    .map((e, order) => ({ e, order }))
    .filter(({ e }) => e.accountId === accountId && e.region === region && keep(e))
    .sort((a, b) => b.e.timeMs - a.e.timeMs || b.order - a.order)
    .map(({ e }) => e.eventId);
}

async function all(c: CloudTrailClient, input: LookupEventsCommandInput, pageSize = 50): Promise<CtEvent[]> {
  const out: CtEvent[] = [];
  for await (const page of paginateLookupEvents({ client: c, pageSize }, input)) out.push(...(page.Events ?? []));
  return out;
}

/** The account and region holding the most seed events. */
function busiest(): { accountId: string; region: string } {
  const counts = new Map<string, number>();
  for (const e of seed) counts.set(`${e.accountId} ${e.region}`, (counts.get(`${e.accountId} ${e.region}`) ?? 0) + 1);
  const [key] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const [accountId, region] = key.split(' ');
  return { accountId: accountId!, region: region! };
}

beforeAll(async () => {
  harness = await startCtHarness({
    modules: [createCloudTrailService({ world, clock: () => CT_NOW, lookupEventsTps: Infinity })],
    callers: world.accounts.map((a) => testCaller(a.id)),
    clock: () => CT_NOW,
  });
});
afterAll(() => harness.close());

describe('LookupEvents through the real SDK', () => {
  const { accountId, region } = busiest();

  it('pages through every seed event of an account and region exactly once, newest first', async () => {
    const events = await all(client(accountId, region), {}, 7);
    const ids = events.map((e) => e.EventId);
    expect(ids.length).toBeGreaterThan(14);
    expect(ids).toEqual(expected(accountId, region));
    expect(new Set(ids).size).toBe(ids.length);
    const times = events.map((e) => e.EventTime!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('returns each event with the model fields and the record as CloudTrailEvent', async () => {
    const [first] = (await client(accountId, region).send(new LookupEventsCommand({ MaxResults: 1 }))).Events ?? [];
    const ref = seed.find((e) => e.eventId === first!.EventId)!;
    expect(first!.CloudTrailEvent).toBe(ref.json);
    const record = JSON.parse(first!.CloudTrailEvent!) as Record<string, unknown>;
    expect(record.eventID ?? record.eventid).toBe(first!.EventId);
    expect(first!.EventName).toBe(ref.summary.eventName);
    expect(first!.EventSource).toBe(ref.summary.eventSource);
    expect(first!.EventTime!.getTime()).toBe(Math.floor(ref.timeMs / 1000) * 1000);
    if (ref.summary.readOnly) expect(first!.ReadOnly).toBe(ref.summary.readOnly);
    expect(first!.Resources).toEqual(ref.summary.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })));
  });

  it('filters by each of the eight lookup attributes like a plain filter over the seed', async () => {
    const mine = seed.filter((e) => e.accountId === accountId && e.region === region);
    const pick = <T,>(values: (T | undefined)[]): T => values.find((v) => v !== undefined)!;
    const cases: [string, string, (e: WorldEvent) => boolean][] = [];
    const eventName = mine[3]!.summary.eventName;
    cases.push(['EventName', eventName, (e) => e.summary.eventName === eventName]);
    const source = mine[0]!.summary.eventSource;
    cases.push(['EventSource', source, (e) => e.summary.eventSource === source]);
    cases.push(['ReadOnly', 'false', (e) => e.summary.readOnly === 'false']);
    cases.push(['ReadOnly', 'true', (e) => e.summary.readOnly === 'true']);
    const user = pick(mine.map((e) => e.summary.username));
    cases.push(['Username', user, (e) => e.summary.username === user]);
    const key = pick(mine.map((e) => e.summary.accessKeyId));
    cases.push(['AccessKeyId', key, (e) => e.summary.accessKeyId === key]);
    const resource = pick(mine.map((e) => e.summary.resources[0]));
    cases.push(['ResourceType', resource.type, (e) => e.summary.resources.some((r) => r.type === resource.type)]);
    cases.push(['ResourceName', resource.name, (e) => e.summary.resources.some((r) => r.name === resource.name)]);
    const target = mine[5]!;
    cases.push(['EventId', target.eventId, (e) => e.eventId === target.eventId]);

    for (const [AttributeKey, AttributeValue, keep] of cases) {
      const got = await all(client(accountId, region), { LookupAttributes: [{ AttributeKey: AttributeKey as 'EventName', AttributeValue }] }, 10);
      const want = expected(accountId, region, keep);
      expect(want.length, `${AttributeKey}=${AttributeValue}`).toBeGreaterThan(0);
      expect(got.map((e) => e.EventId), `${AttributeKey}=${AttributeValue}`).toEqual(want);
    }
  });

  it('keeps to the StartTime/EndTime window, inclusive', async () => {
    const ids = expected(accountId, region);
    const times = ids.map((id) => seed.find((e) => e.eventId === id)!.timeMs);
    const end = new Date(Math.floor(times[2]! / 1000) * 1000);
    const start = new Date(Math.floor(times[Math.min(9, times.length - 1)]! / 1000) * 1000);
    const got = await all(client(accountId, region), { StartTime: start, EndTime: end }, 3);
    const want = expected(accountId, region, (e) => e.timeMs >= start.getTime() && e.timeMs <= end.getTime());
    expect(got.map((e) => e.EventId)).toEqual(want);
    expect(got.length).toBeGreaterThanOrEqual(5);
  });

  it('shows an account only its own events, and a Region only its own', async () => {
    for (const account of world.accounts) {
      for (const r of world.regions) {
        const got = await all(client(account.id, r), {});
        expect(got.map((e) => e.EventId)).toEqual(expected(account.id, r));
      }
    }
    const got = await all(client(accountId, 'ap-northeast-3'), {});
    expect(got).toEqual([]);
  });

  it('records global-service events (IAM, STS, sign-in) in us-east-1 only', async () => {
    for (const r of world.regions.filter((x) => x !== 'us-east-1')) {
      for (const account of world.accounts) {
        const got = await all(client(account.id, r), { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }] });
        expect(got).toEqual([]);
      }
    }
    const iam = seed.filter((e) => e.summary.eventSource === 'iam.amazonaws.com');
    expect(iam.length).toBeGreaterThan(0);
    expect(new Set(iam.map((e) => e.region))).toEqual(new Set(['us-east-1']));
  });

  it('reaches back 90 days from the clock and no further', async () => {
    const later = new Date(CT_NOW.getTime() + 75 * 86_400_000);
    const h = await startCtHarness({
      modules: [createCloudTrailService({ world, clock: () => later, lookupEventsTps: Infinity })],
      callers: [testCaller(accountId)],
      clock: () => later,
    });
    try {
      const c = new CloudTrailClient({ region, endpoint: h.endpoint, credentials: credentialsFor(testCaller(accountId)), maxAttempts: 1 });
      const got: CtEvent[] = [];
      for await (const page of paginateLookupEvents({ client: c }, {})) got.push(...(page.Events ?? []));
      const cutoff = later.getTime() - 90 * 86_400_000;
      expect(got.map((e) => e.EventId)).toEqual(expected(accountId, region, (e) => e.timeMs >= cutoff));
      expect(got.length).toBeLessThan(expected(accountId, region).length);
    } finally {
      await h.close();
    }
  });
});
