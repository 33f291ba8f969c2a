import { randomUUID } from 'node:crypto';
import { AwsError, type EmulatorRequest, type EmulatorResponse } from '../../core/types';
import { isObject, type JsonObject } from '../../seed/record-fields';

/**
 * awsJson1_1 request and response plumbing for CloudTrail: the operation from X-Amz-Target,
 * the JSON body, and typed member readers that fail the way AWS's JSON front end does
 * (SerializationException for a wrong type, the service's own exception for a bad value).
 */
const SHORT_PREFIX = 'CloudTrail_20131101.';
const LONG_PREFIX = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.';

/** The operation named by X-Amz-Target; the SDK sends the short form, older tools the long one. */
export function operationFromTarget(req: EmulatorRequest): string | undefined {
  const target = req.headers['x-amz-target'];
  if (!target) return undefined;
  if (target.startsWith(LONG_PREFIX)) return target.slice(LONG_PREFIX.length) || undefined;
  if (target.startsWith(SHORT_PREFIX)) return target.slice(SHORT_PREFIX.length) || undefined;
  return undefined;
}

export function parseJsonBody(req: EmulatorRequest): JsonObject {
  const text = req.body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (!isObject(parsed)) throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  return parsed;
}

export function jsonResponse(body: unknown): EmulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(body),
  };
}

function typeError(member: string, expected: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value type for member ${member}: expected ${expected}.`);
}

export function optionalString(input: JsonObject, member: string): string | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw typeError(member, 'string');
  return v;
}

export function optionalBoolean(input: JsonObject, member: string): boolean | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw typeError(member, 'boolean');
  return v;
}

export function optionalInteger(input: JsonObject, member: string): number | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(member, 'integer');
  return v;
}

/** awsJson timestamps travel as epoch seconds (possibly fractional); returned in milliseconds. */
export function optionalTimestampMs(input: JsonObject, member: string): number | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw typeError(member, 'timestamp');
  return Math.round(v * 1000);
}

export function optionalList(input: JsonObject, member: string): unknown[] | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw typeError(member, 'list');
  return v;
}

/** Epoch seconds as awsJson writes timestamps. */
export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
