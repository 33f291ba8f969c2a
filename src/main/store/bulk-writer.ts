import { BIGINT, LIST, TIMESTAMP, VARCHAR, listValue, timestampValue, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { compareText } from '../../shared/compare-text';
import { NORMALIZED_SQL_COLUMNS, normalizedSelect, sqlString } from '../services/events/normalize-sql';
import { pathVariants } from '../services/events/record-fields';
import { inTransaction, readRows } from './duckdb-database';
import { countLoad } from './event-counts';
import { EVENT_COLUMN_NAMES, eventColumnDefinitions } from './event-columns';

/**
 * How rows reach the events table, tagged with a load id (one per import flush, one per
 * insertBatch). Files are read by DuckDB and normalised in SQL straight into `events`: each
 * stageFiles call is one transaction of a few statements of many files, so DuckDB reads the files
 * on all its threads and writes whole compressed row groups once, straight to the database file
 * (a row group filled across several commits would go through the write-ahead log and be
 * compressed again at each checkpoint). A flush then removes, in one transaction with the
 * caller's bookkeeping, the load's rows whose key was already stored or appears twice, and marks
 * the load verified. A load a crash left unverified is verified when the store next opens.
 *
 * Between a stageFiles call and its flush a search may briefly see an event twice (only when the
 * same event was stored before); the flush settles it.
 */

/** Records per DuckDB row group: a flush is due after this many by default. */
export const ROW_GROUP_SIZE = 122_880;

/**
 * Files, and records, per DuckDB statement at most. A statement holds its records in memory twice
 * (as read, then normalised) besides the row group being filled, so it stays well below a row
 * group's worth of records; more per statement would not read faster.
 */
export const STATEMENT_FILES = 2048;
export const STATEMENT_RECORDS = 40_000;

export interface FlushResult {
  inserted: number;
  duplicates: number;
}

export type FileFormat = 'records' | 'json-lines' | 'json-objects' | 'json-array';
export type FileCompression = 'gzip' | 'none';

/** One file for DuckDB to read. */
export interface StagedFile {
  /** The path DuckDB opens (a glob-safe alias when the real path has glob characters). */
  readPath: string;
  /** The path recorded as the rows' source_ref. */
  sourceRef: string;
  format: FileFormat;
  compression: FileCompression;
  /** Records the file is expected to hold, when the caller can tell: statements are then cut by records too. */
  records?: number;
  /**
   * The account whose events the file holds, when its path tells (a trail log). A statement
   * reads its files account by account, so each account's rows lie together in the row group:
   * a search scoped to an account then decompresses far fewer vectors of records (measured at
   * 1M: a word within one account of seven in 172 ms against 235 ms).
   */
  account?: string;
}

export interface FileProvenance {
  source: string;
  profile: string | null;
  retrievedAt: Date;
}

/** Per file: how many records it held and how many of those are CloudTrail-shaped. */
export interface StagedFileCount {
  sourceRef: string;
  records: number;
  shaped: number;
}

/**
 * A stageFiles call failed (nothing of it is stored). `failedFrom`/`failedTo` bound the files of
 * the statement that failed: the files before it were readable, those after it were not tried.
 */
export class StageFilesError extends Error {
  override name = 'StageFilesError';
  constructor(
    message: string,
    readonly failedFrom: number,
    readonly failedTo: number,
  ) {
    super(message);
  }
}

/** The envelope fields that make a record CloudTrail-shaped in a file that does not say so. */
const ENVELOPE_PATHS = ['eventVersion', 'eventID', 'eventName', 'eventSource', 'eventTime'].flatMap(pathVariants).map((p) => `$.${p}`);

/** Columns the store derives from others on insert (see schema.ts). */
const DERIVED_COLUMNS = 'key_hash, resources_text';
// resources_text is lower-cased: only searched (the list shows `resources`), and a case-sensitive
// match of a lower-cased value is about twice as fast as an RE2 `(?i)` one over a million rows.
const DERIVED_VALUES = `hash(event_key), lower(nullif(array_to_string(resources, chr(10)), ''))`;

let tableCounter = 0;
const nextTableName = (kind: string) => `${kind}_${process.pid}_${(tableCounter += 1)}`;

/** Files read into the index by one import, flush after flush. */
export class FileLoad {
  private loadId: bigint | null = null;
  private rows = 0;

  /**
   * Reads `files` (all of one format and compression) with DuckDB into the index, in one
   * transaction. Records that are not CloudTrail-shaped (not an object; or, in a file that is not
   * a `{"Records":[…]}` trail file, an object without any envelope field) are counted, not
   * stored. Throws a StageFilesError with DuckDB's message (naming the file and the byte offset)
   * if any file cannot be read; nothing is stored then.
   */
  async stageFiles(connection: DuckDBConnection, files: readonly StagedFile[], provenance: FileProvenance, maxObjectBytes: number): Promise<StagedFileCount[]> {
    const [first] = files;
    if (!first) return [];
    const relation = recordsRelation(first.format, first.compression, maxObjectBytes);
    const counts = new Map<string, { records: number; shaped: number }>();
    const { load, inserted } = await inTransaction(connection, async () => {
      // In the transaction: on its own, the sequence's next value would be one more commit to the log.
      const load = await this.currentLoad(connection);
      let inserted = 0;
      for (const [from, to] of statementRanges(files)) {
        const part = byAccount(files.slice(from, to));
        try {
          inserted += await this.stagePart(connection, part, relation, load.id, provenance, counts);
        } catch (error) {
          throw new StageFilesError(error instanceof Error ? error.message : String(error), from, to);
        }
      }
      if (first.format === 'records' && inserted > 0) {
        // Every file of the load, not only these: a filter on a list of thousands of paths
        // compares each row with each path, far slower than counting the few other files.
        const rows = await readRows(connection, `SELECT source_ref, count(*) AS n FROM events WHERE load_id = $1 GROUP BY source_ref`, [load.id], [BIGINT]);
        const mine = new Set(files.map((f) => f.sourceRef));
        for (const row of rows) if (mine.has(String(row.source_ref))) counts.set(String(row.source_ref), { records: Number(row.n), shaped: Number(row.n) });
      }
      if (load.isNew && inserted > 0) await connection.run('INSERT INTO loads VALUES ($1, $2, now(), false)', [load.id, 'import'], [BIGINT, VARCHAR]);
      return { load, inserted };
    });
    // A load is recorded with its first rows, so a rollback never leaves a load id without its row.
    if (inserted > 0) this.loadId = load.id;
    this.rows += inserted;
    return files.map((f) => ({ sourceRef: f.sourceRef, records: counts.get(f.sourceRef)?.records ?? 0, shaped: counts.get(f.sourceRef)?.shaped ?? 0 }));
  }

  private async currentLoad(connection: DuckDBConnection): Promise<{ id: bigint; isNew: boolean }> {
    return this.loadId === null ? { id: await nextLoadId(connection), isNew: true } : { id: this.loadId, isNew: false };
  }

  /** One statement's files into the load; adds their counts (non-trail layouts) and returns the rows stored. */
  private async stagePart(
    connection: DuckDBConnection,
    files: readonly StagedFile[],
    relation: string,
    loadId: bigint,
    provenance: FileProvenance,
    counts: Map<string, { records: number; shaped: number }>,
  ): Promise<number> {
    const readPaths = listValue(files.map((f) => f.readPath));
    if (files[0]?.format === 'records') return this.insert(connection, `SELECT * FROM (${relation}) WHERE starts_with(raw, '{')`, files, loadId, provenance);
    // Nothing says these files hold CloudTrail records: count and check them first.
    const shaped = `starts_with(ltrim(raw), '{') AND list_bool_or(json_exists(raw, [${ENVELOPE_PATHS.map(sqlString).join(', ')}]))`;
    const rows = await readRows(
      connection,
      `SELECT source_ref, count(*) AS records, count(*) FILTER (WHERE ${shaped}) AS shaped FROM (${relation}) GROUP BY source_ref`,
      [readPaths],
      [LIST(VARCHAR)],
    );
    const byReadPath = new Map(rows.map((r) => [String(r.source_ref), { records: Number(r.records), shaped: Number(r.shaped) }]));
    for (const file of files) counts.set(file.sourceRef, byReadPath.get(file.readPath) ?? { records: 0, shaped: 0 });
    const readable = files.filter((f) => (byReadPath.get(f.readPath)?.shaped ?? 0) > 0);
    return readable.length === 0 ? 0 : this.insert(connection, `SELECT * FROM (${relation}) WHERE ${shaped}`, readable, loadId, provenance);
  }

  /**
   * Normalises the records of `input` (read from `files`, bound as $1) into `events`. The insert
   * keeps the read order (DuckDB then appends on one thread into one row group at a time, where
   * unordered it would fill one per thread: twice the memory and a copy to merge them), so the
   * normalised rows are materialised first: the normalisation itself still runs on all threads.
   */
  private async insert(connection: DuckDBConnection, input: string, files: readonly StagedFile[], loadId: bigint, provenance: FileProvenance): Promise<number> {
    const normalized = EVENT_COLUMN_NAMES.filter((c) => (NORMALIZED_SQL_COLUMNS as readonly string[]).includes(c));
    const aliased = files.filter((f) => f.readPath !== f.sourceRef);
    // DuckDB names a row's file by the path it opened: an alias is recorded as the real path.
    const sourceRef = aliased.length === 0 ? 'source_ref' : `coalesce(list_extract($7, list_position($6, source_ref)), source_ref)`;
    const params: DuckDBValue[] = [listValue(files.map((f) => f.readPath)), provenance.source, provenance.profile, timestampValue(BigInt(provenance.retrievedAt.getTime()) * 1000n), loadId];
    const types = [LIST(VARCHAR), VARCHAR, VARCHAR, TIMESTAMP, BIGINT];
    if (aliased.length > 0) {
      params.push(listValue(aliased.map((f) => f.readPath)), listValue(aliased.map((f) => f.sourceRef)));
      types.push(LIST(VARCHAR), LIST(VARCHAR));
    }
    const result = await connection.run(
      `INSERT INTO events (${normalized.join(', ')}, source_ref, ${DERIVED_COLUMNS}, source, profile, retrieved_at, load_id)
       WITH normalized AS MATERIALIZED (
         SELECT ${normalized.join(', ')}, ${sourceRef} AS source_ref, ${DERIVED_VALUES} FROM (${normalizedSelect(input)})
       )
       SELECT *, $2, $3, $4, $5 FROM normalized`,
      params,
      types,
    );
    return Number(result.rowsChanged);
  }

  /** Rows stored since the last flush. */
  get stagedRows(): number {
    return this.rows;
  }

  /**
   * Removes the load's duplicates and marks it verified; `alongside` (bookkeeping) commits with
   * it. The next files start a new load.
   */
  async flush(connection: DuckDBConnection, alongside?: (connection: DuckDBConnection) => Promise<void>): Promise<FlushResult> {
    const loadId = this.loadId;
    const rows = this.rows;
    const result = await inTransaction(connection, async () => {
      const duplicates = loadId === null ? 0 : await verifyLoad(connection, loadId);
      if (alongside) await alongside(connection);
      return { inserted: rows - duplicates, duplicates };
    });
    this.loadId = null;
    this.rows = 0;
    return result;
  }
}

/** [from, to) of each statement's files: at most STATEMENT_FILES files and STATEMENT_RECORDS records (one file at least). */
function statementRanges(files: readonly StagedFile[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let records = 0;
  files.forEach((file, index) => {
    const expected = file.records ?? 0;
    if (index > from && (index - from >= STATEMENT_FILES || records + expected > STATEMENT_RECORDS)) {
      ranges.push([from, index]);
      from = index;
      records = 0;
    }
    records += expected;
  });
  ranges.push([from, files.length]);
  return ranges;
}

/**
 * The files in the order a statement reads them: by account, each account's in the order given.
 * Only within a statement: row groups still follow the callers' order (delivery time), so each
 * covers a short stretch of time.
 */
function byAccount(files: StagedFile[]): StagedFile[] {
  // Array sort is stable: each account's files keep the order given.
  return [...files].sort((a, b) => compareText(a.account ?? '', b.account ?? ''));
}

/** Events normalised in TypeScript (LookupEvents pages, tests), appended and then moved. */
export class EventStage {
  private constructor(readonly name: string) {}

  static async create(connection: DuckDBConnection): Promise<EventStage> {
    const stage = new EventStage(nextTableName('event_stage'));
    await connection.run(`CREATE TEMP TABLE ${stage.name} (\n  ${eventColumnDefinitions({ compress: false })}\n)`);
    return stage;
  }

  async append(connection: DuckDBConnection, fill: (appender: DuckDBAppender) => void): Promise<void> {
    const appender = await connection.createAppender(this.name, 'main', 'temp');
    try {
      fill(appender);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  async flush(connection: DuckDBConnection): Promise<FlushResult> {
    return inTransaction(connection, async () => {
      const loadId = await nextLoadId(connection);
      await connection.run('INSERT INTO loads VALUES ($1, $2, now(), false)', [loadId, 'batch'], [BIGINT, VARCHAR]);
      const columns = EVENT_COLUMN_NAMES.join(', ');
      const result = await connection.run(
        `INSERT INTO events (${columns}, load_id, ${DERIVED_COLUMNS}) SELECT ${columns}, $1, ${DERIVED_VALUES} FROM ${this.name}`,
        [loadId],
        [BIGINT],
      );
      const duplicates = await verifyLoad(connection, loadId);
      await connection.run(`DELETE FROM ${this.name}`);
      return { inserted: Number(result.rowsChanged) - duplicates, duplicates };
    });
  }

  async drop(connection: DuckDBConnection): Promise<void> {
    await connection.run(`DROP TABLE IF EXISTS ${this.name}`);
  }
}

/**
 * Verifies the loads a crash left unverified (rows stored, flush never done), oldest first.
 * Returns how many rows that removed.
 */
export async function verifyPendingLoads(connection: DuckDBConnection): Promise<number> {
  let removed = 0;
  for (const row of await readRows(connection, 'SELECT load_id FROM loads WHERE NOT verified ORDER BY load_id')) {
    removed += await inTransaction(connection, () => verifyLoad(connection, BigInt(row.load_id as bigint)));
  }
  return removed;
}

async function verifyLoad(connection: DuckDBConnection, loadId: bigint): Promise<number> {
  const duplicates = await removeDuplicates(connection, loadId);
  await countLoad(connection, loadId);
  await connection.run('UPDATE loads SET verified = true WHERE load_id = $1', [loadId], [BIGINT]);
  return duplicates;
}

async function nextLoadId(connection: DuckDBConnection): Promise<bigint> {
  return BigInt((await readRows(connection, `SELECT nextval('load_seq') AS id`))[0]?.id as bigint);
}

/**
 * Deletes the rows of a load whose key another load holds, and all but one of the rows that
 * share a key inside the load (the same event read twice: which copy stays does not matter).
 * Rows of one key share one event time (the key holds it), so only stored rows of the load's
 * time range can collide: DuckDB skips the other row groups by their min/max.
 */
async function removeDuplicates(connection: DuckDBConnection, loadId: bigint): Promise<number> {
  const [bounds] = await readRows(
    connection,
    `SELECT epoch_us(min(event_time)) AS lo, epoch_us(max(event_time)) AS hi, count(*) FILTER (WHERE event_time IS NULL) AS untimed FROM events WHERE load_id = $1`,
    [loadId],
    [BIGINT],
  );
  const candidates = [`SELECT rowid FROM events WHERE load_id = $1 QUALIFY row_number() OVER (PARTITION BY event_key ORDER BY rowid) > 1`];
  const params: DuckDBValue[] = [loadId];
  const types = [BIGINT];
  if (bounds?.lo !== null && bounds?.lo !== undefined) {
    const range = `event_time BETWEEN make_timestamp($2) AND make_timestamp($3)`;
    candidates.push(`SELECT rowid FROM events WHERE load_id = $1 AND ${range} AND event_key IN (SELECT event_key FROM events WHERE load_id <> $1 AND ${range})`);
    params.push(bounds.lo as bigint, bounds.hi as bigint);
    types.push(BIGINT, BIGINT);
  }
  if (Number(bounds?.untimed ?? 0) > 0) {
    candidates.push(`SELECT rowid FROM events WHERE load_id = $1 AND event_time IS NULL AND event_key IN (SELECT event_key FROM events WHERE load_id <> $1 AND event_time IS NULL)`);
  }
  const result = await connection.run(`DELETE FROM events WHERE rowid IN (${candidates.join(' UNION ')})`, params, types);
  return Number(result.rowsChanged);
}

/**
 * The relation of (raw, source_ref) DuckDB reads from the files bound as $1. `maxObjectBytes`
 * bounds one JSON value (a whole `{"Records":[…]}` file, or one line of JSON Lines).
 */
export function recordsRelation(format: FileFormat, compression: FileCompression, maxObjectBytes: number): string {
  const options = `compression = '${compression === 'gzip' ? 'gzip' : 'uncompressed'}', filename = true, maximum_object_size = ${Math.floor(maxObjectBytes)}`;
  switch (format) {
    case 'records':
      return `SELECT CAST(r AS VARCHAR) AS raw, source_ref FROM (
        SELECT filename AS source_ref, unnest(Records) AS r
        FROM read_json($1, format = 'unstructured', records = true, columns = {Records: 'JSON[]'}, ${options})
      )`;
    case 'json-lines':
    case 'json-objects':
    case 'json-array': {
      const duckFormat = format === 'json-lines' ? 'newline_delimited' : format === 'json-array' ? 'array' : 'unstructured';
      return `SELECT CAST(json AS VARCHAR) AS raw, filename AS source_ref
        FROM read_json_objects($1, format = '${duckFormat}', ${options})`;
    }
  }
}
