import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Annotation, CoverageEntry, FacetCount, FindingFacets, FindingFilters, FindingRef, FindingRow, FindingSortKey } from '../../../shared/ipc/channels/findings';
import { AppError } from '../../../shared/ipc/result';
import { inTransaction, openDatabase, readRows, type Database } from '../../store/duckdb-database';
import { ensureFindingsSchema } from './findings-schema';
import type { NewAnnotation, StoredCoverage, StoredFinding, StoredVersion } from './findings-model';
import { FACET_COLUMNS, orderClause, whereClause, type FacetKey, type SqlParams } from './findings-query';
import { rowToAnnotation, rowToCoverage, rowToFinding } from './findings-rows';

export interface ListQuery {
  filters: FindingFilters;
  sort: { by: FindingSortKey; dir: 'asc' | 'desc' };
  limit: number;
  offset: number;
}

export interface ListResult {
  rows: FindingRow[];
  total: number;
  indexed: number;
  facets: FindingFacets;
  lastSyncedAt: string | undefined;
}

export interface FindingsStore {
  /** Replaces every stored finding of one analyzer with a complete listing of it, in one transaction. */
  replaceAnalyzer(analyzerArn: string, findings: readonly StoredFinding[]): Promise<void>;
  /** What is stored for an analyzer, by finding id, so re-sync fetches details only for what changed. */
  versions(analyzerArn: string): Promise<Map<string, StoredVersion>>;
  /** Replaces the coverage rows with the same (account, region, kind). */
  replaceCoverage(entries: readonly StoredCoverage[]): Promise<void>;
  /**
   * Appends audit-log lines and, after a successful UpdateFindings, sets the findings' new status
   * (until the next sync confirms it), in one transaction. updated_at stays AWS's: the next sync
   * sees AWS's new value and fetches the finding again.
   */
  recordTriage(entries: readonly NewAnnotation[], newStatus?: string): Promise<void>;
  list(query: ListQuery): Promise<ListResult>;
  get(ref: FindingRef): Promise<{ row: FindingRow; rawJson: string } | undefined>;
  /** Every stored finding with this id (ids are unique per analyzer only). */
  findById(id: string): Promise<FindingRow[]>;
  coverage(): Promise<CoverageEntry[]>;
  annotations(ref: FindingRef | undefined, limit: number, offset: number): Promise<{ entries: Annotation[]; total: number }>;
  close(): Promise<void>;
}

const iso = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

/** The latest annotation per finding: the inbox shows it as the finding's triage mark. */
const LATEST_TRIAGE = `latest_triage AS (
  SELECT analyzer_arn, finding_id, action, label, recorded_at, who FROM (
    SELECT analyzer_arn, finding_id, action, label, recorded_at, who, row_number() OVER (PARTITION BY analyzer_arn, finding_id ORDER BY seq DESC) AS rn FROM annotations
  ) WHERE rn = 1
)`;

const ROW_COLUMNS = `f.finding_id, f.analyzer_arn, f.analyzer_type, f.analyzer_kind, f.account, f.resource_owner_account, f.region,
  f.finding_type, f.resource_type, f.resource, f.status, f.is_public, f.principal_summary, f.action_summary,
  ${iso('f.created_at')} AS created_at, ${iso('f.updated_at')} AS updated_at, ${iso('f.analyzed_at')} AS analyzed_at,
  f.profile, ${iso('f.retrieved_at')} AS retrieved_at, f.error,
  t.action AS t_action, t.label AS t_label, ${iso('t.recorded_at')} AS t_at, t.who AS t_who`;

const FROM_ROWS = `FROM findings f LEFT JOIN latest_triage t ON t.analyzer_arn = f.analyzer_arn AND t.finding_id = f.finding_id`;

const FINDING_COLUMNS = 22;
const INSERT_CHUNK = 100;

/**
 * The findings index. Opened on first use, so a process that never touches findings never
 * locks the file. Writes are serialised by the database's write queue.
 */
