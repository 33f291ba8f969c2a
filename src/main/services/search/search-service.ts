import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventRow, FacetCount, SearchFacets } from '../../../shared/ipc/channels/events';
import { readRows, type Row } from '../../store/duckdb-database';
import type { EventStore } from '../../store/event-store';
import type { NormalizedEvent } from '../events/event-model';
import { formatMicrosIso } from '../events/event-time';
import { compileWhere, type CompiledWhere } from './compile-query';
import type { QueryNode } from './query-ast';
import { findPage } from './search-page';
import { requestTree, type FilterChip, type SearchFilters } from './search-request';

export interface SearchRequest {
  /** The query language (docs/search-syntax.md); empty matches everything. */
  query: string;
  filters?: SearchFilters;
  chips?: readonly FilterChip[];
  /** Rows per page (default 100, at most 1000). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** Skip the facets (a page turn does not need them again). Default true. */
  facets?: boolean;
}

export interface SearchResult {
  /** Newest first; events without a time come last. */
  rows: EventRow[];
  /** Absent on the last page. */
  nextCursor?: string;
  /**
   * How many events match. Exact, except for queries with free text, where counting stops at
   * `totalCap` (default 1,000; `totalExact` is then false and the total a lower bound): free text
   * reads every record's text, and the first page should not wait for a full count.
   */
  total: number;
  totalExact: boolean;
  /**
   * Top values over all matches; for free-text queries over the first `facetSample` (default
   * 2,000) matches found, and then `facetsExact` is false.
   */
  facets: SearchFacets;
  facetsExact: boolean;
}

export interface SearchStats {
  perDay: Array<{ day: string; account: string; count: number }>;
  topEventNames: FacetCount[];
  topPrincipals: FacetCount[];
  topErrors: FacetCount[];
}

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResult>;
  /** One event by index key (or bare eventID): its fields and the record text as read. */
  getEvent(keyOrEventId: string): Promise<{ event: NormalizedEvent; raw: string } | null>;
  /** Chart data for a query: events per UTC day and account, and the top values. */
  stats(request: Pick<SearchRequest, 'query' | 'filters' | 'chips'>): Promise<SearchStats>;
}

export interface SearchServiceDeps {
  store: Pick<EventStore, 'read' | 'getEvent'>;
  clock?: () => Date;
  totalCap?: number;
  facetSample?: number;
  facetSize?: number;
}

const FACETS = [
  { key: 'accounts', column: 'account' },
  { key: 'regions', column: 'aws_region' },
  { key: 'eventSources', column: 'event_source' },
  { key: 'eventNames', column: 'event_name' },
  { key: 'principals', column: 'principal' },
  { key: 'errorCodes', column: 'error_code' },
] as const satisfies ReadonlyArray<{ key: keyof SearchFacets; column: string }>;

