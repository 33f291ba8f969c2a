import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows, type Row } from '../../store/duckdb-database';
import { compileWhere, WhereBuilder } from './compile-query';
import type { QueryNode } from './query-ast';
import { decodeCursor, encodeCursor } from './search-cursor';

/** The columns a result row shows (the IPC contract's EventRow). */
const ROW_COLUMNS = `event_key, event_id, epoch_us(event_time) AS event_time_us, key_hash, event_name, event_source, account, aws_region, principal,
  principal_type, source_ip, error_code, read_only, access_key_id, user_agent, resources[1:5] AS resources, len(resources) AS resource_count`;

const HOUR_MICROS = 3_600_000_000n;
/**
 * How far back from the newest event (or the cursor) each attempt looks: most pages fill from
 * the newest day, and DuckDB skips the row groups outside the window by their min/max time.
 */
const WINDOWS = [24n * HOUR_MICROS, 8n * 24n * HOUR_MICROS, 64n * 24n * HOUR_MICROS, 512n * 24n * HOUR_MICROS];

export interface PageResult {
  rows: Row[];
  nextCursor?: string;
}

/**
 * One page, newest first (event time, then key_hash, a hash of the index key; events without a
 * time last), after `cursor`. Keyset pagination: the cursor is the sort key of the last row.
 *
 * The page is found in two steps inside one statement: the sort keys and row ids of the
 * matching rows first (a few narrow columns), then the shown columns of the rows kept only.
 * Sorting with every shown column costs several times more at a million events.
 */
export async function findPage(
  connection: DuckDBConnection,
  tree: QueryNode,
  nowMicros: bigint,
  limit: number,
  cursor: string | undefined,
  /** How many events match in all, when known: a few pages' worth are found in one read. */
  total?: number,
): Promise<PageResult> {
  const position = cursor ? decodeCursor(cursor) : null;
  let start: bigint | null = null;
  if (total === undefined || total > 4 * limit) {
    const [bounds] = position ? [] : await readRows(connection, 'SELECT epoch_us(max(event_time)) AS newest FROM events');
    const newest = bounds?.newest === null || bounds?.newest === undefined ? null : BigInt(bounds.newest as bigint);
    start = position ? position.timeMicros : newest;
  }
  const windows: Array<bigint | null> = start === null ? [null] : [...WINDOWS.map((w) => start - w), null];

  for (const from of windows) {
    const builder = new WhereBuilder();
    const where = compileWhere(tree, { nowMicros }, builder);
    const conditions = [where.sql];
    if (position) {
      const hash = builder.param(position.keyHash);
      if (position.timeMicros === null) conditions.push(`(event_time IS NULL AND key_hash < CAST(${hash} AS UBIGINT))`);
      else {
        const t = `make_timestamp(CAST(${builder.param(position.timeMicros)} AS BIGINT))`;
        conditions.push(`(event_time < ${t} OR (event_time = ${t} AND key_hash < CAST(${hash} AS UBIGINT)) OR event_time IS NULL)`);
      }
    }
    if (from !== null) conditions.push(`event_time >= make_timestamp(CAST(${builder.param(from)} AS BIGINT))`);
    const order = 'ORDER BY event_time DESC NULLS LAST, key_hash DESC';
    const rows = await readRows(
      connection,
      `SELECT ${ROW_COLUMNS} FROM events
       WHERE rowid IN (SELECT rowid FROM events WHERE ${conditions.join(' AND ')} ${order} LIMIT ${limit + 1})
       ${order}`,
      builder.params,
    );
    // A window with fewer rows than a page may just be too narrow: look further back.
    if (rows.length <= limit && from !== null) continue;
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ timeMicros: last.event_time_us === null ? null : BigInt(last.event_time_us as bigint), keyHash: BigInt(last.key_hash as bigint) })
        : undefined;
    return { rows: shown, nextCursor };
  }
  return { rows: [] };
}
