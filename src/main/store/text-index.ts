import { BIGINT, BOOLEAN, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, readRows } from './duckdb-database';

/**
 * The index of record text that lets a free-text search read a few hours of events instead of
 * every record (1.3 GB of text at a million events, about a second to scan).
 *
 * For every hour of event time it knows which terms occur in that hour's records. A term is a
 * maximal run of the lower-cased record text without whitespace or JSON syntax (TERM_SEPARATORS):
 * a value such as `ec2.amazonaws.com`, an eventID, `role/examplerole-us-east-2`. A search word
 * found in a record lies inside such terms (see searchRuns), so the hours whose terms contain it
 * hold every match. The search still checks each record of those hours: the index only has to
 * give too many hours, never too few, and stays correct when events are deleted or deduplicated.
 *
 * Whole values rather than runs of letters and digits: `AWSReservedSSO_Admin` or
 * `prod-db-cluster-1` are rare as a whole and made of common words, and the index has half as
 * many terms (an eventID is one term, not five) and builds in about 15 s per million events
 * instead of 25 (measured on 225k events: 3.1 s and 452k terms against 5.0 s and 968k).
 *
 * Terms are grouped by term, with the list of hours, and written per segment (the loads indexed
 * together) in term order. Tokenising the text is the cost, so the index is built after a load is
 * settled, in the background, and a search scans the loads it has not reached yet
 * (unindexedLoads). Small segments (a sync writes many small loads) are merged now and then, so a
 * lookup reads each term about once.
 */
/**
 * Terms of hex digits and dashes only: eventIDs, requestIDs, hashes, numbers. They are 99.5% of
 * the terms (two unique ids per event), so each segment keeps them after the others (ordered by
 * `hexish`, then term), and a word with any other character, which no such term can contain,
 * reads the rest alone: about 0.5% of the terms (measured over 10M events: 97k of 20M).
 */
export const HEXISH = '[0-9a-f-]+';

/** The characters between terms, as a character class both RE2 (DuckDB) and JavaScript read alike. */
export const TERM_SEPARATORS = '\\t\\n\\f\\r "{}\\[\\],:';
export const TEXT_INDEX_DDL = [
  `CREATE TABLE text_terms (segment BIGINT NOT NULL, hexish BOOLEAN NOT NULL, term VARCHAR NOT NULL, hours INTEGER[] NOT NULL)`,
  `CREATE TABLE text_indexed_loads (load_id BIGINT NOT NULL, segment BIGINT NOT NULL, events BIGINT NOT NULL)`,
];

/** The hour of an event: hours since the epoch (an INTEGER lasts until the year 246,000). */
const HOUR_OF_EVENT = 'CAST(epoch_us(date_trunc(\'hour\', event_time)) // 3600000000 AS INTEGER)';
export const HOUR_MICROS = 3_600_000_000n;

/** Events indexed in one step: about 5 s of work, a transaction's worth of terms in memory. */
const STEP_EVENTS = 250_000;
/** Segments smaller than this are merged once there are MERGE_AT of them. */
const SMALL_SEGMENT_EVENTS = 100_000;
const MERGE_AT = 8;

export interface TextIndexProgress {
  /** Events of the loads indexed by this step. */
  indexedEvents: number;
  /** Events of settled loads still waiting. */
  pendingEvents: number;
}

/**
 * Indexes the oldest settled loads not indexed yet, up to about STEP_EVENTS events, in one
 * transaction (an interrupted step leaves nothing behind; the next one does it again).
 */
export async function indexTextStep(connection: DuckDBConnection): Promise<TextIndexProgress> {
  const pending = await pendingLoads(connection);
  const batch: Array<{ id: bigint; events: number }> = [];
  let batchEvents = 0;
  for (const load of pending) {
    if (batch.length > 0 && batchEvents + load.events > STEP_EVENTS) break;
    batch.push(load);
    batchEvents += load.events;
  }
  const pendingEvents = pending.reduce((sum, load) => sum + load.events, 0);
  if (batch.length === 0) return { indexedEvents: 0, pendingEvents };
  const segment = batch[0]?.id as bigint;
  const loads = listValue(batch.map((load) => load.id));
  await inTransaction(connection, async () => {
    await connection.run(
      `INSERT INTO text_terms
       SELECT $1, regexp_full_match(term, '${HEXISH}'), term, list(DISTINCT hour ORDER BY hour)
       FROM (SELECT ${HOUR_OF_EVENT} AS hour, unnest(regexp_extract_all(lower(raw), '[^${TERM_SEPARATORS}]+')) AS term
             FROM events WHERE load_id IN (SELECT unnest($2)) AND event_time IS NOT NULL AND raw IS NOT NULL)
       GROUP BY term ORDER BY 2, term`,
      [segment, loads],
      [BIGINT, LIST(BIGINT)],
    );
    await connection.run(
      'INSERT INTO text_indexed_loads SELECT unnest($2), $1, unnest($3)',
      [segment, loads, listValue(batch.map((load) => BigInt(load.events)))],
      [BIGINT, LIST(BIGINT), LIST(BIGINT)],
    );
    await mergeSmallSegments(connection);
  });
  return { indexedEvents: batchEvents, pendingEvents: pendingEvents - batchEvents };
}

/**
 * Settled loads the index has not reached, oldest first, with their sizes (a load whose every row
 * was a duplicate counts too, so that it stops being scanned).
 */