export function createSearchService(deps: SearchServiceDeps): SearchService {
  const clock = deps.clock ?? (() => new Date());
  const totalCap = deps.totalCap ?? 1_000;
  const facetSample = deps.facetSample ?? 2_000;
  const facetSize = deps.facetSize ?? 10;
  const nowMicros = () => BigInt(clock().getTime()) * 1000n;

  async function count(connection: DuckDBConnection, where: CompiledWhere, capped: boolean) {
    if (!capped) {
      const [row] = await readRows(connection, `SELECT count(*) AS n FROM events WHERE ${where.sql}`, where.params);
      return { total: Number(row?.n ?? 0), totalExact: true };
    }
    // LIMIT without ORDER BY lets DuckDB stop reading as soon as it has enough matches.
    const [row] = await readRows(connection, `SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE ${where.sql} LIMIT ${totalCap})`, where.params);
    const total = Number(row?.n ?? 0);
    return { total, totalExact: total < totalCap };
  }

  async function facets(connection: DuckDBConnection, where: CompiledWhere, size: number, sampled: boolean): Promise<SearchFacets> {
    const columns = FACETS.map((f) => f.column).join(', ');
    const source = sampled ? `(SELECT ${columns} FROM events WHERE ${where.sql} LIMIT ${facetSample})` : `(SELECT ${columns} FROM events WHERE ${where.sql})`;
    // One pass over the matching rows for all six facets. A set's NULL group (no error code…)
    // may take a place in its top size + 1, and is dropped below.
    const rows = await readRows(
      connection,
      `SELECT ${columns}, count(*) AS n, grouping(${columns}) AS g
       FROM ${source}
       GROUP BY GROUPING SETS (${FACETS.map((f) => `(${f.column})`).join(', ')})
       QUALIFY row_number() OVER (PARTITION BY g ORDER BY n DESC, ${columns}) <= ${size + 1}`,
      where.params,
    );
    const out = Object.fromEntries(FACETS.map((f) => [f.key, [] as FacetCount[]])) as unknown as SearchFacets;
    for (const row of rows) {
      const facet = FACETS.find((f) => row[f.column] !== null && row[f.column] !== undefined);
      if (!facet) continue;
      const list = out[facet.key];
      if (list.length < size) list.push({ value: String(row[facet.column]), count: Number(row.n) });
    }
    for (const f of FACETS) out[f.key].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    return out;
  }

  return {
    async search(request) {
      const limit = Math.min(Math.max(Math.floor(request.limit ?? 100), 1), 1000);
      const tree = requestTree(request.query, request.filters, request.chips);
      const now = nowMicros();
      const where = compileWhere(tree, { nowMicros: now });
      const capped = containsText(tree);
      const facetResult = request.facets === false ? Promise.resolve(emptyFacets()) : deps.store.read((c) => facets(c, where, facetSize, capped));
      // An exact count is cheap (narrow columns) and tells the page how far back to look; a
      // free-text count is not, so the page does not wait for it.
      const totalsResult = deps.store.read((c) => count(c, where, capped));
      facetResult.catch(() => undefined);
      totalsResult.catch(() => undefined);
      const known = capped ? undefined : (await totalsResult).total;
      const [pageResult, totals, facetValues] = await Promise.all([deps.store.read((c) => findPage(c, tree, now, limit, request.cursor, known)), totalsResult, facetResult]);
      return { rows: pageResult.rows.map(toEventRow), nextCursor: pageResult.nextCursor, ...totals, facetsExact: !capped, facets: facetValues };
    },
    async getEvent(keyOrEventId) {
      const event = await deps.store.getEvent(keyOrEventId);
      return event ? { event, raw: event.raw } : null;
    },
    async stats(request) {
      const tree = requestTree(request.query, request.filters, request.chips);
      const where = compileWhere(tree, { nowMicros: nowMicros() });
      const [perDay, top] = await Promise.all([
        deps.store.read((c) =>
          readRows(
            c,
            `SELECT strftime(event_time, '%Y-%m-%d') AS day, coalesce(account, '') AS account, count(*) AS n
             FROM events WHERE event_time IS NOT NULL AND ${where.sql} GROUP BY ALL ORDER BY day, account`,
            where.params,
          ),
        ),
        deps.store.read((c) => facets(c, where, facetSize, false)),
      ]);
      return {
        perDay: perDay.map((r) => ({ day: String(r.day), account: String(r.account), count: Number(r.n) })),
        topEventNames: top.eventNames,
        topPrincipals: top.principals,
        topErrors: top.errorCodes,
      };
    },
  };
}

function containsText(node: QueryNode): boolean {
  switch (node.kind) {
    case 'text':
      return true;
    case 'and':
    case 'or':
      return node.children.some(containsText);
    case 'not':
      return containsText(node.child);
    default:
      return false;
  }
}

function emptyFacets(): SearchFacets {
  return { accounts: [], regions: [], eventSources: [], eventNames: [], principals: [], errorCodes: [] };
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function toEventRow(row: Row): EventRow {
  return {
    key: String(row.event_key),
    eventId: String(row.event_id),
    eventTime: row.event_time_us === null ? null : formatMicrosIso(BigInt(row.event_time_us as bigint)),
    eventName: text(row.event_name),
    eventSource: text(row.event_source),
    account: text(row.account),
    region: text(row.aws_region),
    principal: String(row.principal),
    principalType: String(row.principal_type),
    sourceIp: text(row.source_ip),
    errorCode: text(row.error_code),
    readOnly: row.read_only === null ? null : Boolean(row.read_only),
    accessKeyId: text(row.access_key_id),
    userAgent: text(row.user_agent),
    resources: Array.isArray(row.resources) ? row.resources.map(String) : [],
    resourceCount: Number(row.resource_count ?? 0),
  };
}

