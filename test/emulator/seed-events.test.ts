import { describe, expect, it } from 'vitest';
import { buildSeedEvents, SEED_WINDOW_MS } from '../../src/emulator/seed/seed-events';
import { loadSeedRecords } from '../../src/emulator/seed/seed-records';
import { CT_NOW, ctWorld } from './helpers/ct-world';

const world = ctWorld();
const records = loadSeedRecords();
const events = buildSeedEvents(world, records);
const parsed = events.map((e) => JSON.parse(e.json) as Record<string, unknown>);
const accountIds = new Set(world.accounts.map((a) => a.id));

describe('seed events placed in a world', () => {
  it('keeps every record, each once, with a unique eventID that the record carries', () => {
    expect(events).toHaveLength(records.length);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    parsed.forEach((r, k) => expect(r.eventID).toBe(events[k]!.eventId));
    expect(events.every((e) => !e.synthetic)).toBe(true);
  });

  it('is deterministic: same world, same events; another seed, another placement', () => {
    expect(buildSeedEvents(world, records)).toEqual(events);
    const other = buildSeedEvents(ctWorld({ seed: 'another' }), records);
    expect(other.map((e) => e.timeMs)).not.toEqual(events.map((e) => e.timeMs));
  });

  it('re-times into the 30 days before the world was created, keeping the order of each technique', () => {
    for (const e of events) {
      expect(e.timeMs).toBeLessThan(CT_NOW.getTime());
      expect(e.timeMs).toBeGreaterThanOrEqual(CT_NOW.getTime() - SEED_WINDOW_MS);
    }
    const groups = new Map<string, number[]>();
    records.forEach((r, k) => {
      if (!r.group.startsWith('stratus/')) return;
      const list = groups.get(r.group) ?? [];
      list.push(k);
      groups.set(r.group, list);
    });
    for (const [, indexes] of groups) {
      const before = indexes.map((k) => Date.parse(String(records[k]!.record.eventTime)));
      const after = indexes.map((k) => events[k]!.timeMs);
      // Same spacing: re-timing is one shift by whole seconds per technique.
      const shift = after[0]! - before[0]!;
      expect(shift % 1000).toBe(0);
      after.forEach((t, j) => expect(t - before[j]!).toBe(shift));
    }
  });

  it('writes the new time in the record in its original layout, and leaves missing times missing', () => {
    records.forEach((r, k) => {
      const original = r.record.eventTime;
      const now = parsed[k]!.eventTime;
      if (typeof original === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(original)) expect(now).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      if (typeof original === 'string' && /\.\d{9}$/.test(original)) expect(String(now).slice(-10)).toBe(original.slice(-10));
      if (original === undefined) expect(now).toBeUndefined();
      if (original === 'redacted') expect(now).toBe('redacted');
    });
  });

  it("moves records to the world's accounts and regions, global services to us-east-1", () => {
    const stratus = records.map((r, k) => ({ r, k })).filter(({ r }) => r.source.startsWith('stratus/'));
    for (const { r, k } of stratus) {
      const p = parsed[k]!;
      expect(accountIds.has(String(p.recipientAccountId))).toBe(true);
      expect(p.recipientAccountId).toBe(events[k]!.accountId);
      expect(world.regions).toContain(p.awsRegion);
      // The original scrambled ids and regions are gone from identity ARNs.
      const identity = p.userIdentity as { arn?: string; accountId?: string };
      expect(identity.accountId).toBe(events[k]!.accountId);
      expect(identity.arn).not.toContain(String(r.record.recipientAccountId));
      expect(JSON.stringify(p)).not.toContain(String(r.record.awsRegion));
    }
    const global = events.filter((e) => ['iam.amazonaws.com', 'sts.amazonaws.com', 'signin.amazonaws.com'].includes(e.summary.eventSource));
    expect(global.length).toBeGreaterThan(50);
    expect(global.every((e) => e.region === 'us-east-1')).toBe(true);
    expect(events.every((e) => accountIds.has(e.accountId) && world.regions.includes(e.region))).toBe(true);
    expect(new Set(events.map((e) => e.accountId)).size).toBe(world.accounts.length);
  });

  it('leaves everything else in a record as published', () => {
    const untouched = ['sourceIPAddress', 'userAgent', 'eventName', 'eventSource', 'errorCode', 'p_log_type', 'eventVersion', 'readOnly'];
    records.forEach((r, k) => {
      for (const key of untouched) expect(parsed[k]![key], `${r.source} ${key}`).toEqual(r.record[key]);
      expect(Object.keys(parsed[k]!).filter((key) => key !== 'eventID').sort()).toEqual(Object.keys(r.record).filter((key) => key !== 'eventID').sort());
    });
  });
});
