import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from './duckdb-database';
import { EVENT_COUNTS_DDL, recountAll } from './event-counts';
import { eventColumnDefinitions } from './event-columns';
import { TEXT_INDEX_DDL } from './text-index';

/**
 * The index's schema and its version. A file written by a newer Auditdesk is refused rather than
 * misread; an older one is migrated in place (MIGRATIONS), in one transaction.
 *
 * No PRIMARY KEY on events: DuckDB keeps a primary key in an in-memory ART index that grows with
 * every row (hundreds of MB at a few million events) and slows bulk inserts. The store is the
 * only writer and dedupes on event_key itself (bulk-writer.ts). The small bookkeeping tables have
 * no key either: a DuckDB transaction cannot delete and re-insert one key, which an upsert of a
 * file record needs.
 */
export const SCHEMA_VERSION = 5;

export class SchemaVersionError extends Error {
  override name = 'SchemaVersionError';
}

const TABLES = [
  `CREATE TABLE events (
  ${eventColumnDefinitions({ compress: true })},
  load_id BIGINT NOT NULL,          -- the flush that wrote the row (bulk-writer.ts dedupes by it)
  key_hash UBIGINT NOT NULL,        -- hash(event_key): the cheap tie-break of the newest-first order
  resources_text VARCHAR            -- resources joined by newlines, lower-cased: searched as text, far faster than a list
)`,
  'CREATE SEQUENCE load_seq START 1',
  // One row per load of rows into events; `verified` once its duplicates are removed.
  `CREATE TABLE loads (load_id BIGINT NOT NULL, kind VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, verified BOOLEAN NOT NULL)`,
  // One row per origin of events: an imported folder, or a profile/region that is synced.
  `CREATE TABLE sources (
  source_id VARCHAR NOT NULL,       -- 'import:<folder>' | 'lookup-events:<profile>/<region>' | …
  kind VARCHAR NOT NULL,            -- 'import' | 'lookup-events' | 'trail-file'
  ref VARCHAR NOT NULL,             -- the folder, or '<profile>/<region>'
  profile VARCHAR,
  region VARCHAR,
  files_done BIGINT NOT NULL DEFAULT 0,
  events_inserted BIGINT NOT NULL DEFAULT 0,
  last_run_at TIMESTAMP,
  last_status VARCHAR               -- 'done' | 'cancelled' | 'failed'
)`,
  // One row per file read, so a re-import skips what did not change (path + size + mtime + hash).
  `CREATE TABLE source_files (
  path VARCHAR NOT NULL,
  source_id VARCHAR,
  size BIGINT NOT NULL,
  mtime_ms DOUBLE NOT NULL,
  sha256 VARCHAR,
  status VARCHAR NOT NULL,          -- 'done' | 'failed'
  records BIGINT,
  inserted BIGINT,
  duplicates BIGINT,
  skipped_records BIGINT,
  error VARCHAR,
  imported_at TIMESTAMP NOT NULL
)`,
  // Where a LookupEvents sync stopped, per profile, account and region.
  `CREATE TABLE sync_cursors (
  profile VARCHAR NOT NULL,
  account VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  newest_event_time TIMESTAMP,
  oldest_event_time TIMESTAMP,
  backfill_done BOOLEAN NOT NULL DEFAULT false,
  updated_at TIMESTAMP NOT NULL
)`,
  `CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)`,
  EVENT_COUNTS_DDL,
  ...TEXT_INDEX_DDL,
];

/** What turns version N - 1 into version N, by N. */
const MIGRATIONS: Record<number, (connection: DuckDBConnection) => Promise<void>> = {
  // 2: the aggregate that answers totals and facets (event-counts.ts), filled from the events.
  2: async (connection) => {
    await connection.run(EVENT_COUNTS_DDL);
    await recountAll(connection);
  },
  // 3: the text index (text-index.ts), empty: the store's background indexer fills it.
  3: async (connection) => {
    for (const ddl of TEXT_INDEX_DDL) await connection.run(ddl);
  },
  // 4: its terms are whole values (split on whitespace and JSON syntax), no longer runs of letters
  // and digits, and flagged hex-only: made again, empty, to be built again in the background.
  4: async (connection) => {
    await connection.run('DROP TABLE text_terms');
    await connection.run('DROP TABLE text_indexed_loads');
    for (const ddl of TEXT_INDEX_DDL) await connection.run(ddl);
  },
  // 5: the searched text of the resources is lower-cased (compile-query.ts matches it so).
  5: async (connection) => {
    await connection.run('UPDATE events SET resources_text = lower(resources_text) WHERE resources_text IS NOT NULL');
  },
};

export async function ensureSchema(connection: DuckDBConnection): Promise<void> {
  const existing = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_version' AND table_catalog = current_database() AND table_schema = 'main'`,
  );
  if (Number(existing.getRowObjectsJS()[0]?.n ?? 0) === 0) {
    await inTransaction(connection, async () => {
      for (const ddl of TABLES) await connection.run(ddl);
      await connection.run('INSERT INTO schema_version VALUES ($1, now())', [SCHEMA_VERSION]);
    });
    return;
  }
  const found = await connection.runAndReadAll('SELECT max(version) AS v FROM schema_version');
  const version = Number(found.getRowObjectsJS()[0]?.v ?? 0);
  if (version > SCHEMA_VERSION) {
    throw new SchemaVersionError(`This index was written by a newer Auditdesk (schema ${version}; this version reads up to ${SCHEMA_VERSION}).`);
  }
  if (version === SCHEMA_VERSION) return;
  await inTransaction(connection, async () => {
    for (let next = version + 1; next <= SCHEMA_VERSION; next += 1) await MIGRATIONS[next]?.(connection);
    await connection.run('INSERT INTO schema_version VALUES ($1, now())', [SCHEMA_VERSION]);
  });
}
