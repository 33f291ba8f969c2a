import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { readRows, type Row } from '../../store/duckdb-database';
import { HOUR_MICROS } from '../../store/text-index';
import { WhereBuilder, type CompiledWhere } from './compile-query';
import { newestFirst, sliceCondition, type TimeSlice } from './time-slice';

/**
 * The newest matches of a free-text query, for its count, its facets and its first pages in one
 * read. Free text reads every record's text, the one cost that matters, so the records are read
 * back from the newest event in slices of time: each slice is read whole (its matches ordered
 * newest first), until enough are found or the oldest event is reached. The slices meet, so
 * what is returned is exactly the newest matches: a page taken from them is the page an ordered
 * read of all matches would give.
 *
 * A slice is sized by the events it holds, not by its length of time: events crowd where they
 * crowd (the newest weeks of a history that also holds an old archive), and a slice sized from
 * their average density would read most of them at once. The first holds about
 * FIRST_SLICE_EVENTS_PER_MATCH events per match wanted; the next ones, as many as the matches
 * met so far say the rest needs.
 */

/** The first slice holds this many events per match wanted: enough for a word in one event of this many. */
const FIRST_SLICE_EVENTS_PER_MATCH = 16;
/** A slice sized from the matches met so far aims this much past what is still wanted, so that one more slice is rarely needed. */
const MARGIN = 1.25;
/** After a slice without matches, the next one holds this many times more events. */
const GROWTH_WITHOUT_MATCHES = 8;
/** A slice guessed from a density that turns out to hold more than this many times the events meant is cut down (by SHRINK) until it does not. */
const OVERSHOOT = 2;
const SHRINK = 4n;

export interface MatchQuery {
  where: CompiledWhere;
  /**
   * The FROM item to read the events of `slice` from (all of them for null): `events`, or the
   * text index's narrowing of it. Its parameters go after the WHERE's, in `builder`.
   */
  relation(builder: WhereBuilder, slice: TimeSlice | null): string;
}

/** The FROM item of `query` within `slice` and the parameters of the whole statement. */
export function readFrom(query: MatchQuery, slice: TimeSlice | null): { from: string; params: DuckDBValue[] } {
  const builder = new WhereBuilder([...query.where.params]);
  return { from: query.relation(builder, slice), params: builder.params };
}

/**
 * Up to `count` matches with the `columns` asked for, newest first (events without a time last,
 * by key_hash as everywhere). Fewer than `count` means these are all the matches.
 */
export async function newestMatches(connection: DuckDBConnection, query: MatchQuery, columns: string, count: number): Promise<Row[]> {
  const read = async (slice: TimeSlice, limit: number) => {
    const { from, params } = readFrom(query, slice);
    return readRows(connection, `SELECT ${columns} FROM ${from} WHERE ${query.where.sql} ${newestFirst(slice)} LIMIT ${limit}`, params);
  };
  const eventsWithin = async (slice: TimeSlice) => {
    const builder = new WhereBuilder();
    const [row] = await readRows(connection, `SELECT count(*) AS n FROM events WHERE ${sliceCondition(slice, builder)}`, builder.params);
    return Number(row?.n ?? 0);
  };

  const found: Row[] = [];
  const [span] = await readRows(connection, 'SELECT epoch_us(min(event_time)) AS oldest, epoch_us(max(event_time)) AS newest, count(*) AS events FROM events');
  if (span?.newest !== null && span?.newest !== undefined) {
    const oldest = BigInt(span.oldest as bigint);
    const end = BigInt(span.newest as bigint) + 1n;
    let budget = FIRST_SLICE_EVENTS_PER_MATCH * count;
    // First guess: the average density over all the events stored.
    let length = atLeastAnHour((Number(end - oldest) * budget) / Math.max(Number(span.events), 1));
    let eventsRead = 0;
    for (let to = end; to > oldest && found.length < count; ) {
      let from = to - length > oldest ? to - length : oldest;
      let events = await eventsWithin({ from, to });
      while (events > OVERSHOOT * budget && to - from > HOUR_MICROS) {
        from = to - atLeastAnHour(Number((to - from) / SHRINK));
        events = await eventsWithin({ from, to });
      }
      found.push(...(await read({ from, to }, count - found.length)));
      eventsRead += events;
      const wanted = count - found.length;
      budget = found.length === 0 ? budget * GROWTH_WITHOUT_MATCHES : Math.max(budget, (eventsRead * wanted * MARGIN) / found.length);
      // The events of the slice just read tell how long the next must be to hold its budget.
      length = atLeastAnHour((Number(to - from) * budget) / Math.max(events, 1));
      to = from;
    }
  }
  if (found.length < count) found.push(...(await read('untimed', count - found.length)));
  return found;
}

function atLeastAnHour(micros: number): bigint {
  const whole = BigInt(Math.ceil(micros));
  return whole > HOUR_MICROS ? whole : HOUR_MICROS;
}
