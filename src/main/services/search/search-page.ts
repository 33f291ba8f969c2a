import { LIST, UBIGINT, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { readRows, type Row } from '../../store/duckdb-database';
import { HOUR_MICROS } from '../../store/text-index';
import { compileWhere, WhereBuilder } from './compile-query';
import type { QueryNode } from './query-ast';
import { compareSortKeys, decodeCursor, encodeCursor, type SearchCursor } from './search-cursor';

/** The columns a result row shows (the IPC contract's EventRow). */
const ROW_COLUMNS = `event_key, event_id, epoch_us(event_time) AS event_time_us, key_hash, event_name, event_source, account, aws_region, principal,
  principal_type, source_ip, error_code, read_only, access_key_id, user_agent, resources[1:5] AS resources, len(resources) AS resource_count`;

/** The order of every list of events: newest first, untimed last, ties by key_hash (search-cursor.ts compares the same way). */
export const NEWEST_FIRST = 'ORDER BY event_time DESC NULLS LAST, key_hash DESC';

/**
 * For free text only: how far back from the newest event (or the cursor) each attempt looks.
 * Reading every record's text is the cost there, and most pages of a common word fill from the
 * newest day, so the other row groups' text is never read.
 */
const FIRST_WINDOW = 24n * HOUR_MICROS;
/** Each attempt looks this many times further back than the one before; after MAX_WINDOWS, everything. */
const WINDOW_GROWTH = 8n;
const MAX_WINDOWS = 4;

/** The sort key of a row: event time (null sorts last), then key_hash. A cursor is one. */
export type SortKey = SearchCursor;

export interface PageResult {
  rows: Row[];
  nextCursor?: string;
}

export interface FindPageOptions {
  /** Look back in growing time windows (free text) instead of one ordered read of all matches. */
  windowed: boolean;
  /** How far back the first window looks (default a day): a caller that knows how dense the matches are sizes it to fill the page at once. */
  firstWindowMicros?: bigint;
}

/**
 * One page, newest first, after `cursor` (keyset pagination: the cursor is the sort key of the
 * previous page's last row, so every page costs the same and nothing shifts under inserts).
 *
 * Two steps: the sort keys of the page (event_time and key_hash: two narrow columns, which
 * DuckDB orders with a top-N in a few milliseconds at a million rows), then the shown columns
 * of those rows alone, read inside the page's time range. Ordering the shown columns
 * themselves, or fetching rows by rowid, reads every row group of every shown column.
 */
export async function findPage(
  connection: DuckDBConnection,
  tree: QueryNode,
  nowMicros: bigint,
  limit: number,
  cursor: string | undefined,
  options: FindPageOptions,
): Promise<PageResult> {
  const position = cursor ? decodeCursor(cursor) : null;
  const keys = options.windowed
    ? await windowedKeys(connection, tree, nowMicros, limit + 1, position, options.firstWindowMicros ?? FIRST_WINDOW)
    : await matchingKeys(connection, tree, nowMicros, limit + 1, position, null);
  return pageOfKeys(connection, keys, limit);
}

/**
 * The page after `cursor` from matches already read, newest first (see newest-matches.ts): all
 * of them (`complete`), or the newest ones only, which hold the page when it ends before they
 * do. Null when it does not (the caller then looks further back).
 */
export async function pageFromNewest(connection: DuckDBConnection, newest: readonly SortKey[], complete: boolean, limit: number, cursor: string | undefined): Promise<PageResult | null> {
  const position = cursor ? decodeCursor(cursor) : null;
  const after = position ? newest.filter((key) => compareSortKeys(key, position) > 0) : [...newest];
  if (!complete && after.length <= limit) return null;
  after.sort(compareSortKeys);
  return pageOfKeys(connection, after.slice(0, limit + 1), limit);
}

async function pageOfKeys(connection: DuckDBConnection, keys: readonly SortKey[], limit: number): Promise<PageResult> {
  const shown = keys.slice(0, limit);
  const rows = await rowsOfKeys(connection, shown);
  const last = shown.at(-1);
  return keys.length > limit && last ? { rows, nextCursor: encodeCursor(last) } : { rows };
}

/** Sort keys of up to `count` matching rows after `position`, newest first, from `from` on. */
async function matchingKeys(connection: DuckDBConnection, tree: QueryNode, nowMicros: bigint, count: number, position: SortKey | null, from: bigint | null): Promise<SortKey[]> {
  const builder = new WhereBuilder();
  const conditions = [compileWhere(tree, { nowMicros }, builder).sql];
  if (position) conditions.push(afterPosition(position, builder, from === null));
  if (from !== null) conditions.push(`event_time >= ${builder.time(from)}`);
  const rows = await readRows(
    connection,
    `SELECT epoch_us(event_time) AS t, key_hash FROM events WHERE ${conditions.join(' AND ')} ${NEWEST_FIRST} LIMIT ${count}`,
    builder.params,
  );
  return rows.map(toSortKey);
}

async function windowedKeys(
  connection: DuckDBConnection,
  tree: QueryNode,
  nowMicros: bigint,
  count: number,
  position: SortKey | null,
  firstWindow: bigint,
): Promise<SortKey[]> {
  let start = position?.timeMicros ?? null;
  if (!position) {
    const [bounds] = await readRows(connection, 'SELECT epoch_us(max(event_time)) AS newest FROM events');
    start = bounds?.newest === null || bounds?.newest === undefined ? null : BigInt(bounds.newest as bigint);
  }
  const sizes = Array.from({ length: MAX_WINDOWS }, (_, i) => firstWindow * WINDOW_GROWTH ** BigInt(i));
  const windows: Array<bigint | null> = start === null ? [null] : [...sizes.map((size) => start - size), null];
  for (const from of windows) {
    const keys = await matchingKeys(connection, tree, nowMicros, count, position, from);
    // A window with fewer rows than asked for may just be too narrow: look further back.
    if (keys.length === count || from === null) return keys;
  }
  return [];
}

/**
 * Rows strictly after `position` in newest-first order; `untimed` false leaves out the untimed
 * rows (which come after every timed one) for a read bounded in time that cannot hold them:
 * the branch would stop DuckDB from skipping row groups by time (see time-slice.ts).
 */
function afterPosition(position: SortKey, builder: WhereBuilder, untimed = true): string {
  const hash = `CAST(${builder.param(position.keyHash)} AS UBIGINT)`;
  if (position.timeMicros === null) return `(event_time IS NULL AND key_hash < ${hash})`;
  const time = builder.time(position.timeMicros);
  return `(event_time < ${time} OR (event_time = ${time} AND key_hash < ${hash})${untimed ? ' OR event_time IS NULL' : ''})`;
}

/**
 * The shown columns of the rows with these sort keys, in their order. The time range of the
 * keys lets DuckDB read only the row groups (and vectors) that can hold them.
 */
async function rowsOfKeys(connection: DuckDBConnection, keys: readonly SortKey[]): Promise<Row[]> {
  if (keys.length === 0) return [];
  const times = keys.flatMap((k) => (k.timeMicros === null ? [] : [k.timeMicros]));
  const params: DuckDBValue[] = [listValue(keys.map((k) => k.keyHash))];
  const ranges: string[] = [];
  if (times.length > 0) {
    params.push(times.reduce((a, b) => (b < a ? b : a)), times.reduce((a, b) => (b > a ? b : a)));
    ranges.push('event_time BETWEEN make_timestamp(CAST($2 AS BIGINT)) AND make_timestamp(CAST($3 AS BIGINT))');
  }
  if (times.length < keys.length) ranges.push('event_time IS NULL');
  const rows = await readRows(
    connection,
    `SELECT ${ROW_COLUMNS} FROM events WHERE (${ranges.join(' OR ')}) AND key_hash IN (SELECT unnest($1))`,
    params,
    [LIST(UBIGINT)],
  );
  // Two rows could share a key_hash in that range (a 64-bit hash, but still): match time and hash.
  const byKey = new Map(rows.map((row) => [sortKeyId(toSortKey({ t: row.event_time_us, key_hash: row.key_hash })), row]));
  return keys.flatMap((key) => {
    const row = byKey.get(sortKeyId(key));
    return row ? [row] : [];
  });
}

function sortKeyId(key: SortKey): string {
  return `${key.timeMicros ?? ''}|${key.keyHash}`;
}

export function toSortKey(row: Row): SortKey {
  return { timeMicros: row.t === null || row.t === undefined ? null : BigInt(row.t as bigint), keyHash: BigInt(row.key_hash as bigint) };
}
