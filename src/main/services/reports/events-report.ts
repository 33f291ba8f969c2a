import type { DuckDBValue } from '@duckdb/node-api';
import type { AccountRegionStatus, EventFilters, EventRow, FilterChip } from '../../../shared/ipc/channels/events';
import { readRows } from '../../store/duckdb-database';
import type { EventStore } from '../../store/event-store';
import type { SearchService } from '../search/search-service';
import { createReportPdf } from './pdf-layout';
import { countsLine, csvLines, maskKeyIds, plural } from './report-text';
import type { ReportScope } from './report-scope';

export interface EventsReportRequest {
  query: string;
  chips?: readonly FilterChip[];
  filters?: EventFilters;
}

export interface EventsReportDeps {
  search: SearchService;
  store: () => Promise<Pick<EventStore, 'read' | 'sources'>>;
  syncStatus: () => Promise<AccountRegionStatus[]>;
  /** Rows the CSV exports at most (default 100,000). */
  rowCap: number;
  /** Events the PDF lists (default 500); its counts cover all of them. */
  pdfRows: number;
}

interface Provenance {
  source: string;
  sourceRef: string | null;
  profile: string | null;
  retrievedAt: string;
}

export interface EventsReportOutput {
  content: Buffer;
  rows: number;
  total: number;
  capped: boolean;
}

const PAGE = 1000;

export const EVENTS_CSV_HEADER = [
  'eventTime',
  'eventName',
  'eventSource',
  'account',
  'region',
  'principal',
  'principalType',
  'sourceIp',
  'errorCode',
  'readOnly',
  'accessKeyId',
  'resources',
  'eventId',
  'source',
  'retrievedAt',
] as const;

/** Every matching event, page by page, with where each record came from. */
async function* pages(deps: EventsReportDeps, request: EventsReportRequest, cap: number, signal?: AbortSignal) {
  let cursor: string | undefined;
  let seen = 0;
  do {
    signal?.throwIfAborted();
    const limit = Math.min(PAGE, cap - seen);
    const page = await deps.search.search({ query: request.query, chips: request.chips, filters: request.filters, limit, cursor, facets: false });
    const provenance = await provenanceOf(deps, page.rows.map((r) => r.key));
    seen += page.rows.length;
    yield { rows: page.rows, provenance, total: page.total, totalExact: page.totalExact, more: page.nextCursor !== undefined };
    cursor = page.nextCursor;
  } while (cursor && seen < cap);
}

async function provenanceOf(deps: EventsReportDeps, keys: readonly string[]): Promise<Map<string, Provenance>> {
  const found = new Map<string, Provenance>();
  if (keys.length === 0) return found;
  const store = await deps.store();
  const rows = await store.read((connection) =>
    readRows(connection, `SELECT event_key, source, source_ref, profile, epoch_ms(retrieved_at) AS retrieved_ms FROM events WHERE event_key IN (${keys.map(() => '?').join(', ')})`, keys as DuckDBValue[]),
  );
  for (const row of rows) {
    found.set(String(row.event_key), {
      source: String(row.source),
      sourceRef: row.source_ref === null ? null : String(row.source_ref),
      profile: row.profile === null ? null : String(row.profile),
      retrievedAt: row.retrieved_ms === null ? '' : new Date(Number(row.retrieved_ms)).toISOString(),
    });
  }
  return found;
}

/** `lookup-events demo-prod/us-east-1`, `import /evidence/…/file.json.gz`. */
export function provenanceText(p: Provenance | undefined): string {
  if (!p) return '';
  return p.sourceRef ? `${p.source} ${p.sourceRef}` : p.source;
}

function csvRow(row: EventRow, p: Provenance | undefined): Array<string | boolean | null> {
  return [
    row.eventTime,
    row.eventName,
    row.eventSource,
    row.account,
    row.region,
    row.principal,
    row.principalType,
    row.sourceIp,
    row.errorCode,
    row.readOnly,
    row.accessKeyId,
    row.resources.join(' ') + (row.resourceCount > row.resources.length ? ` (+${row.resourceCount - row.resources.length} more)` : ''),
    row.eventId,
    provenanceText(p),
    p?.retrievedAt ?? '',
  ];
}

