import { availableParallelism } from 'node:os';
import { DuckDBInstance, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

export interface DatabaseOptions {
  /** The database file; `:memory:` for a throwaway index. */
  path: string;
  /** DuckDB worker threads; defaults to the machine's cores. */
  threads?: number;
  /** DuckDB's own memory cap (it spills to `<path>.tmp` beyond it), e.g. `512MB`. */
  memoryLimit?: string;
}

export type Row = Record<string, unknown>;

/**
 * One DuckDB instance per index file, owned by the main process. Writes go through one
 * connection and are serialised (`exclusive`): a bulk flush is several statements in one
 * transaction and must not interleave with another writer. Reads get a connection of their own
 * each, so a search runs while an import writes (DuckDB's MVCC gives it a consistent snapshot).
 */
export interface Database {
  readonly path: string;
  /** Runs `work` with the write connection, after any write work already queued. */
  exclusive<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Runs `work` with a fresh read connection. */
  read<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
  /**
   * Runs maintenance `work` (the text index) on a connection of its own, one at a time, beside
   * the writer: it writes tables no other writer touches, so the two never conflict, and a long
   * step does not hold up an import. Closing interrupts it (its transaction rolls back).
   */
  background<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
  /**
   * A number that changes each time an `exclusive` work ends (null while one runs), never the
   * same for two databases of this process. The same number at two moments means nothing was
   * written between them (maintenance is not counted: it leaves the events as they are), so what
   * a read found then still holds.
   */
  writeGeneration(): number | null;
  close(): Promise<void>;
}

/** Ends of writes in every database of this process: each database's generation is the latest of its own. */
let writesEndedInProcess = 0;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const instance = await DuckDBInstance.create(options.path, {
    threads: String(options.threads ?? availableParallelism()),
    memory_limit: options.memoryLimit ?? '400MB',
    // Returns the memory DuckDB freed to the system as it goes: an import fills and frees a row
    // group's worth (hundreds of MB) again and again, and the process would otherwise stay at its peak.
    allocator_background_threads: 'true',
    // ZSTD for VARCHAR (the raw records) needs the v1.2 storage format; the default stays
    // readable by DuckDB 0.10 and so cannot use it.
    storage_compatibility_version: 'v1.2.0',
  });
  const writer = await instance.connect();
  let queue: Promise<unknown> = Promise.resolve();
  let maintenance: { connection: DuckDBConnection; queue: Promise<unknown> } | undefined;
  let closed = false;
  // A database opened again (the demo's index after a visit to the user's) does not take up an old generation.
  let generation = ++writesEndedInProcess;
  let writing = false;
  const assertOpen = () => {
    if (closed) throw new Error('The event store is closed.');
  };
  return {
    path: options.path,
    exclusive(work) {
      assertOpen();
      const run = queue.then(async () => {
        writing = true;
        try {
          return await work(writer);
        } finally {
          writing = false;
          generation = ++writesEndedInProcess;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    writeGeneration: () => (writing ? null : generation),
    async read(work) {
      assertOpen();
      const connection = await instance.connect();
      try {
        return await work(connection);
      } finally {
        connection.closeSync();
      }
    },
    async background(work) {
      assertOpen();
      maintenance ??= { connection: await instance.connect(), queue: Promise.resolve() };
      const { connection } = maintenance;
      const run = maintenance.queue.then(() => work(connection));
      maintenance.queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (closed) return;
      if (maintenance) {
        maintenance.connection.interrupt();
        await maintenance.queue;
      }
      await queue;
      closed = true;
      maintenance?.connection.closeSync();
      writer.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (with the
 * work's error, not the rollback's). Read-only, it gives its statements one snapshot.
 */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Runs a query with bound parameters (types where inference would guess wrong, e.g. BIGINT). */
export async function readRows(connection: DuckDBConnection, sql: string, params: DuckDBValue[] = [], types?: DuckDBType[]): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, params, types);
  return reader.getRowObjectsJS() as Row[];
}
