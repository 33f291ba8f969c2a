import type { Annotation, CoverageEntry, FindingFilters, FindingRow } from '../../../shared/ipc/channels/findings';
import type { FindingsService } from '../findings/findings-service';
import { createReportPdf } from './pdf-layout';
import type { ReportScope } from './report-scope';
import { countsLine, csvLines, maskKeyIds } from './report-text';

export interface FindingsReportDeps {
  findings: Pick<FindingsService, 'list' | 'coverage' | 'annotations'>;
  rowCap: number;
}

export interface FindingsReportOutput {
  content: Buffer;
  rows: number;
  total: number;
  capped: boolean;
}

export const FINDINGS_CSV_HEADER = [
  'id',
  'status',
  'findingType',
  'analyzerKind',
  'isPublic',
  'resourceType',
  'resource',
  'resourceOwnerAccount',
  'account',
  'region',
  'principal',
  'access',
  'createdAt',
  'updatedAt',
  'analyzedAt',
  'analyzerType',
  'analyzerArn',
  'profile',
  'retrievedAt',
  'error',
  'lastTriageAction',
  'lastTriageLabel',
  'lastTriageAt',
  'lastTriageWho',
  'lastTriageJustification',
] as const;

interface Collected {
  rows: FindingRow[];
  total: number;
  indexed: number;
  lastSyncedAt?: string;
  facets: Awaited<ReturnType<FindingsService['list']>>['facets'];
  capped: boolean;
  coverage: CoverageEntry[];
  annotations: Annotation[];
}

async function collect(deps: FindingsReportDeps, filters: FindingFilters, onProgress: (n: number, total: number) => void, signal?: AbortSignal): Promise<Collected> {
  const rows: FindingRow[] = [];
  let cursor: string | undefined;
  let first: Awaited<ReturnType<FindingsService['list']>> | undefined;
  do {
    signal?.throwIfAborted();
    const page = await deps.findings.list({ filters, sort: { by: 'severity', dir: 'asc' }, limit: Math.min(5000, deps.rowCap - rows.length), cursor });
    first ??= page;
    rows.push(...page.rows);
    cursor = page.nextCursor;
    onProgress(rows.length, Math.min(page.total, deps.rowCap));
  } while (cursor && rows.length < deps.rowCap);
  const annotations: Annotation[] = [];
  let next: string | undefined;
  do {
    const page = await deps.findings.annotations({ limit: 5000, cursor: next });
    annotations.push(...page.entries);
    next = page.nextCursor;
  } while (next && annotations.length < 100_000);
  const coverage = (await deps.findings.coverage()).entries;
  return {
    rows,
    total: first?.total ?? 0,
    indexed: first?.indexed ?? 0,
    lastSyncedAt: first?.lastSyncedAt,
    facets: first?.facets ?? { status: [], findingType: [], analyzerKind: [], account: [], region: [], resourceType: [], isPublic: [] },
    capped: cursor !== undefined,
    coverage,
    annotations,
  };
}

const findingKey = (id: string, analyzerArn: string) => `${analyzerArn}|${id}`;

/** The newest annotation per finding (the log is newest first). */
function lastAnnotations(annotations: readonly Annotation[]): Map<string, Annotation> {
  const last = new Map<string, Annotation>();
  for (const a of annotations) {
    const key = findingKey(a.findingId, a.analyzerArn);
    if (!last.has(key)) last.set(key, a);
  }
  return last;
}

export async function findingsCsv(deps: FindingsReportDeps, filters: FindingFilters, onProgress: (n: number, total: number) => void, signal?: AbortSignal): Promise<FindingsReportOutput> {
  const data = await collect(deps, filters, onProgress, signal);
  const last = lastAnnotations(data.annotations);
  const body = data.rows.map((r) => {
    const a = last.get(findingKey(r.id, r.analyzerArn));
    return [
      r.id,
      r.status,
      r.findingType,
      r.analyzerKind,
      r.isPublic === undefined ? '' : r.isPublic,
      r.resourceType,
      r.resource,
      r.resourceOwnerAccount,
      r.account,
      r.region,
      r.principal,
      r.access,
      r.createdAt,
      r.updatedAt,
      r.analyzedAt,
      r.analyzerType,
      r.analyzerArn,
      r.profile,
      r.retrievedAt,
      r.error ?? '',
      a?.action ?? '',
      a?.label ?? '',
      a?.at ?? '',
      a?.who ?? '',
      a?.justification ?? '',
    ];
  });
  const tail = data.capped ? csvLines([[`# capped: ${data.rows.length} of ${data.total} matching findings exported (cap ${deps.rowCap})`]]) : '';
  return { content: Buffer.from(csvLines([[...FINDINGS_CSV_HEADER], ...body]) + tail, 'utf8'), rows: data.rows.length, total: data.total, capped: data.capped };
}