async function pendingLoads(connection: DuckDBConnection): Promise<Array<{ id: bigint; events: number }>> {
  const rows = await readRows(
    connection,
    `SELECT l.load_id, count(e.load_id) AS n
     FROM (SELECT load_id FROM loads WHERE verified AND load_id NOT IN (SELECT load_id FROM text_indexed_loads)) l
     LEFT JOIN events e ON e.load_id = l.load_id
     GROUP BY l.load_id ORDER BY l.load_id`,
  );
  return rows.map((row) => ({ id: BigInt(row.load_id as bigint), events: Number(row.n) }));
}

/** One segment out of the small ones, once there are enough of them to slow a lookup down. */
async function mergeSmallSegments(connection: DuckDBConnection): Promise<void> {
  const small = await readRows(
    connection,
    `SELECT segment FROM text_indexed_loads GROUP BY segment HAVING sum(events) < ${SMALL_SEGMENT_EVENTS} ORDER BY segment`,
  );
  if (small.length < MERGE_AT) return;
  const segments = listValue(small.map((row) => BigInt(row.segment as bigint)));
  const into = BigInt(small[0]?.segment as bigint);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE text_terms_merged AS
     SELECT hexish, term, list(DISTINCT hour ORDER BY hour) AS hours
     FROM (SELECT hexish, term, unnest(hours) AS hour FROM text_terms WHERE segment IN (SELECT unnest($1))) GROUP BY hexish, term`,
    [segments],
    [LIST(BIGINT)],
  );
  await connection.run('DELETE FROM text_terms WHERE segment IN (SELECT unnest($1))', [segments], [LIST(BIGINT)]);
  await connection.run('INSERT INTO text_terms SELECT $1, hexish, term, hours FROM text_terms_merged ORDER BY hexish, term', [into], [BIGINT]);
  await connection.run('UPDATE text_indexed_loads SET segment = $1 WHERE segment IN (SELECT unnest($2))', [into, segments], [BIGINT, LIST(BIGINT)]);
  await connection.run('DROP TABLE text_terms_merged');
}

/**
 * The loads a free-text search must scan in full: every load the index has not reached, settled
 * or not (a load being imported is already visible to readers).
 */
export async function unindexedLoads(connection: DuckDBConnection): Promise<bigint[]> {
  const rows = await readRows(connection, 'SELECT load_id FROM loads WHERE load_id NOT IN (SELECT load_id FROM text_indexed_loads) ORDER BY load_id');
  return rows.map((row) => BigInt(row.load_id as bigint));
}

/**
 * A WHERE condition for the events of `loads` (not empty, ascending). Load ids are the store's own
 * integers, not user input: written into the SQL, the BETWEEN lets DuckDB skip other loads' row groups.
 */
export function ofLoads(loads: readonly bigint[]): string {
  return `load_id BETWEEN ${loads[0]} AND ${loads.at(-1)} AND list_contains([${loads.join(', ')}], load_id)`;
}

/** How many stored events of `loads` (those the index has not reached, see unindexedLoads) there are. */
export async function pendingTextEvents(connection: DuckDBConnection, loads: readonly bigint[]): Promise<number> {
  if (loads.length === 0) return 0;
  const [row] = await readRows(connection, `SELECT count(*) AS n FROM events WHERE ${ofLoads(loads)}`);
  return Number(row?.n ?? 0);
}

/**
 * The hours of the term that is exactly `term`: a few milliseconds, since each segment is written
 * in term order and DuckDB skips the row groups whose range of terms cannot hold it.
 */
export async function hoursOfTerm(connection: DuckDBConnection, term: string): Promise<Set<number>> {
  const rows = await readRows(connection, 'SELECT DISTINCT unnest(hours) AS hour FROM text_terms WHERE hexish = $2 AND term = $1', [term, isHexish(term)], [VARCHAR, BOOLEAN]);
  return new Set(rows.map((row) => Number(row.hour)));
}

/**
 * For each needle, the hours whose terms contain it (one read of the terms for all of them).
 * A needle is a run without separators (see searchRuns).
 */
export async function hoursContaining(connection: DuckDBConnection, needles: readonly string[]): Promise<Array<Set<number>>> {
  if (needles.length === 0) return [];
  const matches = needles.map((_, i) => `contains(term, $${i + 1}) AS m${i}`);
  const lists = needles.map((_, i) => `list(DISTINCT hour) FILTER (WHERE m${i}) AS h${i}`);
  const anyNeedle = needles.map((_, i) => `contains(term, $${i + 1})`).join(' OR ');
  // Only when no needle could be inside a hexish term can the read skip them all.
  const where = needles.some(isHexish) ? anyNeedle : `hexish = false AND (${anyNeedle})`;
  const [row] = await readRows(
    connection,
    `SELECT ${lists.join(', ')}
     FROM (SELECT unnest(hours) AS hour, ${matches.join(', ')} FROM text_terms WHERE ${where})`,
    [...needles],
    needles.map(() => VARCHAR),
  );
  return needles.map((_, i) => new Set(((row?.[`h${i}`] as number[] | null) ?? []).map(Number)));
}

const HEXISH_TERM = new RegExp(`^${HEXISH}$`);

/** Whether a (lower-cased) term or needle is made of hex digits and dashes only. */
function isHexish(text: string): boolean {
  return HEXISH_TERM.test(text);
}
