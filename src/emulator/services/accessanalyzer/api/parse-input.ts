import type { EmulatorRequest } from '../../../core/types';
import { ORDER_BY, type Criterion, type FilterCriteria, type OrderBy, type SortCriteria } from '../domain/model-types';
import { fieldValidationError, validationError, type FieldError } from './aa-errors';
import type { MemberSpec, OperationSpec } from './operation-specs';

/**
 * Reads a restJson1 request into the operation's input members, following the model's bindings,
 * and refuses it with one ValidationException listing every bad member (AWS reports them all at
 * once: "2 validation errors detected: …").
 */

/** The model's ValueList: 1 to 20 values per criterion operator. */
const VALUE_LIST_MIN = 1;
const VALUE_LIST_MAX = 20;

export class ParsedInput {
  constructor(private readonly values: Readonly<Record<string, unknown>>) {}

  /** A member the spec marks required: validation already guaranteed it. */
  string(name: string): string {
    const v = this.values[name];
    if (typeof v !== 'string') throw new Error(`ParsedInput: ${name} is not a validated string`);
    return v;
  }
  optString(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }
  optInt(name: string): number | undefined {
    const v = this.values[name];
    return typeof v === 'number' ? v : undefined;
  }
  optStringList(name: string): string[] | undefined {
    const v = this.values[name];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  }
  optFilter(name: string): FilterCriteria | undefined {
    const v = this.values[name];
    return isPlainObject(v) ? (v as FilterCriteria) : undefined;
  }
  filter(name: string): FilterCriteria {
    return this.optFilter(name) ?? {};
  }
  optSort(name: string): SortCriteria | undefined {
    const v = this.values[name];
    return isPlainObject(v) ? (v as SortCriteria) : undefined;
  }
  /** The named members in a stable form, to tell a retried request from a different one. */
  fingerprint(names: readonly string[]): string {
    return JSON.stringify(names.map((n) => this.values[n] ?? null));
  }
}

export function parseInput(spec: OperationSpec, req: EmulatorRequest, params: Record<string, string>): ParsedInput {
  const members = spec.members ?? {};
  const hasBody = Object.values(members).some((m) => m.location === 'body');
  const body = hasBody ? readJsonBody(req.body) : {};
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];

  for (const [name, member] of Object.entries(members)) {
    const raw = rawValue(name, member, body, req.query, params);
    if (raw === undefined || raw === null) {
      if (member.required) errors.push({ name, message: `Value null at '${name}' failed to satisfy constraint: Member must not be null` });
      continue;
    }
    const parsed = checkMember(name, member, raw, errors);
    if (parsed !== undefined) values[name] = parsed;
  }
  if (errors.length > 0) throw fieldValidationError(errors);
  return new ParsedInput(values);
}

function rawValue(
  name: string,
  member: MemberSpec,
  body: Record<string, unknown>,
  query: URLSearchParams,
  params: Record<string, string>,
): unknown {
  switch (member.location) {
    case 'uri':
      return params[name];
    case 'querystring':
      return query.get(name) ?? undefined;
    case 'body':
      return body[name];
  }
}

function readJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationError('Could not parse the request body as JSON.', 'cannotParse');
  }
  if (!isPlainObject(parsed)) throw validationError('The request body must be a JSON object.', 'cannotParse');
  return parsed;
}

function checkMember(name: string, member: MemberSpec, raw: unknown, errors: FieldError[]): unknown {
  switch (member.type) {
    case 'string':
      return checkString(name, member, raw, errors);
    case 'integer':
      return checkInteger(name, member, raw, member.location === 'body', errors);
    case 'stringList':
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) {
        errors.push({ name, message: `Value at '${name}' failed to satisfy constraint: Member must be a list of strings` });
        return undefined;
      }
      return raw;
    case 'filter':
      return checkFilter(name, raw, errors);
    case 'sort':
      return checkSort(name, raw, errors);
  }
}