export async function eventsCsv(deps: EventsReportDeps, request: EventsReportRequest, scope: ReportScope, onProgress: (rows: number, total: number) => void, signal?: AbortSignal): Promise<EventsReportOutput> {
  const parts: string[] = [];
  let rows = 0;
  let total = 0;
  let more = false;
  for await (const page of pages(deps, request, deps.rowCap, signal)) {
    total = Math.max(page.total, rows + page.rows.length);
    more = page.more;
    parts.push(csvLines(page.rows.map((r) => csvRow(r, page.provenance.get(r.key)))));
    rows += page.rows.length;
    onProgress(rows, Math.min(total, deps.rowCap));
  }
  const capped = more;
  // A comment line would break strict CSV readers; the scope goes in the sidecar, and a cap is
  // said in a last row only when there is one, so the header is always the first line.
  const head = csvLines([[...EVENTS_CSV_HEADER]]);
  const tail = capped ? csvLines([[`# capped: the newest ${rows} matching events were exported (cap ${deps.rowCap}); at least ${total} match; narrow the query for the rest`]]) : '';
  void scope;
  return { content: Buffer.from(head + parts.join('') + tail, 'utf8'), rows, total, capped };
}

export async function eventsPdf(deps: EventsReportDeps, request: EventsReportRequest, scope: ReportScope, onProgress: (rows: number, total: number) => void, signal?: AbortSignal): Promise<EventsReportOutput> {
  const listed: Array<{ row: EventRow; p: Provenance | undefined }> = [];
  let total = 0;
  let totalExact = true;
  for await (const page of pages(deps, request, deps.pdfRows, signal)) {
    total = Math.max(page.total, listed.length + page.rows.length);
    totalExact = page.totalExact;
    for (const row of page.rows) listed.push({ row, p: page.provenance.get(row.key) });
    onProgress(listed.length, Math.min(total, deps.pdfRows));
  }
  const [stats, first, statuses, sources] = await Promise.all([
    deps.search.stats({ query: request.query, chips: request.chips, filters: request.filters }),
    deps.search.search({ query: request.query, chips: request.chips, filters: request.filters, limit: 1 }),
    deps.syncStatus(),
    deps.store().then((s) => s.sources()),
  ]);
  const facets = first.facets;
  const times = listed.map((l) => l.row.eventTime).filter((t): t is string => t !== null);
  const oldestListed = times.at(-1);
  const newestListed = times[0];
  const totalText = totalExact ? total.toLocaleString('en-US') : `at least ${total.toLocaleString('en-US')}`;

  const pdf = createReportPdf({ title: scope.title, author: `Auditdesk ${scope.version}` });
  pdf.title(scope.title, `CloudTrail events report · generated ${scope.generatedAt} (UTC)`);
  pdf.heading('Scope');
  pdf.keyValues([
    ['Workspace', scope.workspace],
    ['Active profiles', scope.profiles.length ? scope.profiles.join(', ') : 'none'],
    ['Query', request.query.trim() || '(none: every event in the index)'],
    ...(request.chips?.length ? ([['Filter chips', request.chips.map((c) => `${c.op === 'is-not' ? 'NOT ' : ''}${c.field}:${c.value}`).join('  ')]] as const) : []),
    ...(request.filters && Object.keys(request.filters).length ? ([['Filters', JSON.stringify(request.filters)]] as const) : []),
    ['Time range', timeRange(request.filters, newestListed, oldestListed, total, listed.length)],
    ['Accounts', countsLine(facets.accounts, 20)],
    ['Regions', countsLine(facets.regions, 20)],
    ['Matching events', totalText],
    ['Events listed below', `${listed.length.toLocaleString('en-US')}${listed.length < total ? ` (the newest; the CSV export has up to ${deps.rowCap.toLocaleString('en-US')})` : ''}`],
    ['Generated at', `${scope.generatedAt} (UTC)`],
    ['Generated by', `Auditdesk ${scope.version}`],
  ]);

  pdf.heading('Index coverage');
  pdf.paragraph('Every event between "covered from" and "covered to" was read from LookupEvents into the local index. Outside those times, or for account-regions marked not synced, the index holds only what was imported from trail files.', { muted: true });
  const accountsSeen = new Set([...facets.accounts.map((f) => f.value), ...statuses.map((s) => s.accountId)]);
  const coverageRows: string[][] = statuses.map((s) => [s.accountId, s.region, s.profile ?? '', s.state, s.coveredFrom ?? 'not synced', s.coveredTo ?? 'not synced', s.backfillComplete ? 'yes' : 'no', String(s.eventsStored)]);
  for (const account of accountsSeen) {
    if (/^\d{12}$/.test(account) && !statuses.some((s) => s.accountId === account)) coverageRows.push([account, 'all', '', 'not synced', 'not synced', 'not synced', 'no', '']);
  }
  pdf.table(
    [['Account', 10], ['Region', 10], ['Profile', 14], ['State', 8], ['Covered from', 16], ['Covered to', 16], ['90-day backfill', 9], ['Events stored', 9]],
    coverageRows,
    { empty: 'No account-region has been synced: the index holds imported trail files only.' },
  );

  pdf.heading('Provenance');
  const imports = sources.filter((s) => s.kind !== 'lookup-events');
  const lookups = sources.filter((s) => s.kind === 'lookup-events');
  const origins = [
    ...(lookups.length ? [`CloudTrail LookupEvents with ${lookups.map((s) => s.ref).join(', ')} (profile/region)`] : []),
    ...(imports.length ? [`CloudTrail log files imported from ${imports.map((s) => s.ref).join(', ')}`] : []),
  ];
  pdf.paragraph(
    `Records were read from ${origins.length ? origins.join(', and from ') : 'no recorded source'}. Each event's own source (profile/region or file) and retrieval time are columns of the CSV export. Events are stored as CloudTrail delivered them; Auditdesk only indexes them. Access key ids are shortened to their prefix and last four characters; no credentials are part of this report.`,
  );

  pdf.heading('Summary');
  const topRows = Math.max(stats.topEventNames.length, stats.topPrincipals.length, stats.topErrors.length, 1);
  const summary: string[][] = [];
  for (let i = 0; i < Math.min(topRows, 10); i++) {
    const cell = (list: ReadonlyArray<{ value: string; count: number }>) => {
      const item = list[i];
      return item ? [item.value, String(item.count)] : ['', ''];
    };
    summary.push([...cell(stats.topEventNames), ...cell(stats.topPrincipals), ...cell(stats.topErrors)]);
  }
  if (stats.topErrors.length === 0 && summary[0]) summary[0][4] = 'no errors';
  pdf.table([['Top event names', 22], ['Count', 5], ['Top principals', 30], ['Count', 5], ['Top error codes', 22], ['Count', 5]], summary);

  pdf.doc.addPage();
  pdf.heading(listed.length < total ? `Events: the newest ${listed.length.toLocaleString('en-US')} of ${totalText}` : `Events: all ${listed.length.toLocaleString('en-US')}`);
  pdf.table(
    [['Time (UTC)', 13], ['Event', 15], ['Service', 13], ['Account', 9], ['Region', 8], ['Principal', 20], ['Source IP', 10], ['Error', 12], ['Source', 14]],
    listed.map(({ row, p }) => [
      (row.eventTime ?? '').replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
      row.eventName ?? '',
      row.eventSource ?? '',
      row.account ?? '',
      row.region ?? '',
      maskKeyIds(row.principal),
      row.sourceIp ?? '',
      row.errorCode ?? '',
      shortProvenance(p),
    ]),
    { empty: 'No event matches this query in the index.' },
  );
  const content = await pdf.finish(`Generated by Auditdesk ${scope.version} at ${scope.generatedAt} — ${listed.length.toLocaleString('en-US')} of ${totalText} events`);
  return { content, rows: listed.length, total, capped: listed.length < total };
}

/** The PDF's narrow column: the file name, not its folder. */
function shortProvenance(p: Provenance | undefined): string {
  if (!p) return '';
  if (p.source !== 'lookup-events' && p.sourceRef) return `${p.source} ${p.sourceRef.split('/').pop() ?? p.sourceRef}`;
  return provenanceText(p);
}

function timeRange(filters: EventFilters | undefined, newest: string | undefined, oldest: string | undefined, total: number, listed: number): string {
  const bounds = filters?.from || filters?.to ? `filter ${filters.from ?? 'start'} to ${filters.to ?? 'now'}; ` : '';
  if (!newest) return `${bounds}no events`;
  return `${bounds}events listed span ${oldest ?? newest} to ${newest}${listed < total ? ' (older matching events are counted but not listed)' : ''}`;
}

export function eventsScopeSummary(request: EventsReportRequest, workspace: string): string {
  return `${workspace} · query: ${request.query.trim() || '(all events)'}${request.chips?.length ? ` · ${plural(request.chips.length, 'chip')}` : ''}`;
}
