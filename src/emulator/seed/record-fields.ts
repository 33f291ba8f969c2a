/**
 * Reading fields of real CloudTrail-shaped records. Some seed records spell keys in lower case
 * (`accountid`, `principalid`: Panther test data), so lookups fall back to a case-insensitive
 * match instead of "fixing" the records.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key actually used in `obj` for `name` (exact first, then any case), if present. */
export function keyOf(obj: JsonObject, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

export function field(obj: JsonObject, name: string): unknown {
  const key = keyOf(obj, name);
  return key === undefined ? undefined : obj[key];
}

export function stringField(obj: JsonObject, name: string): string | undefined {
  const value = field(obj, name);
  return typeof value === 'string' ? value : undefined;
}

export function objectField(obj: JsonObject, name: string): JsonObject | undefined {
  const value = field(obj, name);
  return isObject(value) ? value : undefined;
}

/** Sets `name`, reusing the record's own spelling of the key so no duplicate key appears. */
export function setField(obj: JsonObject, name: string, value: unknown): void {
  obj[keyOf(obj, name) ?? name] = value;
}
