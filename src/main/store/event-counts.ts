import { BIGINT, type DuckDBConnection } from '@duckdb/node-api';

/**
 * Event counts per combination of the columns that structured filters and facets use: a small
 * aggregate of the events table (thousands of rows for a million events, since the same
 * principals call the same APIs in the same accounts over and over). A query that filters on
 * these columns alone gets its total and facets from here in a few milliseconds instead of
 * grouping every matching event; the page itself still comes from the events.
 *
 * It is kept in step with the events inside the transaction that settles each load (see
 * bulk-writer.ts verifyLoad), so a reader never sees one without the other. A load appends its
 * own counts; they are merged now and then (every COMPACT_EVERY loads), and a reader sums them.
 */
export const COUNT_DIMENSIONS = [
  'account',
  'aws_region',
  'event_source',
  'event_name',
  'event_category',
  'principal',
  'principal_arn',
  'principal_name',
  'session_name',
  'principal_type',
  'error_code',
  'read_only',
  'profile',
] as const;

export const EVENT_COUNTS_TABLE = 'event_counts';

const COMPACT_EVERY = 32n;
const DIMENSIONS = COUNT_DIMENSIONS.join(', ');

export const EVENT_COUNTS_DDL = `CREATE TABLE ${EVENT_COUNTS_TABLE} (
  ${COUNT_DIMENSIONS.map((c) => `${c} ${c === 'read_only' ? 'BOOLEAN' : 'VARCHAR'}`).join(',\n  ')},
  n BIGINT NOT NULL
)`;

/** Adds the counts of one load's rows (already rid of duplicates). */
export async function countLoad(connection: DuckDBConnection, loadId: bigint): Promise<void> {
  await connection.run(`INSERT INTO ${EVENT_COUNTS_TABLE} SELECT ${DIMENSIONS}, count(*) FROM events WHERE load_id = $1 GROUP BY ALL`, [loadId], [BIGINT]);
  if (loadId % COMPACT_EVERY === 0n) await compactCounts(connection);
}

/**
 * Counts every stored event of the settled loads again (a migration, or a repair); a load a
 * crash left unsettled is counted when it is settled.
 */
export async function recountAll(connection: DuckDBConnection): Promise<void> {
  await connection.run(`DELETE FROM ${EVENT_COUNTS_TABLE}`);
  await connection.run(
    `INSERT INTO ${EVENT_COUNTS_TABLE} SELECT ${DIMENSIONS}, count(*) FROM events WHERE load_id IN (SELECT load_id FROM loads WHERE verified) GROUP BY ALL`,
  );
}

/** One row per combination again. */
async function compactCounts(connection: DuckDBConnection): Promise<void> {
  const merged = `${EVENT_COUNTS_TABLE}_merged`;
  await connection.run(`CREATE TEMP TABLE ${merged} AS SELECT ${DIMENSIONS}, sum(n)::BIGINT AS n FROM ${EVENT_COUNTS_TABLE} GROUP BY ALL`);
  try {
    await connection.run(`DELETE FROM ${EVENT_COUNTS_TABLE}`);
    await connection.run(`INSERT INTO ${EVENT_COUNTS_TABLE} SELECT * FROM ${merged}`);
  } finally {
    await connection.run(`DROP TABLE ${merged}`);
  }
}
