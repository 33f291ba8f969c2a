import { COUNT_DIMENSIONS, EVENT_COUNTS_TABLE } from '../../store/event-counts';
import { queryLeaves, type QueryNode } from './query-ast';
import { lookupField } from './search-fields';

/** Where a query's total and facets are counted: the aggregate, or the events themselves. */
export interface SummarySource {
  table: string;
  /** The count of a group of rows of that table. */
  count: string;
}

export const EVENTS_SOURCE: SummarySource = { table: 'events', count: 'count(*)' };
const COUNTS_SOURCE: SummarySource = { table: EVENT_COUNTS_TABLE, count: 'sum(n)' };

const DIMENSIONS = new Set<string>(COUNT_DIMENSIONS);

/**
 * The aggregate of event counts answers a query whose every filter reads its columns alone (the
 * compiled WHERE is then the same SQL over either table). Free text, times, resources, IPs,
 * access keys and user agents are not in it: those queries count the events.
 */
export function summarySource(tree: QueryNode): SummarySource {
  return onCountColumns(tree) ? COUNTS_SOURCE : EVENTS_SOURCE;
}

function onCountColumns(tree: QueryNode): boolean {
  return queryLeaves(tree).every((leaf) => {
    if (leaf.kind === 'all') return true;
    if (leaf.kind !== 'exists' && leaf.kind !== 'bool' && leaf.kind !== 'match') return false;
    const field = lookupField(leaf.field);
    return field !== undefined && field.kind !== 'list' && field.columns.every((column) => DIMENSIONS.has(column));
  });
}
