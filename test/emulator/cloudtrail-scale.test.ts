import { CloudTrailClient, LookupEventsCommand, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventCursor } from '../../src/emulator/seed/event-cursor';
import { getWorldEvents } from '../../src/emulator/seed/world-events';
import { createCloudTrailService } from '../../src/emulator/services/cloudtrail/cloudtrail-service';
import { credentialsFor, startCtHarness, testCaller, type CtHarness } from './helpers/ct-harness';
import { CT_NOW, ctWorld } from './helpers/ct-world';

const world = ctWorld({ eventsPerAccount: 150_000 });
const events = getWorldEvents(world);
const account = world.accounts[1]!.id;
const region = 'eu-central-1';
let harness: CtHarness;

function client(): CloudTrailClient {
  return new CloudTrailClient({ region, endpoint: harness.endpoint, credentials: credentialsFor(testCaller(account)), maxAttempts: 1 });
}

/** The reference order: all events of the account and Region, newest first, straight from the store. */
function reference(limit: number, keep: (eventName: string) => boolean = () => true, endMs = Infinity): string[] {
  const seqs = events.sequences(account, region);
  const cursor = EventCursor.atOrBefore(seqs, endMs);
  const out: string[] = [];
  for (let next = cursor.next(); next && out.length < limit; next = cursor.next()) {
    if (keep(next.seq.summaryAt(next.index).eventName)) out.push(next.seq.eventAt(next.index).eventId);
  }
  return out;
}

beforeAll(async () => {
  harness = await startCtHarness({
    modules: [createCloudTrailService({ world, clock: () => CT_NOW, lookupEventsTps: Infinity })],
    callers: [testCaller(account)],
    clock: () => CT_NOW,
  });
});
afterAll(() => harness.close());

describe('LookupEvents over a scale world (generated events)', () => {
  it('pages through generated and seed events merged, newest first, without repeats', async () => {
    const ids: string[] = [];
    for await (const page of paginateLookupEvents({ client: client(), pageSize: 50 }, {})) {
      ids.push(...(page.Events ?? []).map((e) => e.EventId!));
      if (ids.length >= 1_000) break;
    }
    expect(ids).toEqual(reference(1_000));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('seeks to EndTime and filters by EventName across the generated events', async () => {
    const end = new Date(CT_NOW.getTime() - 40 * 86_400_000);
    const first = await client().send(new LookupEventsCommand({ EndTime: end, MaxResults: 20 }));
    expect(first.Events!.map((e) => e.EventId)).toEqual(reference(20, () => true, end.getTime()));
    expect(first.Events!.every((e) => e.EventTime!.getTime() <= end.getTime())).toBe(true);

    const name = events.sequences(account, region).at(-1)!.summaryAt(3).eventName;
    const got: string[] = [];
    for await (const page of paginateLookupEvents({ client: client(), pageSize: 50 }, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }] })) {
      got.push(...(page.Events ?? []).map((e) => e.EventId!));
      if (got.length >= 300) break;
    }
    expect(got.slice(0, 300)).toEqual(reference(300, (n) => n === name).slice(0, got.length));
    expect(got.length).toBeGreaterThanOrEqual(300);
  });

  it('finds a generated event by EventId', async () => {
    const target = events.sequences(account, region).at(-1)!.eventAt(31_337);
    const res = await client().send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: target.eventId }] }));
    expect(res.Events!.map((e) => e.CloudTrailEvent)).toEqual([target.json]);
  });
});
