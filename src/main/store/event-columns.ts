import type { NormalizedEvent } from '../services/events/event-model';

/**
 * The columns of the events table and the NormalizedEvent field each one holds, in table order,
 * so the appender (insertBatch) and the SQL normaliser (import) write the same rows. Only what
 * search filters on, the list shows or the charts group by is a column; every other field of the
 * model is read back from `raw` by the TypeScript normaliser when one event is opened. Each
 * column costs import time (DuckDB analyses and compresses every one), so the table stays lean.
 */
export type ColumnKind = 'text' | 'bool' | 'time' | 'list';

export const EVENT_COLUMNS = [
  { column: 'event_key', field: 'key', kind: 'text' },
  { column: 'event_id', field: 'eventId', kind: 'text' },
  { column: 'event_time', field: 'eventTime', kind: 'time' },
  { column: 'event_name', field: 'eventName', kind: 'text' },
  { column: 'event_source', field: 'eventSource', kind: 'text' },
  { column: 'event_category', field: 'eventCategory', kind: 'text' },
  { column: 'aws_region', field: 'awsRegion', kind: 'text' },
  { column: 'account', field: 'account', kind: 'text' },
  { column: 'principal_type', field: 'principalType', kind: 'text' },
  { column: 'principal', field: 'principal', kind: 'text' },
  { column: 'principal_arn', field: 'principalArn', kind: 'text' },
  { column: 'principal_name', field: 'principalName', kind: 'text' },
  { column: 'session_name', field: 'sessionName', kind: 'text' },
  { column: 'read_only', field: 'readOnly', kind: 'bool' },
  { column: 'error_code', field: 'errorCode', kind: 'text' },
  { column: 'source_ip', field: 'sourceIpAddress', kind: 'text' },
  { column: 'user_agent', field: 'userAgent', kind: 'text' },
  { column: 'access_key_id', field: 'accessKeyId', kind: 'text' },
  { column: 'resources', field: 'resources', kind: 'list' },
  { column: 'raw', field: 'raw', kind: 'text' },
  { column: 'source', field: 'source', kind: 'text' },
  { column: 'source_ref', field: 'sourceRef', kind: 'text' },
  { column: 'profile', field: 'profile', kind: 'text' },
  { column: 'retrieved_at', field: 'retrievedAt', kind: 'time' },
] as const satisfies ReadonlyArray<{ column: string; field: keyof NormalizedEvent; kind: ColumnKind }>;

export type EventColumn = (typeof EVENT_COLUMNS)[number]['column'];

export const EVENT_COLUMN_NAMES: readonly EventColumn[] = EVENT_COLUMNS.map((c) => c.column);

const SQL_TYPES: Record<ColumnKind, string> = { text: 'VARCHAR', bool: 'BOOLEAN', time: 'TIMESTAMP', list: 'VARCHAR[]' };

/**
 * ZSTD for the long and (nearly) unique strings: DuckDB's default choice leaves kilobyte-long
 * JSON records uncompressed (about 10x the gzip'd source on disk), and analysing dictionary and
 * FSST for unique keys costs import time for little gain.
 */
const ZSTD_COLUMNS = new Set<string>(['raw', 'event_key', 'event_id']);

/** Column definitions for CREATE TABLE; a staging table skips the compression settings. */
export function eventColumnDefinitions(opts: { compress: boolean }): string {
  return EVENT_COLUMNS.map(({ column, kind }) => {
    const notNull = column === 'event_key' || column === 'event_id' || column === 'source' ? ' NOT NULL' : '';
    const compression = opts.compress && ZSTD_COLUMNS.has(column) ? ' USING COMPRESSION zstd' : '';
    return `${column} ${SQL_TYPES[kind]}${notNull}${compression}`;
  }).join(',\n  ');
}