export function createFindingsStore(opts: { path: string }): FindingsStore {
  let opened: Promise<Database> | undefined;

  function db(): Promise<Database> {
    opened ??= (async () => {
      const database = await openDatabase({ path: opts.path, threads: 2, memoryLimit: '256MB' }).catch((error: unknown) => {
        throw describeOpenError(error, opts.path);
      });
      await database.exclusive((c) => ensureFindingsSchema(c));
      return database;
    })();
    opened.catch(() => {
      opened = undefined;
    });
    return opened;
  }

  const write = async <T>(work: (c: DuckDBConnection) => Promise<T>) => (await db()).exclusive(work);
  const read = async <T>(work: (c: DuckDBConnection) => Promise<T>) => (await db()).read(work);

  return {
    replaceAnalyzer: (analyzerArn, findings) =>
      write((c) =>
        inTransaction(c, async () => {
          await c.run('DELETE FROM findings WHERE analyzer_arn = $1', [analyzerArn]);
          for (let i = 0; i < findings.length; i += INSERT_CHUNK) await insertFindings(c, findings.slice(i, i + INSERT_CHUNK));
        }),
      ),

    versions: (analyzerArn) =>
      read(async (c) => {
        const rows = await readRows(
          c,
          `SELECT finding_id, ${iso('updated_at')} AS updated_at, ${iso('analyzed_at')} AS analyzed_at, status, raw_json FROM findings WHERE analyzer_arn = $1`,
          [analyzerArn],
        );
        return new Map(
          rows.map((r) => [
            String(r.finding_id),
            { updatedAt: optionalString(r.updated_at), analyzedAt: optionalString(r.analyzed_at), status: String(r.status), rawJson: String(r.raw_json) },
          ]),
        );
      }),

    replaceCoverage: (entries) =>
      write((c) =>
        inTransaction(c, async () => {
          for (const e of entries) {
            await c.run('DELETE FROM coverage WHERE account = $1 AND region = $2 AND kind = $3', [e.account, e.region, e.kind]);
            await c.run('INSERT INTO coverage VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CAST($9 AS TIMESTAMP))', [
              e.account,
              e.region,
              e.kind,
              e.status,
              JSON.stringify(e.analyzers),
              JSON.stringify(e.organizationAnalyzers),
              e.profile,
              e.message ?? null,
              e.checkedAt,
            ]);
          }
        }),
      ),

    recordTriage: (entries, newStatus) =>
      write((c) =>
        inTransaction(c, async () => {
          for (const a of entries) {
            if (newStatus) await c.run('UPDATE findings SET status = $1 WHERE analyzer_arn = $2 AND finding_id = $3', [newStatus, a.analyzerArn, a.findingId]);
            await c.run(
              `INSERT INTO annotations (annotation_id, finding_id, analyzer_arn, resource, action, label, justification, who, who_source, recorded_at, profile, previous_status, new_status)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CAST($10 AS TIMESTAMP), $11, $12, $13)`,
              [a.annotationId, a.findingId, a.analyzerArn, a.resource ?? null, a.action, a.label ?? null, a.justification, a.who, a.whoSource, a.at, a.profile ?? null, a.previousStatus ?? null, a.newStatus ?? null],
            );
          }
        }),
      ),

    list: (query) =>
      read(async (c) => {
        const params: SqlParams = [];
        const where = whereClause(query.filters, params);
        const rows = await readRows(
          c,
          `WITH ${LATEST_TRIAGE} SELECT ${ROW_COLUMNS} ${FROM_ROWS} ${where} ${orderClause(query.sort.by, query.sort.dir)} LIMIT ${query.limit} OFFSET ${query.offset}`,
          params,
        );
        const totalParams: SqlParams = [];
        const total = await count(c, `SELECT count(*) AS n FROM findings f ${whereClause(query.filters, totalParams)}`, totalParams);
        const indexed = await count(c, 'SELECT count(*) AS n FROM findings', []);
        const facets = await facetsOf(c, query.filters);
        const synced = await readRows(c, `SELECT ${iso('max(retrieved_at)')} AS at FROM findings`);
        return { rows: rows.map(rowToFinding), total, indexed, facets, lastSyncedAt: optionalString(synced[0]?.at) };
      }),

    get: (ref) =>
      read(async (c) => {
        const rows = await readRows(c, `WITH ${LATEST_TRIAGE} SELECT ${ROW_COLUMNS}, f.raw_json ${FROM_ROWS} WHERE f.analyzer_arn = $1 AND f.finding_id = $2`, [ref.analyzerArn, ref.id]);
        const row = rows[0];
        return row ? { row: rowToFinding(row), rawJson: String(row.raw_json) } : undefined;
      }),

    findById: (id) =>
      read(async (c) => (await readRows(c, `WITH ${LATEST_TRIAGE} SELECT ${ROW_COLUMNS} ${FROM_ROWS} WHERE f.finding_id = $1 ORDER BY f.analyzer_arn`, [id])).map(rowToFinding)),

    coverage: () =>
      read(async (c) =>
        (
          await readRows(
            c,
            `SELECT account, region, kind, status, analyzers_json, org_analyzers_json, profile, message, ${iso('checked_at')} AS checked_at FROM coverage ORDER BY account, kind, region`,
          )
        ).map(rowToCoverage),
      ),

    annotations: (ref, limit, offset) =>
      read(async (c) => {
        const where = ref ? 'WHERE analyzer_arn = $1 AND finding_id = $2' : '';
        const params: DuckDBValue[] = ref ? [ref.analyzerArn, ref.id] : [];
        const rows = await readRows(
          c,
          `SELECT annotation_id, finding_id, analyzer_arn, resource, action, label, justification, who, who_source, ${iso('recorded_at')} AS recorded_at, profile, previous_status, new_status
           FROM annotations ${where} ORDER BY seq DESC LIMIT ${limit} OFFSET ${offset}`,
          params,
        );
        const total = await count(c, `SELECT count(*) AS n FROM annotations ${where}`, params);
        return { entries: rows.map(rowToAnnotation), total };
      }),

    async close() {
      const current = opened;
      opened = undefined;
      if (current) await (await current.catch(() => undefined))?.close();
    },
  };
}

