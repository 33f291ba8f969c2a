import type { EventTimeIssue } from './event-model';

/**
 * eventTime as CloudTrail writes it (`2024-08-01T13:29:57Z`) and as exports rewrite it
 * (`2022-12-11 19:42:55`, `2021-01-24 04:55:45.000`, nanoseconds, an offset). A time without a
 * zone is UTC: every CloudTrail time is. The pattern is RE2-compatible because the SQL twin
 * (normalize-sql.ts) uses the same one; groups: year, month, day, hour, minute, second,
 * fraction, zone.
 */
export const EVENT_TIME_PATTERN = '^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(Z|[+-]\\d{2}:?\\d{2})?$';
const EVENT_TIME_RE = new RegExp(EVENT_TIME_PATTERN);

export interface ParsedEventTime {
  /** Microseconds since the epoch (DuckDB TIMESTAMP precision); nanoseconds are truncated. */
  micros: bigint | null;
  iso: string | null;
  issue: EventTimeIssue | null;
}

export function parseEventTime(text: string | null): ParsedEventTime {
  if (text === null) return { micros: null, iso: null, issue: 'missing' };
  const micros = eventTimeMicros(text);
  if (micros === null) return { micros: null, iso: null, issue: 'unparseable' };
  return { micros, iso: formatMicrosIso(micros), issue: null };
}

function eventTimeMicros(text: string): bigint | null {
  const match = EVENT_TIME_RE.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  // Range checks first: Date.UTC would roll 24:00 or second 60 over to the next day.
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  date.setUTCHours(hour, minute, second, 0);
  const fraction = (match[7] ?? '').slice(0, 6).padEnd(6, '0');
  return BigInt(date.getTime()) * 1000n + BigInt(fraction) - BigInt(zoneOffsetMinutes(match[8] ?? '')) * 60_000_000n;
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === '' || zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return zone.startsWith('-') ? -minutes : minutes;
}

/** `2024-08-01T13:29:57Z`, with the fraction to microseconds and trailing zeros dropped. */
export function formatMicrosIso(micros: bigint): string {
  const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const subMs = Number(micros - ms * 1000n);
  const iso = new Date(Number(ms)).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const fraction = (iso.slice(20, 23) + String(subMs).padStart(3, '0')).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** Microseconds of an ISO time this module produced (or any ISO time JavaScript can read). */
export function isoToMicros(iso: string): bigint {
  const parsed = eventTimeMicros(iso);
  if (parsed !== null) return parsed;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a time: ${iso}`);
  return BigInt(ms) * 1000n;
}
