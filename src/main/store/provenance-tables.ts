import { BIGINT, BOOLEAN, DOUBLE, LIST, TIMESTAMP, VARCHAR, listValue, timestampValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { formatMicrosIso, isoToMicros } from '../services/events/event-time';
import { inTransaction, readRows } from './duckdb-database';

/** A file an import read (or failed to read): what a re-import compares to skip it. */
export interface SourceFileRecord {
  path: string;
  sourceId: string | null;
  size: number;
  mtimeMs: number;
  sha256: string | null;
  status: 'done' | 'failed';
  records: number | null;
  skippedRecords: number | null;
  error: string | null;
  importedAt: string;
}

/** One origin of events: an imported folder or a synced profile/region. */
export interface SourceRecord {
  sourceId: string;
  kind: 'import' | 'lookup-events' | 'trail-file';
  ref: string;
  profile: string | null;
  region: string | null;
  filesDone: number;
  eventsInserted: number;
  lastRunAt: string | null;
  lastStatus: 'done' | 'cancelled' | 'failed' | null;
}

/** Where a LookupEvents sync of one profile, account and region stands. */
export interface SyncCursor {
  profile: string;
  account: string;
  region: string;
  /** The newest event time fetched: the next sync starts there. */
  newestEventTime: string | null;
  /** The oldest event time fetched so far by the backfill. */
  oldestEventTime: string | null;
  /** The backfill reached the start of LookupEvents' 90 days. */
  backfillDone: boolean;
  updatedAt: string;
}

const time = (iso: string | null) => (iso === null ? null : timestampValue(isoToMicros(iso)));
const iso = (value: unknown) => (value === null || value === undefined ? null : formatMicrosIso(BigInt(value as bigint)));
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

export async function loadSourceFiles(connection: DuckDBConnection): Promise<Map<string, SourceFileRecord>> {
  const rows = await readRows(
    connection,
    `SELECT path, source_id, size, mtime_ms, sha256, status, records, skipped_records, error, epoch_us(imported_at) AS imported_us FROM source_files`,
  );
  return new Map(
    rows.map((r) => [
      String(r.path),
      {
        path: String(r.path),
        sourceId: text(r.source_id),
        size: Number(r.size),
        mtimeMs: Number(r.mtime_ms),
        sha256: text(r.sha256),
        status: r.status === 'done' ? 'done' : 'failed',
        records: r.records === null ? null : Number(r.records),
        skippedRecords: r.skipped_records === null ? null : Number(r.skipped_records),
        error: text(r.error),
        importedAt: iso(r.imported_us) ?? '',
      },
    ]),
  );
}

/** Replaces the records of these paths. Runs inside the caller's transaction. */
export async function saveSourceFiles(connection: DuckDBConnection, files: readonly SourceFileRecord[]): Promise<void> {
  if (files.length === 0) return;
  const column = <T extends DuckDBValue>(pick: (f: SourceFileRecord) => T) => listValue(files.map(pick));
  await connection.run('DELETE FROM source_files WHERE path IN (SELECT unnest($1))', [column((f) => f.path)], [LIST(VARCHAR)]);
  await connection.run(
    `INSERT INTO source_files (path, source_id, size, mtime_ms, sha256, status, records, skipped_records, error, imported_at)
     SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6), unnest($7), unnest($8), unnest($9), unnest($10)`,
    [
      column((f) => f.path),
      column((f) => f.sourceId),
      column((f) => BigInt(f.size)),
      column((f) => f.mtimeMs),
      column((f) => f.sha256),
      column((f) => f.status),
      column((f) => (f.records === null ? null : BigInt(f.records))),
      column((f) => (f.skippedRecords === null ? null : BigInt(f.skippedRecords))),
      column((f) => f.error),
      column((f) => time(f.importedAt)),
    ],
    [LIST(VARCHAR), LIST(VARCHAR), LIST(BIGINT), LIST(DOUBLE), LIST(VARCHAR), LIST(VARCHAR), LIST(BIGINT), LIST(BIGINT), LIST(VARCHAR), LIST(TIMESTAMP)],
  );
}

export async function loadSources(connection: DuckDBConnection): Promise<SourceRecord[]> {
  const rows = await readRows(
    connection,
    'SELECT source_id, kind, ref, profile, region, files_done, events_inserted, epoch_us(last_run_at) AS last_run_us, last_status FROM sources ORDER BY source_id',
  );
  return rows.map((r) => ({
    sourceId: String(r.source_id),
    kind: r.kind as SourceRecord['kind'],
    ref: String(r.ref),
    profile: text(r.profile),
    region: text(r.region),
    filesDone: Number(r.files_done),
    eventsInserted: Number(r.events_inserted),
    lastRunAt: iso(r.last_run_us),
    lastStatus: (text(r.last_status) as SourceRecord['lastStatus']) ?? null,
  }));
}

/** Adds a run's counts to a source (creating it on first use). Runs inside the caller's transaction. */
export async function recordSourceRun(
  connection: DuckDBConnection,
  run: Omit<SourceRecord, 'filesDone' | 'eventsInserted' | 'lastRunAt'> & { filesDone: number; eventsInserted: number; at: string },
): Promise<void> {
  const [previous] = await readRows(connection, 'SELECT files_done, events_inserted FROM sources WHERE source_id = $1', [run.sourceId]);
  await connection.run('DELETE FROM sources WHERE source_id = $1', [run.sourceId]);
  await connection.run(
    'INSERT INTO sources VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [
      run.sourceId,
      run.kind,
      run.ref,
      run.profile,
      run.region,
      BigInt(Number(previous?.files_done ?? 0) + run.filesDone),
      BigInt(Number(previous?.events_inserted ?? 0) + run.eventsInserted),
      time(run.at),
      run.lastStatus,
    ],
    [VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT, BIGINT, TIMESTAMP, VARCHAR],
  );
}

export async function loadSyncCursors(connection: DuckDBConnection, profile?: string): Promise<SyncCursor[]> {
  const rows = await readRows(
    connection,
    `SELECT profile, account, region, epoch_us(newest_event_time) AS newest_us, epoch_us(oldest_event_time) AS oldest_us, backfill_done, epoch_us(updated_at) AS updated_us
     FROM sync_cursors WHERE $1 IS NULL OR profile = $1 ORDER BY profile, account, region`,
    [profile ?? null],
  );
  return rows.map((r) => ({
    profile: String(r.profile),
    account: String(r.account),
    region: String(r.region),
    newestEventTime: iso(r.newest_us),
    oldestEventTime: iso(r.oldest_us),
    backfillDone: Boolean(r.backfill_done),
    updatedAt: iso(r.updated_us) ?? '',
  }));
}

export async function saveSyncCursor(connection: DuckDBConnection, cursor: SyncCursor): Promise<void> {
  const key: DuckDBValue[] = [cursor.profile, cursor.account, cursor.region];
  await inTransaction(connection, async () => {
    await connection.run('DELETE FROM sync_cursors WHERE profile = $1 AND account = $2 AND region = $3', key);
    await connection.run(
      'INSERT INTO sync_cursors VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [...key, time(cursor.newestEventTime), time(cursor.oldestEventTime), cursor.backfillDone, time(cursor.updatedAt)],
      [VARCHAR, VARCHAR, VARCHAR, TIMESTAMP, TIMESTAMP, BOOLEAN, TIMESTAMP],
    );
  });
}