export async function findingsPdf(deps: FindingsReportDeps, filters: FindingFilters, scope: ReportScope, onProgress: (n: number, total: number) => void, signal?: AbortSignal): Promise<FindingsReportOutput> {
  const data = await collect(deps, filters, onProgress, signal);
  const shown = new Set(data.rows.map((r) => findingKey(r.id, r.analyzerArn)));
  const log = data.annotations.filter((a) => shown.has(findingKey(a.findingId, a.analyzerArn)));
  const accounts = [...new Set(data.coverage.map((c) => c.account))].sort();
  const regions = [...new Set(data.coverage.map((c) => c.region).filter(Boolean))].sort();
  const coverageProfiles = [...new Set(data.coverage.map((c) => c.profile))].sort();
  const gaps = data.coverage.filter((c) => c.status !== 'present');

  const pdf = createReportPdf({ title: scope.title, author: `Auditdesk ${scope.version}` });
  pdf.title(scope.title, `IAM Access Analyzer findings report · generated ${scope.generatedAt} (UTC)`);
  pdf.heading('Scope');
  pdf.keyValues([
    ['Workspace', scope.workspace],
    ['Active profiles', scope.profiles.length ? scope.profiles.join(', ') : 'none'],
    ['Profiles that synced', coverageProfiles.join(', ') || 'none: findings were never synced'],
    ['Accounts covered', accounts.join(', ') || 'none'],
    ['Regions covered', regions.join(', ') || 'none'],
    ['Analyzers', analyzersLine(data.coverage)],
    ['Filters', filtersLine(filters)],
    ['Findings in report', `${data.rows.length.toLocaleString('en-US')} of ${data.total.toLocaleString('en-US')} matching (${data.indexed.toLocaleString('en-US')} in the index)${data.capped ? ` — capped at ${deps.rowCap.toLocaleString('en-US')}` : ''}`],
    [filters.status?.length ? 'By status (any status)' : 'By status', countsLine(data.facets.status)],
    ['By type', countsLine(data.facets.findingType)],
    ['By analyzer kind', countsLine(data.facets.analyzerKind)],
    ['Last synced from AWS', data.lastSyncedAt ?? 'never'],
    ['Generated at', `${scope.generatedAt} (UTC)`],
    ['Generated by', `Auditdesk ${scope.version}`],
  ]);
  pdf.heading('Provenance');
  pdf.paragraph(
    'Findings were read from IAM Access Analyzer (ListAnalyzers, ListFindingsV2, GetFindingV2) with the profiles listed above and stored in the local index; each finding carries the profile and time it was retrieved (CSV export). Triage entries come from Auditdesk\'s append-only log: who is the STS identity of the profile used, or the OS user. No credentials are part of this report.',
  );

  pdf.heading(`Coverage gaps (${gaps.length})`);
  pdf.table(
    [['Account', 10], ['Region', 10], ['Analyzer kind', 10], ['Status', 8], ['Profile', 14], ['Detail', 48]],
    gaps.map((g) => [g.account, g.region || 'all (IAM is global)', g.kind, g.status, g.profile, g.message ?? gapText(g)]),
    { empty: data.coverage.length ? 'Every account-region synced has an active analyzer of each kind.' : 'Coverage is unknown: findings were never synced.' },
  );

  pdf.doc.addPage();
  pdf.heading(`Findings (${data.rows.length.toLocaleString('en-US')})`);
  pdf.table(
    [['Status', 7], ['Type', 15], ['Public', 4], ['Resource', 24], ['Owner', 9], ['Region', 8], ['Principal', 14], ['Access', 13], ['Updated', 9], ['Last triage', 10]],
    data.rows.map((r) => [r.status, r.findingType, r.isPublic ? 'yes' : '', r.resource, r.resourceOwnerAccount, r.region, maskKeyIds(r.principal), maskKeyIds(r.access), r.updatedAt.slice(0, 10), r.triage ? `${r.triage.action}${r.triage.label ? ` (${r.triage.label})` : ''} ${r.triage.at.slice(0, 10)}` : '']),
    { empty: 'No finding matches these filters.' },
  );

  pdf.heading(`Triage log (${log.length})`);
  if (log.length === 0) pdf.paragraph('No finding in this report was archived, unarchived or annotated in Auditdesk.');
  for (const a of log) {
    pdf.paragraph(`${a.at} · ${a.action}${a.label ? ` (${a.label})` : ''}${a.previousStatus ? ` · ${a.previousStatus} → ${a.newStatus ?? ''}` : ''} · ${a.who}${a.profile ? ` via ${a.profile}` : ''}`, { muted: true });
    pdf.paragraph(`${a.resource ?? a.findingId}: "${a.justification}"`);
  }
  const content = await pdf.finish(`Generated by Auditdesk ${scope.version} at ${scope.generatedAt} — ${data.rows.length} of ${data.total} findings`);
  return { content, rows: data.rows.length, total: data.total, capped: data.capped };
}

function analyzersLine(coverage: readonly CoverageEntry[]): string {
  const arns = new Set(coverage.flatMap((c) => c.analyzers.map((a) => `${a.type} ${a.arn.split('/').pop() ?? a.arn}`)));
  return arns.size ? `${arns.size}: ${[...arns].sort().join(', ')}` : 'none seen';
}

function gapText(g: CoverageEntry): string {
  if (g.status === 'missing') return `No ${g.kind} access analyzer: nothing is watching.`;
  if (g.status === 'org-only') return `Only organization analyzers: ${g.organizationAnalyzers.join(', ')}`;
  if (g.status === 'inactive') return 'Analyzers exist but none is active.';
  return g.status;
}

export function filtersLine(filters: FindingFilters): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return parts.length ? parts.join(' · ') : 'none (every finding)';
}
