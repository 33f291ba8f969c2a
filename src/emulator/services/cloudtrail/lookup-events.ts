import { AwsError } from '../../core/types';
import { EventCursor } from '../../seed/event-cursor';
import type { EventSummary } from '../../seed/event-summary';
import { isObject, type JsonObject } from '../../seed/record-fields';
import type { WorldEvent } from '../../seed/world-event';
import type { WorldEvents } from '../../seed/world-events';
import { epochSeconds, optionalInteger, optionalList, optionalString, optionalTimestampMs } from './aws-json';
import { decodeLookupToken, encodeLookupToken, type LookupParams } from './lookup-token';

/** LookupEvents reaches back 90 days. */
export const LOOKUP_WINDOW_MS = 90 * 86_400_000;
const DEFAULT_MAX_RESULTS = 50;
/**
 * How many events one call may examine for a filter before it answers with what it found and a
 * NextToken. AWS also returns short (even empty) pages with a token for sparse lookups; this keeps
 * a rare EventName over millions of generated events from blocking the emulator.
 */
const SCAN_BUDGET = 250_000;

const ATTRIBUTE_KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'] as const;
type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

export interface LookupRequest {
  accountId: string;
  region: string;
  now: Date;
  input: JsonObject;
}

/** The LookupEvents response body, per the CloudTrail model. */
export function lookupEvents(events: WorldEvents, req: LookupRequest): JsonObject {
  const { input } = req;
  const maxResults = optionalInteger(input, 'MaxResults') ?? DEFAULT_MAX_RESULTS;
  if (maxResults < 1 || maxResults > 50) {
    throw new AwsError('InvalidMaxResultsException', `Value ${maxResults} for MaxResults is invalid. It must be between 1 and 50.`);
  }
  const attribute = readAttribute(optionalList(input, 'LookupAttributes'));
  const eventCategory = optionalString(input, 'EventCategory');
  if (eventCategory !== undefined && eventCategory !== 'insight') {
    throw new AwsError('InvalidEventCategoryException', `Value ${eventCategory} for EventCategory is invalid.`);
  }
  const startMs = optionalTimestampMs(input, 'StartTime');
  const endMs = optionalTimestampMs(input, 'EndTime');
  if (startMs !== undefined && endMs !== undefined && startMs > endMs) {
    throw new AwsError('InvalidTimeRangeException', 'Start time must be before end time.');
  }
  const nextToken = optionalString(input, 'NextToken');
  const params: LookupParams = {
    accountId: req.accountId,
    region: req.region,
    attributeKey: attribute?.key,
    attributeValue: attribute?.value,
    startMs,
    endMs,
    eventCategory,
  };

  const nowMs = req.now.getTime();
  const from = Math.max(startMs ?? -Infinity, nowMs - LOOKUP_WINDOW_MS);
  const to = Math.min(endMs ?? Infinity, nowMs);
  // The world holds no Insights events: an insight lookup is valid and empty.
  if (eventCategory === 'insight' || from > to) return { Events: [] };

  if (attribute?.key === 'EventId') {
    const found = events.findEvent(req.accountId, req.region, attribute.value);
    return { Events: found && found.timeMs >= from && found.timeMs <= to ? [toApiEvent(found)] : [] };
  }

  const seqs = events.sequences(req.accountId, req.region);
  const cursor =
    nextToken === undefined
      ? EventCursor.atOrBefore(seqs, to)
      : new EventCursor(seqs, decodeLookupToken(events.world.seed, params, nextToken, seqs.length));
  const matches = attribute ? matcher(attribute.key, attribute.value) : () => true;
  const out: JsonObject[] = [];
  let examined = 0;
  for (;;) {
    const time = cursor.peekTime();
    if (time === undefined || time < from) return { Events: out };
    if (out.length >= maxResults || examined >= SCAN_BUDGET) {
      return { Events: out, NextToken: encodeLookupToken(events.world.seed, params, cursor.positions()) };
    }
    const next = cursor.next()!;
    examined++;
    // A token issued under a later clock may resume past `now`: those events are not visible yet.
    if (time > to) continue;
    if (matches(next.seq.summaryAt(next.index))) out.push(toApiEvent(next.seq.eventAt(next.index)));
  }
}

function readAttribute(list: unknown[] | undefined): { key: AttributeKey; value: string } | undefined {
  if (!list || list.length === 0) return undefined;
  if (list.length > 1) {
    throw new AwsError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
  }
  const item = list[0];
  if (!isObject(item)) throw new AwsError('SerializationException', 'Unexpected value type for member LookupAttributes.');
  const key = item.AttributeKey;
  const value = item.AttributeValue;
  if (typeof key !== 'string' || !(ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
    throw new AwsError('InvalidLookupAttributesException', `Lookup attribute key ${String(key)} is not valid.`);
  }
  if (typeof value !== 'string' || value.length < 1 || value.length > 2000) {
    throw new AwsError('InvalidLookupAttributesException', `Lookup attribute value for ${key} is not valid.`);
  }
  return { key: key as AttributeKey, value };
}

function matcher(key: AttributeKey, value: string): (s: EventSummary) => boolean {
  switch (key) {
    case 'EventName':
      return (s) => s.eventName === value;
    case 'EventSource':
      return (s) => s.eventSource === value;
    case 'ReadOnly': {
      const wanted = value.toLowerCase();
      return (s) => s.readOnly === wanted;
    }
    case 'Username':
      return (s) => s.username === value;
    case 'AccessKeyId':
      return (s) => s.accessKeyId === value;
    case 'ResourceType':
      return (s) => s.resources.some((r) => r.type === value);
    case 'ResourceName':
      return (s) => s.resources.some((r) => r.name === value);
    case 'EventId':
      // Answered by id before any scan (see lookupEvents); kept for an exhaustive switch.
      return () => false;
  }
}

/** An Events[] member, as the model's Event shape. */
export function toApiEvent(e: WorldEvent): JsonObject {
  return {
    EventId: e.eventId,
    EventName: e.summary.eventName,
    ReadOnly: e.summary.readOnly,
    AccessKeyId: e.summary.accessKeyId,
    EventTime: epochSeconds(e.timeMs),
    EventSource: e.summary.eventSource,
    Username: e.summary.username,
    Resources: e.summary.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
    CloudTrailEvent: e.json,
  };
}
