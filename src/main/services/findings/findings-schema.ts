import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '../../store/duckdb-database';

/**
 * The findings index: a DuckDB file of its own (`<dataDir>/findings.duckdb`), apart from the
 * events index, so a findings sync never waits on a CloudTrail import and either file can be
 * rebuilt alone. Small tables (thousands of rows), so no tuning; no PRIMARY KEY because a DuckDB
 * transaction cannot delete and re-insert one key, which replacing an analyzer's findings does.
 * The store is the only writer and keeps (analyzer_arn, finding_id) unique itself.
 */
export const FINDINGS_SCHEMA_VERSION = 1;

const TABLES = [
  // One row per (analyzer, finding): exactly what the last full listing of that analyzer returned.
  `CREATE TABLE findings (
  analyzer_arn VARCHAR NOT NULL,
  finding_id VARCHAR NOT NULL,
  analyzer_type VARCHAR NOT NULL,      -- ACCOUNT, ORGANIZATION_UNUSED_ACCESS…
  analyzer_kind VARCHAR NOT NULL,      -- external | internal | unused
  account VARCHAR NOT NULL,            -- the analyzer's account
  resource_owner_account VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  finding_type VARCHAR NOT NULL,
  resource_type VARCHAR NOT NULL,
  resource VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  is_public BOOLEAN,                   -- external access only
  principal_summary VARCHAR NOT NULL,
  action_summary VARCHAR NOT NULL,
  created_at TIMESTAMP,
  updated_at TIMESTAMP,
  analyzed_at TIMESTAMP,
  error VARCHAR,
  profile VARCHAR NOT NULL,            -- whose credentials read it (and triage it)
  retrieved_at TIMESTAMP NOT NULL,
  raw_json VARCHAR NOT NULL,           -- the GetFindingV2 answer, every details page merged
  search_text VARCHAR NOT NULL         -- lower-cased columns the free-text filter looks in, in one
)`,
  // Per account, region (empty for account-wide kinds) and analyzer kind, as the last sync saw it.
  `CREATE TABLE coverage (
  account VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  analyzers_json VARCHAR NOT NULL,
  org_analyzers_json VARCHAR NOT NULL,
  profile VARCHAR NOT NULL,
  message VARCHAR,
  checked_at TIMESTAMP NOT NULL
)`,
  'CREATE SEQUENCE annotation_seq START 1',
  // Append-only: rows are inserted, never updated or deleted, so the log is evidence on its own.
  `CREATE TABLE annotations (
  seq BIGINT NOT NULL DEFAULT nextval('annotation_seq'),
  annotation_id VARCHAR NOT NULL,
  finding_id VARCHAR NOT NULL,
  analyzer_arn VARCHAR NOT NULL,
  resource VARCHAR,
  action VARCHAR NOT NULL,             -- archive | unarchive | note
  label VARCHAR,                       -- notes: accepted-risk | needs-follow-up | comment
  justification VARCHAR NOT NULL,
  who VARCHAR NOT NULL,
  who_source VARCHAR NOT NULL,         -- sts | os-user
  recorded_at TIMESTAMP NOT NULL,
  profile VARCHAR,
  previous_status VARCHAR,
  new_status VARCHAR
)`,
  `CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)`,
];

export class FindingsSchemaError extends Error {
  override name = 'FindingsSchemaError';
}

export async function ensureFindingsSchema(connection: DuckDBConnection): Promise<void> {
  const existing = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_version' AND table_catalog = current_database() AND table_schema = 'main'`,
  );
  if (Number(existing.getRowObjectsJS()[0]?.n ?? 0) === 0) {
    await inTransaction(connection, async () => {
      for (const ddl of TABLES) await connection.run(ddl);
      await connection.run('INSERT INTO schema_version VALUES ($1, now())', [FINDINGS_SCHEMA_VERSION]);
    });
    return;
  }
  const found = await connection.runAndReadAll('SELECT max(version) AS v FROM schema_version');
  const version = Number(found.getRowObjectsJS()[0]?.v ?? 0);
  if (version > FINDINGS_SCHEMA_VERSION) {
    throw new FindingsSchemaError(`The findings index was written by a newer Auditdesk (schema ${version}; this version reads up to ${FINDINGS_SCHEMA_VERSION}).`);
  }
}
