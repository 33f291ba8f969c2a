import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Every normalised column of each row SQL gives for `file`, compared with TypeScript's normalisation of the row's record text. */
async function compareFile(path: string, format: FileFormat, gzip: boolean): Promise<{ compared: number; mismatches: string[] }> {
  const sql = `SELECT *, epoch_us(event_time) AS event_time_us FROM (${normalizedSelect(recordsRelation(format, gzip ? 'gzip' : 'none', 16 << 20))})`;
  const reader = await connection.runAndReadAll(sql, [listValue([path])], [LIST(VARCHAR)]);
  const mismatches: string[] = [];
  const rows = reader.getRowObjectsJS();
  for (const row of rows) {
    const ts = normalizeEvent(String(row.raw), provenance) as unknown as Record<string, unknown>;
    for (const column of NORMALIZED_SQL_COLUMNS) {
      const field = NORMALIZED_SQL_FIELDS[column];
      let sqlValue: unknown = row[column];
      if (column === 'event_time') sqlValue = row.event_time_us === null ? null : formatMicrosIso(BigInt(row.event_time_us as bigint));
      if (JSON.stringify(sqlValue) !== JSON.stringify(ts[field])) {
        mismatches.push(`${path} ${String(row.raw).slice(0, 60)}… ${column}: sql=${JSON.stringify(sqlValue)} ts=${JSON.stringify(ts[field])}`);
      }
    }
  }
  return { compared: rows.length, mismatches };
}

const assumedRole = (arn: string | null, principalId = 'AROAEXAMPLE:from-id') => ({ type: 'AssumedRole', ...(arn === null ? {} : { arn }), principalId, sessionContext: { sessionIssuer: { userName: 'issuer-name' } } });

/**
 * Records shaped to reach every shortcut of the SQL normaliser (an assumed-role ARN read by
 * position, a resource list of one) and the pattern it falls back on.
 */
const EDGE_RECORDS = [
  ...[
    'arn:aws:sts::111111111111:assumed-role/Admin/alice',
    'arn:aws:sts::111111111111:assumed-role/Admin/alice/with/slashes',
    'arn:aws:sts::111111111111:assumed-role/Admin',
    'arn:aws:sts::111111111111:assumed-role/Admin/',
    'arn:aws:sts::111111111111:assumed-role//Admin/alice',
    'arn:aws:sts::111111111111:assumed-role/',
    'arn:aws:sts::111111111111:assumed-role//assumed-role/Second/bob',
    'arn:aws:sts::111111111111:assumed-role/Admin/assumed-role/Other/carol',
    'arn:aws:sts::111111111111:rôle-ünïcödé/assumed-role/Rölé/séssion',
    'arn:aws:sts::111111111111:assumed-role/Admin/line\nbreak',
    'arn:aws:sts::111111111111:assumed-role/Ad\nmin/alice',
    'arn:aws:sts::111111111111:assumed-role/Admin/\nassumed-role/Next/dave',
    'arn:aws:iam::111111111111:role/NotAssumed',
    '',
  ].map((arn, i) => ({ eventID: `edge-arn-${i}`, userIdentity: assumedRole(arn) })),
  { eventID: 'edge-no-arn', userIdentity: assumedRole(null) },
  { eventID: 'edge-no-arn-no-colon', userIdentity: assumedRole(null, 'AROAEXAMPLE') },
  { eventID: 'edge-res-one', requestParameters: { bucketName: 'only-bucket' } },
  { eventID: 'edge-res-none', requestParameters: { bucketName: '', roleName: '{"a":1}', userName: '[1]' } },
  { eventID: 'edge-res-many', resources: [{ ARN: 'arn:b' }, { ARN: 'arn:a' }, { arn: 'arn:a' }, {}], requestParameters: { bucketName: 'arn:b', instanceId: 'i-1' } },
  { eventID: 'edge-no-region', eventTime: '2024-08-01T13:29:57Z', recipientAccountId: '111111111111' },
  { eventTime: '2024-08-01T13:29:57Z', eventName: 'NoId' },
];

describe('SQL and TypeScript normalisation agree', () => {
  it('on every real record, field for field', async () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const file of recordFiles()) {
      const gzip = readFileSync(file.path).subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]));
      const result = await compareFile(file.path, FORMATS[file.kind] as FileFormat, gzip);
      compared += result.compared;
      mismatches.push(...result.mismatches);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(loadRealRecords().length);
  });

  it('on records shaped for the shortcuts and their fallbacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'auditdesk-parity-'));
    try {
      const path = join(dir, 'edge.json');
      const base = { eventVersion: '1.08', eventTime: '2024-08-01T13:29:57Z', eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', awsRegion: 'us-east-1' };
      writeFileSync(path, JSON.stringify({ Records: EDGE_RECORDS.map((record) => ({ ...base, ...record })) }));
      const result = await compareFile(path, 'records', false);
      expect(result.mismatches).toEqual([]);
      expect(result.compared).toBe(EDGE_RECORDS.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
