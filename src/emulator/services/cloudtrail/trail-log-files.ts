import { alnumFromHash, hashParts } from '../../seed/hash';
import { EventCursor } from '../../seed/event-cursor';
import { firstAtOrBefore, type WorldEvent } from '../../seed/world-event';
import type { WorldEvents } from '../../seed/world-events';
import type { EmulatorWorld } from '../../world/world-types';
import type { LogLayout } from './trails';

/**
 * The world's events as CloudTrail log files: one file per account, Region and hour with events
 * (AWS delivers about every five minutes; an hour keeps the object count sane for big worlds).
 * Files are derived on demand from the same event source as LookupEvents, so a file's records
 * are exactly the events LookupEvents returns for that hour.
 */
export const HOUR_MS = 3_600_000;

/**
 * gzip level for generated files: 1 is about twice as fast as zlib's default for a size only a
 * few per cent larger, and every file is compressed on demand (a listing needs each size).
 */
export const LOG_GZIP_LEVEL = 1;

export interface LogFileRef {
  accountId: string;
  region: string;
  hourStartMs: number;
}

/** `AWSLogs/<account>/` or, for an organisation trail, `AWSLogs/o-<id>/<account>/`. */
export function accountLogPrefix(world: EmulatorWorld, layout: LogLayout, accountId: string): string {
  return layout === 'organization' ? `AWSLogs/${world.organizationId}/${accountId}/` : `AWSLogs/${accountId}/`;
}

/** `YYYY/MM/DD/` of an instant (UTC), as the date folders of a trail bucket. */
export function dateFolder(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/`;
}

/**
 * `<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 alphanumerics>.json.gz`. The time is when
 * the file was written (55 past the hour, so it stays in its hour's date folder) and the suffix
 * is stable per seed, so listings and writeTrailLogs agree from run to run.
 */
export function logFileName(world: EmulatorWorld, layout: LogLayout, ref: LogFileRef): string {
  const iso = new Date(ref.hourStartMs + 55 * 60_000).toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  const suffix = alnumFromHash(hashParts(world.seed, 'log-file', layout, ref.accountId, ref.region, ref.hourStartMs), 16);
  return `${ref.accountId}_CloudTrail_${ref.region}_${stamp}_${suffix}.json.gz`;
}

export function logFileKey(world: EmulatorWorld, layout: LogLayout, ref: LogFileRef): string {
  return `${accountLogPrefix(world, layout, ref.accountId)}CloudTrail/${ref.region}/${dateFolder(ref.hourStartMs)}${logFileName(world, layout, ref)}`;
}

const KEY_RE =
  /^AWSLogs\/(?:(o-[a-z0-9]+)\/)?(\d{12})\/CloudTrail\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{8})T(\d{2})55Z_[A-Za-z0-9]{16}\.json\.gz$/;

/** The file a key names, if it is a well-formed key of this layout (the caller checks it exists). */
export function parseLogFileKey(world: EmulatorWorld, layout: LogLayout, key: string): LogFileRef | undefined {
  const m = KEY_RE.exec(key);
  if (!m) return undefined;
  const [, org, accountId, region, y, mo, d, nameAccount, nameRegion, day, hour] = m;
  if ((layout === 'organization') !== (org !== undefined) || (org !== undefined && org !== world.organizationId)) return undefined;
  if (nameAccount !== accountId || nameRegion !== region || day !== `${y}${mo}${d}`) return undefined;
  const hourStartMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hour));
  const ref = { accountId: accountId!, region: region!, hourStartMs };
  return logFileKey(world, layout, ref) === key ? ref : undefined;
}

const hoursCache = new WeakMap<WorldEvents, Map<string, number[]>>();

/** Start of every hour with at least one event before `beforeMs`, oldest first. */
export function hoursWithEvents(events: WorldEvents, accountId: string, region: string, beforeMs = Infinity): number[] {
  let perWorld = hoursCache.get(events);
  if (!perWorld) hoursCache.set(events, (perWorld = new Map()));
  const cacheKey = `${accountId}/${region}/${beforeMs}`;
  const cached = perWorld.get(cacheKey);
  if (cached) return cached;
  const seqs = events.sequences(accountId, region);
  let newest = -Infinity;
  let oldest = Infinity;
  for (const s of seqs) {
    if (s.length === 0) continue;
    newest = Math.max(newest, s.timeAt(0));
    oldest = Math.min(oldest, s.timeAt(s.length - 1));
  }
  const hours: number[] = [];
  for (let h = Math.floor(oldest / HOUR_MS) * HOUR_MS; h <= newest; h += HOUR_MS) {
    const end = Math.min(h + HOUR_MS, beforeMs);
    // Some event at or after h and before end: the newest event before `end` is at or after h.
    if (end > h && seqs.some((s) => {
      const i = firstAtOrBefore(s, end - 1);
      return i < s.length && s.timeAt(i) >= h;
    })) hours.push(h);
  }
  perWorld.set(cacheKey, hours);
  return hours;
}

/** The events of one file, oldest first, as CloudTrail writes them. */
export function logFileEvents(events: WorldEvents, ref: LogFileRef, beforeMs = Infinity): WorldEvent[] {
  const end = Math.min(ref.hourStartMs + HOUR_MS, beforeMs);
  const cursor = EventCursor.atOrBefore(events.sequences(ref.accountId, ref.region), end - 1);
  const out: WorldEvent[] = [];
  for (;;) {
    const t = cursor.peekTime();
    if (t === undefined || t < ref.hourStartMs) break;
    const next = cursor.next()!;
    out.push(next.seq.eventAt(next.index));
  }
  return out.reverse();
}

/** A log file's JSON: `{"Records":[…]}` with each record as the world holds it. */
export function renderLogFile(records: readonly WorldEvent[]): string {
  return `{"Records":[${records.map((e) => e.json).join(',')}]}`;
}
