import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { READ_RECORDS } from '../main/services/trail-import/read-size';
import { recordsRelation } from '../main/store/bulk-writer';

/**
 * What the import bench measures the import against: reads of the same files that do less than
 * the import, so the ratio says what the import's own work costs.
 */
export interface ReferenceRun {
  events: number;
  seconds: number;
}

const MAX_OBJECT_BYTES = 128 * 1024 * 1024;

async function gzFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json.gz')).map((e) => join(e.parentPath, e.name));
}

/** DuckDB reading the same files and unnesting the records, no normalisation, no storage. */
export async function duckdbReadReference(dir: string): Promise<ReferenceRun> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  const reader = await connection.runAndReadAll(
    `SELECT sum(len(Records)) AS n FROM read_json('${dir.replaceAll("'", "''")}/**/*.json.gz', format = 'auto', columns = {Records: 'JSON[]'}, maximum_object_size = ${MAX_OBJECT_BYTES})`,
  );
  const seconds = (performance.now() - started) / 1000;
  const events = Number(reader.getRowObjectsJS()[0]?.n ?? 0);
  connection.closeSync();
  instance.closeSync();
  return { events, seconds };
}

/**
 * The least an import into this engine can do: DuckDB reads the same files, as the import does
 * (its reader, reads of READ_RECORDS records, read order kept), and stores each record's text
 * compressed in a fresh database file, with no other column, no normalisation and no
 * de-duplication. The import keeps the record too (its detail view and the free-text search read
 * it), so its rate cannot pass this one on the same machine.
 */
export async function duckdbStoreRecordsReference(dir: string, events: number): Promise<ReferenceRun> {
  const files = (await gzFiles(dir)).sort();
  const folder = await mkdtemp(join(tmpdir(), 'auditdesk-ceiling-'));
  const instance = await DuckDBInstance.create(join(folder, 'records.duckdb'));
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE records (raw VARCHAR USING COMPRESSION zstd, source_ref VARCHAR)');
    const filesPerRead = Math.max(1, Math.round((READ_RECORDS * files.length) / Math.max(1, events)));
    const relation = recordsRelation('records', 'gzip', MAX_OBJECT_BYTES);
    const started = performance.now();
    let stored = 0;
    for (let from = 0; from < files.length; from += filesPerRead) {
      // Materialised as the import's input is: the reader's one-row-per-file vectors would
      // otherwise reach the compression a few rows at a time.
      const result = await connection.run(`INSERT INTO records WITH input AS MATERIALIZED (${relation}) SELECT raw, source_ref FROM input`, [listValue(files.slice(from, from + filesPerRead))], [LIST(VARCHAR)]);
      stored += Number(result.rowsChanged);
    }
    await connection.run('CHECKPOINT');
    return { events: stored, seconds: (performance.now() - started) / 1000 };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Node alone: gunzip and JSON.parse every file, one after the other (one core). */
export async function gunzipParseReference(dir: string): Promise<ReferenceRun> {
  const files = await gzFiles(dir);
  const started = performance.now();
  let events = 0;
  for (const file of files) {
    const parsed = JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as { Records?: unknown[] };
    events += parsed.Records?.length ?? 0;
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}
