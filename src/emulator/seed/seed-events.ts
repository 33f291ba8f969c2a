import type { EmulatorWorld } from '../world/world-types';
import { summarizeRecord } from './event-summary';
import { formatEventTime, parseEventTime, type ParsedTime } from './event-time';
import { GLOBAL_REGION, isGlobalEventSource } from './global-services';
import { hashParts, mix, unitFloat, uuidFromWords } from './hash';
import { field, objectField, setField, stringField, type JsonObject } from './record-fields';
import { mapStrings, stringRemapper } from './record-remap';
import type { SeedRecord } from './seed-records';
import type { WorldEvent } from './world-event';

const DAY_MS = 86_400_000;
/** Seed records land in the last 30 days before the world was created. */
export const SEED_WINDOW_MS = 30 * DAY_MS;

/**
 * The seed records placed in one world: re-timed into the 30 days before `world.createdAt`,
 * moved to the world's accounts and regions, each with a unique eventID. Everything else in a
 * record (scrambled IPs, unknown fields, odd time layouts) is left as published.
 *
 * A group (one Stratus technique) moves as a unit: one account, one region, one time shift, so
 * the attack still reads as a sequence.
 */
export function buildSeedEvents(world: EmulatorWorld, records: readonly SeedRecord[]): WorldEvent[] {
  const groups = new Map<string, SeedRecord[]>();
  for (const r of records) {
    const list = groups.get(r.group);
    if (list) list.push(r);
    else groups.set(r.group, [r]);
  }
  const usedIds = new Set<string>();
  const out: WorldEvent[] = [];
  for (const [group, members] of groups) {
    for (const event of placeGroup(world, group, members, usedIds)) out.push(event);
  }
  return out;
}

/** The world account a foreign account id maps to (stable per seed). */
export function worldAccountFor(world: EmulatorWorld, label: string): string {
  const account = world.accounts[hashParts(world.seed, 'account', label) % world.accounts.length];
  if (!account) throw new Error('the world has no accounts');
  return account.id;
}

/** The world region a foreign region name maps to: kept when the world has it. */
export function worldRegionFor(world: EmulatorWorld, label: string, original: string | undefined): string {
  if (original !== undefined && world.regions.includes(original)) return original;
  return world.regions[hashParts(world.seed, 'region', label) % world.regions.length] ?? GLOBAL_REGION;
}

/** The account a record belongs to in its source data: its recipient, else its caller's. */
export function primaryAccountOf(record: JsonObject): string | undefined {
  const identity = objectField(record, 'userIdentity');
  return stringField(record, 'recipientAccountId') ?? (identity ? stringField(identity, 'accountId') : undefined);
}

/** Account ids a record names in identity fields (the ones re-mapped besides the recipient). */
export function identityAccountsOf(record: JsonObject): string[] {
  const identity = objectField(record, 'userIdentity');
  if (!identity) return [];
  const issuer = objectField(objectField(identity, 'sessionContext') ?? {}, 'sessionIssuer');
  return [stringField(identity, 'accountId'), issuer ? stringField(issuer, 'accountId') : undefined].filter(
    (v): v is string => v !== undefined,
  );
}

function placeGroup(world: EmulatorWorld, group: string, members: SeedRecord[], usedIds: Set<string>): WorldEvent[] {
  const targetAccount = worldAccountFor(world, `group:${group}`);
  const accounts = new Map<string, string>();
  for (const { record } of members) {
    const primary = primaryAccountOf(record);
    if (primary !== undefined) accounts.set(primary, targetAccount);
  }
  for (const { record } of members) {
    for (const id of identityAccountsOf(record)) {
      if (!accounts.has(id)) accounts.set(id, worldAccountFor(world, `foreign:${id}`));
    }
  }
  const regions = new Map<string, string>();
  for (const { record } of members) {
    const region = stringField(record, 'awsRegion');
    if (region !== undefined && !regions.has(region)) regions.set(region, worldRegionFor(world, `${group}:${region}`, region));
  }
  const fallbackRegion = worldRegionFor(world, `${group}:none`, undefined);
  const rewrite = stringRemapper({ accounts, regions });
  const times = retimeGroup(world, group, members.map((m) => parseEventTime(field(m.record, 'eventTime'))));

  return members.map((member, index) => {
    const original = member.record;
    const record = mapStrings(original, rewrite) as JsonObject;
    const parsed = parseEventTime(field(original, 'eventTime'));
    const timeMs = times[index]!;
    if (parsed) setField(record, 'eventTime', formatEventTime(timeMs, parsed.layout));

    const eventSource = stringField(original, 'eventSource');
    const originalRegion = stringField(original, 'awsRegion');
    const mapped = originalRegion === undefined ? fallbackRegion : (regions.get(originalRegion) ?? fallbackRegion);
    const region = isGlobalEventSource(eventSource) ? GLOBAL_REGION : mapped;
    if (originalRegion !== undefined) setField(record, 'awsRegion', region);
    if (field(original, 'recipientAccountId') !== undefined) setField(record, 'recipientAccountId', targetAccount);

    let eventId = stringField(original, 'eventID');
    if (eventId === undefined || usedIds.has(eventId)) {
      eventId = uniqueId(member.source, usedIds);
      setField(record, 'eventID', eventId);
    }
    usedIds.add(eventId);
    return {
      eventId,
      timeMs,
      accountId: targetAccount,
      region,
      json: JSON.stringify(record),
      summary: summarizeRecord(record),
      synthetic: false,
    };
  });
}

/**
 * New times for a group, in record order. The group's parseable times keep their spacing and
 * order, shifted by whole seconds to a seed-chosen point of the 30-day window; records without a
 * usable time take the time of the record before them (or the group's start).
 */
function retimeGroup(world: EmulatorWorld, group: string, parsed: (ParsedTime | undefined)[]): number[] {
  const known = parsed.filter((p): p is ParsedTime => p !== undefined).map((p) => p.ms);
  const windowStart = Math.floor((world.createdAt.getTime() - SEED_WINDOW_MS) / 1000) * 1000;
  const min = known.length ? Math.min(...known) : 0;
  const span = known.length ? Math.max(...known) - min : 0;
  // A minute of margin keeps the newest record strictly before createdAt.
  const room = Math.max(0, SEED_WINDOW_MS - span - 60_000);
  const start = windowStart + Math.floor((unitFloat(hashParts(world.seed, 'retime', group)) * room) / 1000) * 1000;
  const scale = span > SEED_WINDOW_MS - 60_000 ? (SEED_WINDOW_MS - 60_000) / span : 1;
  const shiftFrom = Math.floor(min / 1000) * 1000;
  let previous = start;
  return parsed.map((p) => {
    if (!p) return previous;
    previous = scale === 1 ? start + (p.ms - shiftFrom) : start + Math.floor((p.ms - min) * scale);
    return previous;
  });
}

function uniqueId(source: string, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const h = hashParts('seed-event-id', source, attempt);
    const id = uuidFromWords(h, mix(h, 1), mix(h, 2), mix(h, 3));
    if (!used.has(id)) return id;
  }
}
