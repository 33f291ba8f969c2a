import { readFileSync } from 'node:fs';
import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMicrosIso } from '../../src/main/services/events/event-time';
import { NORMALIZED_SQL_COLUMNS, NORMALIZED_SQL_FIELDS, normalizedSelect } from '../../src/main/services/events/normalize-sql';
import { normalizeEvent } from '../../src/main/services/events/normalize-event';
import { recordsRelation, type FileFormat } from '../../src/main/store/bulk-writer';
import { loadRealRecords, recordFiles } from './helpers/real-data';

/**
 * The import normalises in SQL, LookupEvents in TypeScript: both must give every real record the
 * same fields. DuckDB reads the files itself here, as an import does; TypeScript normalises the
 * record text DuckDB read.
 */
const provenance = { source: 'import' as const, sourceRef: null, profile: null, retrievedAt: '2024-01-01T00:00:00Z' };
const FORMATS: Record<string, FileFormat> = { array: 'json-array', jsonl: 'json-lines', records: 'records' };

let connection: DuckDBConnection;
let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('SQL and TypeScript normalisation agree', () => {
  it('on every real record, field for field', async () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const file of recordFiles()) {
      const gzip = readFileSync(file.path).subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]));
      const sql = `SELECT *, epoch_us(event_time) AS event_time_us FROM (${normalizedSelect(recordsRelation(FORMATS[file.kind] as FileFormat, gzip ? 'gzip' : 'none', 16 << 20))})`;
      const reader = await connection.runAndReadAll(sql, [listValue([file.path])], [LIST(VARCHAR)]);
      const rows = reader.getRowObjectsJS();
      for (const row of rows) {
        const ts = normalizeEvent(String(row.raw), provenance) as unknown as Record<string, unknown>;
        for (const column of NORMALIZED_SQL_COLUMNS) {
          const field = NORMALIZED_SQL_FIELDS[column];
          let sqlValue: unknown = row[column];
          if (column === 'event_time') sqlValue = row.event_time_us === null ? null : formatMicrosIso(BigInt(row.event_time_us as bigint));
          if (JSON.stringify(sqlValue) !== JSON.stringify(ts[field])) {
            mismatches.push(`${file.path} ${String(row.raw).slice(0, 60)}… ${column}: sql=${JSON.stringify(sqlValue)} ts=${JSON.stringify(ts[field])}`);
          }
        }
        compared += 1;
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(loadRealRecords().length);
  });
});
