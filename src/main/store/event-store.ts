import { LIST, VARCHAR, listValue, timestampValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { EventProvenance, EventSourceKind, NormalizedEvent } from '../services/events/event-model';
import { normalizeEvent } from '../services/events/normalize-event';
import { formatMicrosIso, isoToMicros } from '../services/events/event-time';
import { inTransaction, openDatabase, readRows, type Row } from './duckdb-database';
import { EVENT_COLUMNS } from './event-columns';
import { EventStage, FileLoad, verifyPendingLoads, type FileProvenance, type FlushResult, type StagedFile, type StagedFileCount } from './bulk-writer';
import {
  loadSourceFiles,
  loadSources,
  loadSyncCursors,
  recordSourceRun,
  saveSourceFiles,
  saveSyncCursor,
  type SourceFileRecord,
  type SourceRecord,
  type SyncCursor,
} from './provenance-tables';
import { ensureSchema } from './schema';
import { indexTextStep, type TextIndexProgress } from './text-index';
import { createTextIndexer } from './text-indexer';

export interface EventStoreOptions {
  /** `<dataDir>/index.duckdb`, or `:memory:`. */
  path: string;
  threads?: number;
  memoryLimit?: string;
  /**
   * Keep the text index up to date in the background, this long after the writes pause. Without
   * it, only `indexText()` builds the index (tests, benches).
   */
  textIndexDelayMs?: number;
  /** Where a background failure is told (the app's log); standard error by default. */
  log?: (line: string) => void;
}

export type InsertResult = FlushResult;

/** One run of an import or a sync, added to its source's counts. */
export type SourceRun = Parameters<typeof recordSourceRun>[1];

/**
 * A bulk load in progress (trail-import, S3 import): files are read into the index group by
 * group, and each flush settles what was read (duplicates removed) in one transaction with the
 * bookkeeping that says which files are done.
 */
export interface BulkImport {
  stageFiles(files: readonly StagedFile[], provenance: FileProvenance, maxObjectBytes: number): Promise<StagedFileCount[]>;
  /** Rows read since the last flush. */
  stagedRows(): number;
  /**
   * Settles the rows read since the last flush and saves the records of `files` in the same
   * transaction. Returns the paths saved (all of them; kept for callers that check).
   */
  flush(files: readonly SourceFileRecord[]): Promise<FlushResult & { saved: Set<string> }>;
  /**
   * Ends the bulk load, settling what was read and not flushed (its files stay unrecorded, so a
   * rerun reads them again). After a crash, the store settles such rows when it next opens.
   */
  close(): Promise<void>;
}

export interface EventStore {
  readonly path: string;
  /** Stores normalised events (LookupEvents, tests); a key already stored counts as a duplicate. */
  insertBatch(events: readonly NormalizedEvent[]): Promise<InsertResult>;
  count(): Promise<number>;
  /** By index key, else the newest event with that eventID; null when neither is stored. */
  getEvent(keyOrEventId: string): Promise<NormalizedEvent | null>;
  openBulkImport(): Promise<BulkImport>;
  sourceFiles(): Promise<Map<string, SourceFileRecord>>;
  sources(): Promise<SourceRecord[]>;
  /** Adds a run's counts to its source (an imported folder, a synced profile/region). */
  recordSourceRun(run: SourceRun): Promise<void>;
  syncCursors(profile?: string): Promise<SyncCursor[]>;
  saveSyncCursor(cursor: SyncCursor): Promise<void>;
  /**
   * Brings the text index up to date now (the CLI before it exits; the app's store does it in the
   * background). Searches are correct without it, only slower on free text.
   */
  indexText(onProgress?: (progress: TextIndexProgress) => void): Promise<void>;
  /** A read connection for the search service; never mutate through it. */
  read<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Changes with every write of the store; null while one runs (see Database.writeGeneration). */
  writeGeneration(): number | null;
  close(): Promise<void>;
}

export async function createEventStore(options: EventStoreOptions): Promise<EventStore> {
  const db = await openDatabase(options);
  try {
    await db.exclusive(async (connection) => {
      await ensureSchema(connection);
      await verifyPendingLoads(connection);
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  let apiStage: EventStage | undefined;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const inBackground = options.textIndexDelayMs !== undefined;
  const textIndexer = createTextIndexer({
    step: () => db.background(indexTextStep),
    delayMs: options.textIndexDelayMs ?? 0,
    onError: (error) => log(`Text index: ${error instanceof Error ? error.message : String(error)}; the next write retries.`),
  });
  const written = <T>(result: Promise<T>): Promise<T> => {
    if (inBackground) void result.then(() => textIndexer.kick(), () => undefined);
    return result;
  };
  // What an earlier run left unindexed (closed mid-step, or migrated) catches up too.
  if (inBackground) textIndexer.kick();

  return {
    path: options.path,
    insertBatch(events) {
      return written(db.exclusive(async (connection) => {
        if (events.length === 0) return { inserted: 0, duplicates: 0 };
        apiStage ??= await EventStage.create(connection);
        const stage = apiStage;
        await stage.append(connection, (appender) => {
          for (const event of events) appendEvent(appender, event);
        });
        return stage.flush(connection);
      }));
    },
    async count() {
      return db.read(async (connection) => Number((await readRows(connection, 'SELECT count(*) AS n FROM events'))[0]?.n ?? 0));
    },
    getEvent(keyOrEventId) {
      return db.read(async (connection) => {
        const select = `SELECT event_key, raw, source, source_ref, profile, epoch_us(retrieved_at) AS retrieved_us FROM events`;
        // A key ends with its event time: the time lets DuckDB read only the row groups of that time.
        const micros = /\|(-?\d{1,19})$/.exec(keyOrEventId)?.[1];
        const [byKey] = micros
          ? await readRows(connection, `${select} WHERE event_time = make_timestamp(CAST($2 AS BIGINT)) AND event_key = $1 LIMIT 1`, [keyOrEventId, BigInt(micros)])
          : await readRows(connection, `${select} WHERE event_key = $1 LIMIT 1`, [keyOrEventId]);
        const [row] = byKey
          ? [byKey]
          : await readRows(connection, `${select} WHERE event_id = $1 ORDER BY event_time DESC NULLS LAST, event_key LIMIT 1`, [keyOrEventId]);
        return row ? rowToEvent(row) : null;
      });
    },
    async openBulkImport() {
      const load = new FileLoad();
      return {
        stageFiles: (files, provenance, maxObjectBytes) => db.exclusive((c) => load.stageFiles(c, files, provenance, maxObjectBytes)),
        stagedRows: () => load.stagedRows,
        flush: (files) =>
          written(
            db.exclusive(async (c) => {
              const result = await load.flush(c, (tx) => saveSourceFiles(tx, files));
              return { ...result, saved: new Set(files.map((f) => f.path)) };
            }),
          ),
        close: async () => {
          if (load.stagedRows > 0) await written(db.exclusive((c) => load.flush(c)));
        },
      };
    },
    sourceFiles: () => db.read(loadSourceFiles),
    sources: () => db.read(loadSources),
    recordSourceRun: (run) => db.exclusive((c) => inTransaction(c, () => recordSourceRun(c, run))),
    syncCursors: (profile) => db.read((c) => loadSyncCursors(c, profile)),
    saveSyncCursor: (cursor) => db.exclusive((c) => saveSyncCursor(c, cursor)),
    indexText: (onProgress) => textIndexer.drain(onProgress),
    read: (work) => db.read(work),
    writeGeneration: () => db.writeGeneration(),
    async close() {
      const stopped = textIndexer.stop();
      if (apiStage) {
        const stage = apiStage;
        await db.exclusive((c) => stage.drop(c)).catch(() => undefined);
      }
      await db.close();
      await stopped;
    },
  };
}

function appendEvent(appender: DuckDBAppender, event: NormalizedEvent): void {
  for (const { field, kind } of EVENT_COLUMNS) {
    const value = event[field];
    if (value === null || value === undefined) appender.appendNull();
    else if (kind === 'time') appender.appendTimestamp(timestampValue(isoToMicros(String(value))));
    else if (kind === 'bool') appender.appendBoolean(Boolean(value));
    else if (kind === 'list') appender.appendList(listValue(value as string[]), LIST(VARCHAR));
    else appender.appendVarchar(String(value));
  }
  appender.endRow();
}

/**
 * A stored row as the event model: the fields the table does not keep are read back from `raw`
 * by the TypeScript normaliser (which agrees with the SQL one, see normalize-sql.ts); the key and
 * the provenance are the stored ones.
 */
export function rowToEvent(row: Row): NormalizedEvent {
  const micros = row.retrieved_us;
  const provenance: EventProvenance = {
    source: String(row.source) as EventSourceKind,
    sourceRef: row.source_ref === null ? null : String(row.source_ref),
    profile: row.profile === null ? null : String(row.profile),
    retrievedAt: micros === null || micros === undefined ? '' : formatMicrosIso(BigInt(micros as bigint)),
  };
  return { ...normalizeEvent(String(row.raw), provenance), key: String(row.event_key) };
}
