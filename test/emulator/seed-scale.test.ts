import { describe, expect, it } from 'vitest';
import { EventCursor } from '../../src/emulator/seed/event-cursor';
import { SYNTHETIC_WINDOW_MS } from '../../src/emulator/seed/synthetic-sequence';
import { firstAtOrBefore } from '../../src/emulator/seed/world-event';
import { createWorldEvents, getWorldEvents } from '../../src/emulator/seed/world-events';
import { loadSeedRecords } from '../../src/emulator/seed/seed-records';
import { CT_NOW, ctWorld } from './helpers/ct-world';

describe('the scale generator', () => {
  it('generates 200k unique events newest first, in the 90 days before the world was created', () => {
    const world = ctWorld({ eventsPerAccount: 600_000 });
    const account = world.accounts[2]!.id;
    const seqs = getWorldEvents(world).sequences(account, 'eu-west-1');
    expect(seqs.at(-1)!.length).toBe(200_000);
    const cursor = new EventCursor(seqs, seqs.map(() => 0));
    const ids = new Set<string>();
    const requestIds = new Set<string>();
    let previous = Infinity;
    let generated = 0;
    let outOfOrder = 0;
    let tagged = 0;
    for (let next = cursor.next(); next; next = cursor.next()) {
      const e = next.seq.eventAt(next.index);
      if (e.timeMs > previous) outOfOrder++;
      previous = e.timeMs;
      ids.add(e.eventId);
      if (e.synthetic) {
        generated++;
        // Only the side flag says "generated": the record is a CloudTrail record like the others.
        if (e.json.includes('auditdesk')) tagged++;
        const at = e.json.indexOf('"requestID":"') + 13;
        if (at > 12) requestIds.add(e.json.slice(at, at + 36));
      }
    }
    expect(outOfOrder).toBe(0);
    expect(tagged).toBe(0);
    expect(generated).toBe(200_000);
    expect(ids.size).toBe(200_000 + seqs[0]!.length * Number(seqs.length === 2));
    expect(requestIds.size).toBeGreaterThan(190_000);
    expect(previous).toBeGreaterThan(CT_NOW.getTime() - SYNTHETIC_WINDOW_MS);
  });

  it('makes event i a pure function of (seed, account, region, i)', () => {
    const a = getWorldEvents(ctWorld({ eventsPerAccount: 30_000 }));
    const b = createWorldEvents(ctWorld({ eventsPerAccount: 30_000 }), loadSeedRecords());
    const c = createWorldEvents(ctWorld({ eventsPerAccount: 30_000, seed: 'other' }), loadSeedRecords());
    const account = '333333333333';
    const sa = a.sequences(account, 'us-east-1').at(-1)!;
    const sb = b.sequences(account, 'us-east-1').at(-1)!;
    const sc = c.sequences(account, 'us-east-1').at(-1)!;
    for (const i of [0, 1, 777, 9_999]) {
      expect(sb.eventAt(i)).toEqual(sa.eventAt(i));
      expect(sc.eventAt(i).eventId).not.toBe(sa.eventAt(i).eventId);
    }
    // Random access needs nothing before it: the same event from a fresh generator.
    expect(a.sequences(account, 'us-east-1').at(-1)!.eventAt(9_999).json).toBe(sa.eventAt(9_999).json);
  });

  it('remaps generated records to the account and Region, with global services only in us-east-1', () => {
    const events = getWorldEvents(ctWorld({ eventsPerAccount: 30_000 }));
    const account = '444444444444';
    for (const region of ['us-east-1', 'eu-central-1']) {
      const seq = events.sequences(account, region).at(-1)!;
      for (let i = 0; i < 2_000; i += 7) {
        const e = seq.eventAt(i);
        const record = JSON.parse(e.json) as { recipientAccountId?: string; awsRegion: string; eventID: string; eventTime: string; eventSource: string };
        expect(record.eventID).toBe(e.eventId);
        expect(Date.parse(record.eventTime)).toBe(e.timeMs);
        if (record.recipientAccountId !== undefined) expect(record.recipientAccountId).toBe(account);
        expect(record.awsRegion).toBe(region);
        if (region !== 'us-east-1') expect(['iam.amazonaws.com', 'sts.amazonaws.com', 'signin.amazonaws.com']).not.toContain(record.eventSource);
      }
    }
  });

  it('finds a generated event by id and a moment by binary search', () => {
    const events = getWorldEvents(ctWorld({ eventsPerAccount: 90_000 }));
    const account = '222222222222';
    const seq = events.sequences(account, 'eu-west-1').at(-1)!;
    const e = seq.eventAt(12_345);
    expect(events.findEvent(account, 'eu-west-1', e.eventId)).toEqual(e);
    expect(events.findEvent(account, 'us-east-1', e.eventId)).toBeUndefined();
    expect(events.findEvent('333333333333', 'eu-west-1', e.eventId)).toBeUndefined();
    const at = firstAtOrBefore(seq, e.timeMs);
    expect(seq.timeAt(at)).toBe(e.timeMs);
    expect(at === 0 || seq.timeAt(at - 1) > e.timeMs).toBe(true);
  });
});
