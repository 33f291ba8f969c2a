import { eventKey, generatedEventId } from './event-key';
import type { EventProvenance, NormalizedEvent } from './event-model';
import { extractResources } from './event-resources';
import { parseEventTime } from './event-time';
import { isValidIp } from './ip-address';
import { derivePrincipal } from './principal';
import { readScalarFields, type ScalarFields } from './record-fields';

export class RecordShapeError extends Error {
  override name = 'RecordShapeError';
}

/**
 * Normalises one CloudTrail record: a JSON string (a LookupEvents CloudTrailEvent, a JSON Lines
 * line) or an already parsed object. Never throws for an object, whatever its fields hold
 * (nulls, unknown fields, lower-cased keys, odd times, scrambled regions); a string that is not
 * a JSON object is refused with RecordShapeError.
 *
 * The import path normalises in DuckDB instead (normalize-sql.ts, for speed); the two agree
 * field for field, which test/events/normalize-parity.test.ts checks on every real record.
 */
export function normalizeEvent(input: string | object, provenance: EventProvenance): NormalizedEvent {
  if (typeof input === 'string') return normalizeParsed(parseRecord(input), input, provenance);
  return normalizeParsed(input, JSON.stringify(input), provenance);
}

/** For callers that hold both the parsed record and its original text. */
export function normalizeParsed(record: unknown, raw: string, provenance: EventProvenance): NormalizedEvent {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new RecordShapeError('A CloudTrail record is a JSON object.');
  const f = readScalarFields(record);
  return { ...normalizeFields(f, raw), resources: extractResources(record), ...provenance, raw };
}

function parseRecord(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RecordShapeError(`Not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type DerivedFields = Omit<NormalizedEvent, 'resources' | 'raw' | keyof EventProvenance>;

function normalizeFields(f: ScalarFields, raw: string): DerivedFields {
  const account = f.recipientAccountId ?? f.uiAccountId;
  const time = parseEventTime(f.eventTime);
  return {
    key: eventKey(account, f.awsRegion, f.eventId, time.micros, raw),
    eventId: f.eventId ?? generatedEventId(raw),
    eventIdGenerated: f.eventId === null,
    eventTime: time.iso,
    timeIssue: time.issue,
    eventVersion: f.eventVersion,
    // Insights events carry the API they are about only inside insightDetails.
    eventName: f.eventName ?? f.insightEventName,
    eventSource: f.eventSource ?? f.insightEventSource,
    eventCategory: f.eventCategory,
    eventType: f.eventType,
    awsRegion: f.awsRegion,
    recipientAccountId: f.recipientAccountId,
    account,
    ...derivePrincipal(f),
    invokedBy: f.uiInvokedBy,
    readOnly: readOnlyFlag(f.readOnly),
    errorCode: f.errorCode,
    errorMessage: f.errorMessage,
    sourceIpAddress: f.sourceIpAddress,
    sourceIpValid: isValidIp(f.sourceIpAddress),
    userAgent: f.userAgent,
    accessKeyId: f.uiAccessKeyId,
    requestId: f.requestId,
    sharedEventId: f.sharedEventId,
    vpcEndpointId: f.vpcEndpointId,
    insightType: f.insightType,
    insightState: f.insightState,
  };
}

/** readOnly is a boolean in CloudTrail and a string (`"True"`) in some exports. */
function readOnlyFlag(text: string | null): boolean | null {
  const lower = text?.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}