function checkString(
  name: string,
  spec: { enum?: readonly string[]; minLength?: number; maxLength?: number; pattern?: string },
  raw: unknown,
  errors: FieldError[],
): string | undefined {
  if (typeof raw !== 'string') {
    errors.push({ name, message: `Value at '${name}' failed to satisfy constraint: Member must be a string` });
    return undefined;
  }
  const at = `Value '${raw}' at '${name}' failed to satisfy constraint:`;
  if (spec.enum && !spec.enum.includes(raw)) {
    errors.push({ name, message: `${at} Member must satisfy enum value set: [${spec.enum.join(', ')}]` });
    return undefined;
  }
  if (spec.minLength !== undefined && raw.length < spec.minLength) {
    errors.push({ name, message: `${at} Member must have length greater than or equal to ${spec.minLength}` });
    return undefined;
  }
  if (spec.maxLength !== undefined && raw.length > spec.maxLength) {
    errors.push({ name, message: `${at} Member must have length less than or equal to ${spec.maxLength}` });
    return undefined;
  }
  if (spec.pattern !== undefined && !new RegExp(`^(?:${spec.pattern})$`, 's').test(raw)) {
    errors.push({ name, message: `${at} Member must satisfy regular expression pattern: ${spec.pattern}` });
    return undefined;
  }
  return raw;
}

function checkInteger(
  name: string,
  spec: { min?: number; max?: number },
  raw: unknown,
  fromBody: boolean,
  errors: FieldError[],
): number | undefined {
  let value: number | undefined;
  if (fromBody) value = typeof raw === 'number' && Number.isInteger(raw) ? raw : undefined;
  else value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
  if (value === undefined) {
    errors.push({ name, message: `Value '${String(raw)}' at '${name}' failed to satisfy constraint: Member must be an integer` });
    return undefined;
  }
  const at = `Value '${value}' at '${name}' failed to satisfy constraint:`;
  if (spec.min !== undefined && value < spec.min) {
    errors.push({ name, message: `${at} Member must have value greater than or equal to ${spec.min}` });
    return undefined;
  }
  if (spec.max !== undefined && value > spec.max) {
    errors.push({ name, message: `${at} Member must have value less than or equal to ${spec.max}` });
    return undefined;
  }
  return value;
}

/** The model's FilterCriteriaMap: key -> Criterion {eq, neq, contains: ValueList; exists: Boolean}. */
function checkFilter(name: string, raw: unknown, errors: FieldError[]): FilterCriteria | undefined {
  if (!isPlainObject(raw)) {
    errors.push({ name, message: `Value at '${name}' failed to satisfy constraint: Member must be a map` });
    return undefined;
  }
  const out: FilterCriteria = {};
  let ok = true;
  for (const [key, value] of Object.entries(raw)) {
    const at = `${name}.${key}`;
    if (!isPlainObject(value)) {
      errors.push({ name: at, message: `Value at '${at}' failed to satisfy constraint: Member must be a Criterion` });
      ok = false;
      continue;
    }
    const criterion: Criterion = {};
    for (const op of ['eq', 'neq', 'contains'] as const) {
      const list = value[op];
      if (list === undefined || list === null) continue;
      const field = `${at}.${op}`;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
        errors.push({ name: field, message: `Value at '${field}' failed to satisfy constraint: Member must be a list of strings` });
        ok = false;
      } else if (list.length < VALUE_LIST_MIN || list.length > VALUE_LIST_MAX) {
        const bound = list.length < VALUE_LIST_MIN ? `greater than or equal to ${VALUE_LIST_MIN}` : `less than or equal to ${VALUE_LIST_MAX}`;
        errors.push({ name: field, message: `Value at '${field}' failed to satisfy constraint: Member must have length ${bound}` });
        ok = false;
      } else {
        criterion[op] = list as string[];
      }
    }
    const exists = value.exists;
    if (exists !== undefined && exists !== null) {
      if (typeof exists !== 'boolean') {
        errors.push({ name: `${at}.exists`, message: `Value at '${at}.exists' failed to satisfy constraint: Member must be a boolean` });
        ok = false;
      } else {
        criterion.exists = exists;
      }
    }
    out[key] = criterion;
  }
  return ok ? out : undefined;
}

function checkSort(name: string, raw: unknown, errors: FieldError[]): SortCriteria | undefined {
  if (!isPlainObject(raw)) {
    errors.push({ name, message: `Value at '${name}' failed to satisfy constraint: Member must be a SortCriteria` });
    return undefined;
  }
  const sort: SortCriteria = {};
  const attributeName = checkOptionalString(`${name}.attributeName`, raw.attributeName, undefined, errors);
  if (attributeName !== undefined) sort.attributeName = attributeName;
  const orderBy = checkOptionalString(`${name}.orderBy`, raw.orderBy, ORDER_BY, errors);
  if (orderBy !== undefined) sort.orderBy = orderBy as OrderBy;
  return sort;
}

function checkOptionalString(
  name: string,
  raw: unknown,
  allowed: readonly string[] | undefined,
  errors: FieldError[],
): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  return checkString(name, { enum: allowed }, raw, errors);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