async function insertFindings(c: DuckDBConnection, findings: readonly StoredFinding[]): Promise<void> {
  if (findings.length === 0) return;
  const params: DuckDBValue[] = [];
  const tuples = findings.map((f) => {
    const base = params.length;
    params.push(
      f.analyzerArn,
      f.id,
      f.analyzerType,
      f.analyzerKind,
      f.account,
      f.resourceOwnerAccount,
      f.region,
      f.findingType,
      f.resourceType,
      f.resource,
      f.status,
      f.isPublic ?? null,
      f.principal,
      f.access,
      f.createdAt ?? null,
      f.updatedAt ?? null,
      f.analyzedAt ?? null,
      f.error ?? null,
      f.profile,
      f.retrievedAt,
      f.rawJson,
      searchText(f),
    );
    const p = (i: number) => `$${base + i}`;
    const cells = Array.from({ length: FINDING_COLUMNS }, (_, i) => ([15, 16, 17, 20].includes(i + 1) ? `CAST(${p(i + 1)} AS TIMESTAMP)` : p(i + 1)));
    return `(${cells.join(', ')})`;
  });
  await c.run(`INSERT INTO findings VALUES ${tuples.join(', ')}`, params);
}

/** What the free-text filter matches: one lower-cased string, so a word is one substring test, not nine. */
function searchText(f: StoredFinding): string {
  return [f.resource, f.principal, f.access, f.id, f.resourceOwnerAccount, f.account, f.profile, f.resourceType, f.findingType].join('\n').toLowerCase();
}

async function facetsOf(c: DuckDBConnection, filters: FindingFilters): Promise<FindingFacets> {
  const facet = async (key: FacetKey): Promise<FacetCount[]> => {
    const params: SqlParams = [];
    const where = whereClause(filters, params, key);
    const column = FACET_COLUMNS[key];
    const notNull = `${column} IS NOT NULL`;
    const rows = await readRows(
      c,
      `SELECT CAST(${column} AS VARCHAR) AS value, count(*) AS n FROM findings f ${where ? `${where} AND ${notNull}` : `WHERE ${notNull}`} GROUP BY 1 ORDER BY n DESC, value`,
      params,
    );
    return rows.map((r) => ({ value: String(r.value), count: Number(r.n) }));
  };
  return {
    status: await facet('status'),
    findingType: await facet('findingType'),
    analyzerKind: await facet('analyzerKind'),
    account: await facet('account'),
    region: await facet('region'),
    resourceType: await facet('resourceType'),
    isPublic: await facet('isPublic'),
  };
}

async function count(c: DuckDBConnection, sql: string, params: DuckDBValue[]): Promise<number> {
  const rows = await readRows(c, sql, params);
  return Number(rows[0]?.n ?? 0);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** DuckDB allows one process per file: say which file and why instead of an IO error. */
function describeOpenError(error: unknown, path: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock/i.test(message)) {
    return new AppError('findings:index-busy', `The findings index ${path} is open in another Auditdesk process. Close it and try again.`);
  }
  return error instanceof Error ? error : new Error(message);
}

