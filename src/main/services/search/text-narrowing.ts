import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../../store/duckdb-database';
import { HOUR_MICROS, TERM_SEPARATORS, hoursContaining, hoursOfTerm, ofLoads } from '../../store/text-index';
import type { WhereBuilder } from './compile-query';
import type { QueryNode } from './query-ast';
import { clipToSlice, sliceCondition, type TimeSlice } from './time-slice';

/**
 * Which events a free-text query has to read, from the text index (store/text-index.ts): the
 * hours whose terms contain its words, plus what the index cannot answer for (events without a
 * time, loads it has not reached). Everything else cannot match, so its text is never read.
 */
export interface TextNarrowing {
  /** Disjoint [from, to) ranges of event time, in epoch microseconds, oldest first. */
  ranges: Array<[bigint, bigint]>;
  unindexedLoads: bigint[];
}

/** A run shorter than this is inside too many terms to narrow anything. */
const MIN_NEEDLE = 3;
/**
 * DuckDB skips row groups by the time range of one branch of a UNION ALL, not by an OR of ranges
 * (measured: an OR of 73 ranges read every record), and each branch costs ~2 ms: ranges are
 * joined across their smallest gaps down to this many.
 */
const MAX_RANGES = 32;
/**
 * Beyond this share of the hours stored, narrowing costs more than it saves: a word that common
 * fills the first page from the newest events, and a UNION ALL of ranges cannot stop early at the
 * scan limit the way one scan does (measured: 3.5 s against 0.7 s for two common words).
 */
const MAX_SHARE = 0.25;

const RUN = new RegExp(`[^${TERM_SEPARATORS}]+`, 'g');

/**
 * The runs of a free-text value between separators (whitespace, JSON syntax), lower-cased as the
 * search compares it. If a record's lower-cased text contains the value, each run lies within one
 * term of that text (a term is a maximal run), which is what makes the index safe to narrow by.
 */
export function searchRuns(value: string): string[] {
  return value.toLowerCase().match(RUN) ?? [];
}

/** The run a text node is looked up by: its longest, if long enough to be selective. */
function needleOf(value: string): string | null {
  const longest = searchRuns(value).reduce((best, run) => (run.length > best.length ? run : best), '');
  return longest.length >= MIN_NEEDLE ? longest : null;
}

/**
 * Null when the query must read every hour (no word to narrow by, or a common one). `unindexed`:
 * the loads the index has not reached (unindexedLoads), read in the same snapshot.
 */
export async function narrowText(connection: DuckDBConnection, tree: QueryNode, unindexed: bigint[]): Promise<TextNarrowing | null> {
  const needles = [...new Set(positiveTexts(tree).flatMap((value) => needleOf(value) ?? []))];
  if (needles.length === 0) return null;
  const stored = await storedHours(connection);
  // A needle that is itself a term in too many hours narrows nothing: known from an exact lookup
  // (milliseconds) without the read of every term that finding it inside terms takes (~100 ms at 1M).
  if (needles.length === 1 && (await hoursOfTerm(connection, needles[0] as string)).size > MAX_SHARE * stored) return null;
  const found = await hoursContaining(connection, needles);
  const hoursByNeedle = new Map(needles.map((needle, i) => [needle, found[i] as Set<number>]));
  const hours = allowedHours(tree, hoursByNeedle);
  if (hours === null || hours.size > MAX_SHARE * stored) return null;
  return { ranges: toRanges(hours), unindexedLoads: unindexed };
}

/** How many hours the stored events span (DuckDB answers min and max from its statistics). */
async function storedHours(connection: DuckDBConnection): Promise<number> {
  const [bounds] = await readRows(connection, 'SELECT epoch_us(min(event_time)) AS lo, epoch_us(max(event_time)) AS hi FROM events');
  if (bounds?.lo === null || bounds?.lo === undefined) return 0;
  return Number((BigInt(bounds.hi as bigint) - BigInt(bounds.lo as bigint)) / HOUR_MICROS) + 1;
}

