import { createHash } from 'node:crypto';

/**
 * The index key of a record. AWS documents eventID as unique per account and region, so
 * `<account>|<region>|<eventID>|<eventTime µs>` identifies one event however it reached us: the
 * same call seen by LookupEvents and in a trail file is stored once. The time adds nothing for
 * real events (one event has one time) but lets the store look for duplicates only among the
 * rows of the same time range, and keeps apart hand-made records that reuse an id ("1").
 * A record without an eventID is keyed by the md5 of its text (DuckDB's md5() gives the same
 * hex, see normalize-sql.ts), so re-importing it dedupes too.
 */
export function eventKey(account: string | null, region: string | null, eventId: string | null, eventTimeMicros: bigint | null, raw: string): string {
  if (eventId === null) return `gen|${md5Hex(raw)}`;
  return `${account ?? ''}|${region ?? ''}|${eventId}|${eventTimeMicros ?? ''}`;
}

/** The eventId shown for a record that has none. */
export function generatedEventId(raw: string): string {
  return `gen-${md5Hex(raw)}`;
}

function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}
