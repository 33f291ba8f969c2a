import type { FilterChip } from '../../../shared/ipc/channels/events';
import { isoToMicros } from '../events/event-time';
import { parseFieldValue, parseQuery, QueryParseError } from './parse-query';
import type { QueryNode, QueryValue } from './query-ast';

/** The structured filters of the search bar (the IPC contract's EventFilters). */
export interface SearchFilters {
  accounts?: string[];
  regions?: string[];
  /** Inclusive lower bound on eventTime (ISO 8601). */
  from?: string;
  /** Exclusive upper bound on eventTime (ISO 8601). */
  to?: string;
  /** Only events with an errorCode (true) or only those without (false). */
  errors?: boolean;
  readOnly?: boolean;
}

/** A filter chip: a field, `is` or `is-not`, and a value in the query language's value syntax (the contract's type). */
export type { FilterChip };

/** The whole request as one tree: the query, the filters and the chips must all hold. */
export function requestTree(query: string, filters?: SearchFilters, chips?: readonly FilterChip[]): QueryNode {
  const parts: QueryNode[] = [parseQuery(query)];
  if (filters) parts.push(...filterNodes(filters));
  for (const [index, chip] of (chips ?? []).entries()) {
    let node: QueryNode;
    try {
      node = parseFieldValue(chip.field, chip.value);
    } catch (error) {
      if (error instanceof QueryParseError) {
        throw new QueryParseError(`Filter ${chip.field}: ${error.message.replace(/ \(at column \d+\)$/, '')}`, error.position, { length: error.length, chip: index });
      }
      throw error;
    }
    parts.push(chip.op === 'is-not' ? { kind: 'not', child: node } : node);
  }
  const kept = parts.filter((p) => p.kind !== 'all');
  return kept.length === 0 ? { kind: 'all' } : kept.length === 1 ? (kept[0] as QueryNode) : { kind: 'and', children: kept };
}

function exact(text: string): QueryValue {
  return { parts: [{ literal: text }], text, position: 0 };
}

function filterNodes(filters: SearchFilters): QueryNode[] {
  const nodes: QueryNode[] = [];
  if (filters.accounts?.length) nodes.push({ kind: 'match', field: 'account', values: filters.accounts.map(exact), position: 0 });
  if (filters.regions?.length) nodes.push({ kind: 'match', field: 'region', values: filters.regions.map(exact), position: 0 });
  if (filters.from !== undefined || filters.to !== undefined) {
    // `to` is exclusive here: an instant bound in the query language includes itself, so step back one microsecond.
    const from = filters.from === undefined ? null : ({ kind: 'absolute', micros: isoToMicros(filters.from), dateOnly: false, text: filters.from } as const);
    const to = filters.to === undefined ? null : ({ kind: 'absolute', micros: isoToMicros(filters.to) - 1n, dateOnly: false, text: filters.to } as const);
    nodes.push({ kind: 'time', from, to, position: 0 });
  }
  if (filters.errors !== undefined) {
    const anyError: QueryNode = { kind: 'exists', field: 'error', position: 0 };
    nodes.push(filters.errors ? anyError : { kind: 'not', child: anyError });
  }
  if (filters.readOnly !== undefined) nodes.push({ kind: 'bool', field: 'readonly', value: filters.readOnly, position: 0 });
  return nodes;
}
