import type { FieldName } from './search-fields';

/**
 * A value as typed: literal text with `*` / `?` wildcards. `parts` keeps wildcards apart from
 * literal characters, so an escaped `\*` stays a literal star.
 */
export type ValuePart = { literal: string } | { wildcard: '*' | '?' };

export interface QueryValue {
  parts: ValuePart[];
  /** The value as typed, for messages. */
  text: string;
  position: number;
}

/** A point in time as typed: relative to now (`7d`) or absolute (`2024-01-01`, an ISO time). */
export type TimeSpec = { kind: 'relative'; ms: number; text: string } | { kind: 'absolute'; micros: bigint; dateOnly: boolean; text: string };

export type QueryNode =
  | { kind: 'all' }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /** field:value[,value…]: any of the values. */
  | { kind: 'match'; field: FieldName; values: QueryValue[]; position: number }
  /** field:* — the field has a value. */
  | { kind: 'exists'; field: FieldName; position: number }
  | { kind: 'bool'; field: FieldName; value: boolean; position: number }
  /** since / until / time: `from` inclusive, `to` as typed (the compiler makes day bounds whole days). */
  | { kind: 'time'; from: TimeSpec | null; to: TimeSpec | null; position: number }
  /** Free text: a case-insensitive substring of the whole record. */
  | { kind: 'text'; value: string; position: number };

export function hasWildcard(value: QueryValue): boolean {
  return value.parts.some((p) => 'wildcard' in p);
}

export function literalText(value: QueryValue): string {
  return value.parts.map((p) => ('literal' in p ? p.literal : p.wildcard)).join('');
}

/** The filters of a query (every node but and/or/not), whether required or excluded. */
export function queryLeaves(node: QueryNode): QueryNode[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(queryLeaves);
    case 'not':
      return queryLeaves(node.child);
    default:
      return [node];
  }
}
