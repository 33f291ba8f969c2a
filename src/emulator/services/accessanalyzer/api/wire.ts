import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '../../../core/types';

/** A JSON-able value after `toWire`: what restJson1 puts on the wire. */
export type WireValue = string | number | boolean | null | WireValue[] | { [key: string]: WireValue };

/**
 * Dates become iso8601 strings (the model's `Timestamp` shape says `timestampFormat: iso8601`,
 * so the SDK expects strings here, not the restJson1 default of epoch seconds) and absent
 * members are left out rather than written as null, as AWS does.
 */
export function toWire(value: unknown): WireValue | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toWire(v) ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: WireValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const w = toWire(v);
      if (w !== undefined) out[k] = w;
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

/** 200 with the output members; operations without an output shape answer with an empty body. */
export function jsonResponse(output: object | undefined, requestId: string = randomUUID()): EmulatorResponse {
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId };
  if (output === undefined) return { status: 200, headers, body: '' };
  headers['content-type'] = 'application/json';
  return { status: 200, headers, body: JSON.stringify(toWire(output) ?? {}) };
}
