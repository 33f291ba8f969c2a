import type { DuckDBValue } from '@duckdb/node-api';
import { hasWildcard, literalText, type QueryNode, type QueryValue, type TimeSpec } from './query-ast';
import { lookupField, type FieldName } from './search-fields';

/**
 * Turns a query into a DuckDB WHERE clause. User values only ever travel as statement
 * parameters ($1, $2…); the SQL text holds column names and operators from this module alone.
 *
 * A predicate on an empty (NULL) column is NULL. Under AND and OR a NULL acts as false for the
 * WHERE (both are monotone), so predicates stay bare there, which lets DuckDB push them into the
 * scan (row groups skipped by min/max, cheap filters first). Only NOT needs a definite boolean:
 * its operand is wrapped in coalesce(…, false).
 */
export interface CompiledWhere {
  sql: string;
  params: DuckDBValue[];
}

export interface CompileContext {
  /** "Now" for relative times (since:7d), in epoch microseconds. */
  nowMicros: bigint;
}

const DAY_MICROS = 86_400_000_000n;

export class WhereBuilder {
  /** `params`: those of a statement already compiled, to add conditions to it. */
  constructor(readonly params: DuckDBValue[] = []) {}

  param(value: DuckDBValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** A timestamp from epoch microseconds, bound as a parameter (compared with event_time). */
  time(micros: bigint): string {
    return `make_timestamp(CAST(${this.param(micros)} AS BIGINT))`;
  }
}

export function compileWhere(node: QueryNode, context: CompileContext, builder = new WhereBuilder()): CompiledWhere {
  return { sql: compileNode(node, context, builder), params: builder.params };
}

function compileNode(node: QueryNode, context: CompileContext, b: WhereBuilder): string {
  switch (node.kind) {
    case 'all':
      return 'true';
    case 'and':
      return `(${node.children.map((c) => compileNode(c, context, b)).join(' AND ')})`;
    case 'or':
      return `(${node.children.map((c) => compileNode(c, context, b)).join(' OR ')})`;
    case 'not':
      // Only here does NULL differ from false: NOT NULL is NULL, and would drop the events
      // whose field is empty from `-error:AccessDenied`.
      return `(NOT coalesce(${compileNode(node.child, context, b)}, false))`;
    case 'text': {
      // A case-insensitive substring of the record text: contains() on the lower-cased text is
      // about three times faster than an RE2 `(?i)` literal and ILIKE '%…%', which cannot skip
      // ahead to the first byte. A needle without letters (an IP, an id of digits) needs no
      // lower-casing of a million records at all.
      const needle = node.value.toLowerCase();
      return needle === node.value.toUpperCase() ? `contains(raw, ${b.param(node.value)})` : `contains(lower(raw), ${b.param(needle)})`;
    }
    case 'exists':
      return anyColumn(node.field, (column, kind) => (kind === 'list' ? `len(${column}) > 0` : kind === 'bool' ? `(${column} IS NOT NULL)` : `${column} <> ''`));
    case 'bool':
      return anyColumn(node.field, (column) => `${column} = ${b.param(node.value)}`);
    case 'match': {
      const alternatives = node.values.map((value) => {
        if (lookupField(node.field)?.kind === 'list') {
          // The list is also stored joined by newlines, lower-cased: a regular expression that
          // must match one whole line matches one whole element, about five times faster than a
          // list lambda; lower-cased like the text (by DuckDB, in the statement), it needs no (?i).
          const line = `regexp_matches(resources_text, lower(${b.param(`(?m)^${linePattern(value)}$`)}))`;
          // Its longest literal first: a plain substring is found several times faster.
          const literal = value.parts.reduce((best, part) => ('literal' in part && part.literal.length > best.length ? part.literal : best), '');
          const prefilter = literal.length >= 3 ? `contains(resources_text, lower(${b.param(literal)})) AND ` : '';
          return `(${prefilter}${line})`;
        }
        const like = likePattern(node.field === 'source' ? withServiceDomain(value) : value);
        const pattern = b.param(like);
        // ESCAPE only when the pattern needs it: DuckDB matches a plain ILIKE several times faster.
        const escape = /\\/.test(like) ? ` ESCAPE '\\'` : '';
        return anyColumn(node.field, (column) => `${column} ILIKE ${pattern}${escape}`);
      });
      return alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`;
    }
    case 'time': {
      const bounds: string[] = [];
      if (node.from) bounds.push(`event_time >= ${b.time(timeStart(node.from, context))}`);
      if (node.to) bounds.push(`event_time < ${b.time(timeEnd(node.to, context))}`);
      return bounds.length === 0 ? 'true' : `(${bounds.join(' AND ')})`;
    }
  }
}

function anyColumn(field: FieldName, predicate: (column: string, kind: string) => string): string {
  const definition = lookupField(field);
  if (!definition) throw new Error(`No such field: ${field}`);
  const parts = definition.columns.map((column) => predicate(column, definition.kind));
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

/** `iam` means iam.amazonaws.com; a value with a dot or a wildcard is taken as typed. */
function withServiceDomain(value: QueryValue): QueryValue {
  if (hasWildcard(value) || literalText(value).includes('.')) return value;
  return { ...value, parts: [...value.parts, { literal: '.amazonaws.com' }] };
}

/** ASCII punctuation is escaped (RE2 reads `\` before punctuation as that character). */
export function escapeRegex(text: string): string {
  return text.replace(/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g, '\\$&');
}

/** An RE2 pattern for one line: `*` → any run within the line, `?` → one character of it. */
export function linePattern(value: QueryValue): string {
  return value.parts.map((part) => ('literal' in part ? escapeRegex(part.literal) : part.wildcard === '*' ? '[^\\n]*' : '[^\\n]')).join('');
}

/** A LIKE pattern: `*` → `%`, `?` → `_`, and LIKE's own `%`, `_` and `\` escaped. */
export function likePattern(value: QueryValue): string {
  return value.parts.map((part) => ('literal' in part ? part.literal.replace(/[\\%_]/g, '\\$&') : part.wildcard === '*' ? '%' : '_')).join('');
}

/** The first microsecond the bound covers. */
export function timeStart(spec: TimeSpec, context: CompileContext): bigint {
  return spec.kind === 'relative' ? context.nowMicros - BigInt(spec.ms) * 1000n : spec.micros;
}

/** The first microsecond after the bound: a day covers all of it, an instant includes itself. */
export function timeEnd(spec: TimeSpec, context: CompileContext): bigint {
  if (spec.kind === 'relative') return context.nowMicros - BigInt(spec.ms) * 1000n;
  return spec.dateOnly ? spec.micros + DAY_MICROS : spec.micros + 1n;
}
