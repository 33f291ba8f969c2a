import type { EmulatorWorld } from '../world/world-types';
import { GLOBAL_REGION } from './global-services';
import { buildSeedEvents } from './seed-events';
import { loadSeedRecords, type SeedRecord } from './seed-records';
import { decodeSyntheticId, SyntheticSequence } from './synthetic-sequence';
import { compileTemplates, type SyntheticTemplate } from './synthetic-templates';
import { arraySequence, type EventSequence, type WorldEvent } from './world-event';

/**
 * All CloudTrail events of one world, per account and region, newest first: the re-timed seed
 * records, plus (when `world.eventsPerAccount > 0`) the scale generator's copies. The one event
 * source behind LookupEvents, the trail buckets in S3 and the log files written to disk, so all
 * three always agree.
 */
export interface WorldEvents {
  readonly world: EmulatorWorld;
  /** Newest-first sources for an account and region: the seed events first, then generated ones. */
  sequences(accountId: string, region: string): readonly EventSequence[];
  /** The event with this id in this account and region, if any. */
  findEvent(accountId: string, region: string, eventId: string): WorldEvent | undefined;
  /** Every seed event (small: a few hundred records), for reference checks and tests. */
  readonly seedEvents: readonly WorldEvent[];
}

const cache = new WeakMap<EmulatorWorld, WorldEvents>();

/** The world's events, built once per world object and shared by every service. */
export function getWorldEvents(world: EmulatorWorld): WorldEvents {
  let events = cache.get(world);
  if (!events) {
    events = createWorldEvents(world, loadSeedRecords());
    cache.set(world, events);
  }
  return events;
}

export function createWorldEvents(world: EmulatorWorld, records: readonly SeedRecord[]): WorldEvents {
  const seedEvents = buildSeedEvents(world, records);
  const byKey = new Map<string, WorldEvent[]>();
  const byId = new Map<string, WorldEvent>();
  for (const e of seedEvents) {
    const key = keyOf(e.accountId, e.region);
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
    byId.set(e.eventId, e);
  }
  const order = new Map(seedEvents.map((e, k) => [e, k]));
  const seedSequences = new Map<string, EventSequence>();
  for (const [key, list] of byKey) {
    // Newest first; within the same instant, later records first (stable, seed order).
    list.sort((a, b) => b.timeMs - a.timeMs || order.get(b)! - order.get(a)!);
    seedSequences.set(key, arraySequence(list));
  }

  let templates: { all: SyntheticTemplate[]; regional: SyntheticTemplate[] } | undefined;
  const synthetic = new Map<string, SyntheticSequence | undefined>();
  const syntheticFor = (accountId: string, region: string): SyntheticSequence | undefined => {
    const key = keyOf(accountId, region);
    if (synthetic.has(key)) return synthetic.get(key);
    let seq: SyntheticSequence | undefined;
    const regionIndex = world.regions.indexOf(region);
    const perAccount = Math.max(0, Math.floor(world.eventsPerAccount));
    if (perAccount > 0 && regionIndex >= 0 && world.accounts.some((a) => a.id === accountId)) {
      if (!templates) {
        const all = compileTemplates(world, records);
        templates = { all, regional: all.filter((t) => !t.global) };
      }
      // Global-service templates only make sense in us-east-1, where AWS records them.
      const pool = region === GLOBAL_REGION ? templates.all : templates.regional;
      const regionsCount = world.regions.length;
      const length = Math.floor(perAccount / regionsCount) + (regionIndex < perAccount % regionsCount ? 1 : 0);
      if (pool.length > 0 && length > 0) seq = new SyntheticSequence(world, accountId, region, regionIndex, pool, length);
    }
    synthetic.set(key, seq);
    return seq;
  };

  return {
    world,
    seedEvents,
    sequences(accountId, region) {
      const out: EventSequence[] = [];
      const seeded = seedSequences.get(keyOf(accountId, region));
      if (seeded) out.push(seeded);
      const generated = syntheticFor(accountId, region);
      if (generated) out.push(generated);
      return out;
    },
    findEvent(accountId, region, eventId) {
      const seeded = byId.get(eventId);
      if (seeded) return seeded.accountId === accountId && seeded.region === region ? seeded : undefined;
      const decoded = decodeSyntheticId(world, accountId, eventId);
      if (!decoded || world.regions[decoded.regionIndex] !== region) return undefined;
      const seq = syntheticFor(accountId, region);
      if (!seq || decoded.index >= seq.length) return undefined;
      return seq.eventId(decoded.index) === eventId ? seq.eventAt(decoded.index) : undefined;
    },
  };
}

function keyOf(accountId: string, region: string): string {
  return `${accountId}\u0000${region}`;
}