/** Free-text values the query requires (not under a NOT: an excluded word narrows nothing). */
function positiveTexts(node: QueryNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(positiveTexts);
    case 'text':
      return [node.value];
    default:
      return [];
  }
}

/** The hours a match of the tree can be in; null for any hour. */
function allowedHours(node: QueryNode, hoursByNeedle: Map<string, Set<number>>): Set<number> | null {
  switch (node.kind) {
    case 'and': {
      const sets = node.children.map((child) => allowedHours(child, hoursByNeedle)).filter((set): set is Set<number> => set !== null);
      return sets.length === 0 ? null : sets.reduce((a, b) => new Set([...a].filter((hour) => b.has(hour))));
    }
    case 'or': {
      const sets = node.children.map((child) => allowedHours(child, hoursByNeedle));
      return sets.some((set) => set === null) ? null : new Set(sets.flatMap((set) => [...(set as Set<number>)]));
    }
    case 'text': {
      const needle = needleOf(node.value);
      return needle === null ? null : (hoursByNeedle.get(needle) ?? null);
    }
    default:
      return null;
  }
}

/** Consecutive hours as ranges, joined over the smallest gaps until at most MAX_RANGES remain. */
export function toRanges(hours: ReadonlySet<number>): Array<[bigint, bigint]> {
  const sorted = [...hours].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const hour of sorted) {
    const last = ranges.at(-1);
    if (last && last[1] === hour) last[1] = hour + 1;
    else ranges.push([hour, hour + 1]);
  }
  while (ranges.length > MAX_RANGES) {
    let smallest = 1;
    for (let i = 2; i < ranges.length; i += 1) {
      if (gap(ranges, i) < gap(ranges, smallest)) smallest = i;
    }
    const [before, after] = [ranges[smallest - 1] as [number, number], ranges[smallest] as [number, number]];
    ranges.splice(smallest - 1, 2, [before[0], after[1]]);
  }
  return ranges.map(([from, to]) => [BigInt(from) * HOUR_MICROS, BigInt(to) * HOUR_MICROS]);
}

function gap(ranges: ReadonlyArray<[number, number]>, i: number): number {
  return (ranges[i] as [number, number])[0] - (ranges[i - 1] as [number, number])[1];
}

/**
 * The events a narrowed query reads, as a FROM item named `events`: one UNION ALL branch per
 * range, so that DuckDB reads only the row groups of that time; the events without a time; and
 * the unindexed loads' events outside those ranges. The branches are disjoint. Within a `slice`,
 * only the branches that meet it, cut to it (DuckDB does not see for itself that a slice's time
 * bounds leave nothing of the branch of untimed events, and would read text there).
 */
export function narrowedEvents(narrowing: TextNarrowing, builder: WhereBuilder, slice: TimeSlice | null = null): string {
  const ranges = slice === null ? narrowing.ranges : narrowing.ranges.map((range) => clipToSlice(range, slice)).filter((range) => range !== null);
  const inRange = ranges.map(([from, to]) => sliceCondition({ from, to }, builder));
  const branches = inRange.map((range) => `SELECT * FROM events WHERE ${range}`);
  if (slice === null || slice === 'untimed') branches.push('SELECT * FROM events WHERE event_time IS NULL');
  const loads = narrowing.unindexedLoads;
  // Their untimed events are in the branch above.
  if (loads.length > 0 && slice !== 'untimed') {
    const outside = inRange.length === 0 ? '' : ` AND NOT coalesce(${inRange.join(' OR ')}, true)`;
    const within = slice === null ? '' : ` AND ${sliceCondition(slice, builder)}`;
    branches.push(`SELECT * FROM events WHERE ${ofLoads(loads)}${outside}${within}`);
  }
  if (branches.length === 0) return '(SELECT * FROM events LIMIT 0) AS events';
  return `(${branches.join(' UNION ALL ')}) AS events`;
}
