import type { AccessAnalyzerClient, AnalyzerSummary, FindingSummaryV2 } from '@aws-sdk/client-accessanalyzer';
import { describeAwsError, isAbortError } from '../../aws/aws-errors';
import { getFindingWithDetails, listAllFindings, type Call } from './access-analyzer-calls';
import { analyzerKindOf, parseAnalyzerArn } from './analyzer-kind';
import { toFindingDetail } from './finding-details';
import { summarizeFinding } from './finding-summary';
import type { StoredFinding, StoredVersion } from './findings-model';
import type { FindingsStore } from './findings-store';
import { runLimited } from './run-limited';

export interface AnalyzerSyncResult {
  findings: number;
  /** GetFindingV2 calls made; unchanged findings reuse the details stored last time. */
  detailsFetched: number;
  /** Findings stored without details because GetFindingV2 failed for them. */
  detailsFailed: number;
  detailsError?: string;
}

export interface AnalyzerSyncInput {
  client: AccessAnalyzerClient;
  call: Call;
  store: FindingsStore;
  analyzer: AnalyzerSummary & { arn: string };
  profile: string;
  retrievedAt: string;
  /** GetFindingV2 calls in flight at once for this analyzer. */
  concurrency: number;
  onFinding?: () => void;
}

/**
 * One analyzer: the complete ListFindingsV2 listing, details for what is new or changed, and one
 * transaction that replaces what the index held for the analyzer. A failure before that
 * transaction leaves the previous copy in place; a re-sync never duplicates a finding.
 */
export async function syncAnalyzer(input: AnalyzerSyncInput): Promise<AnalyzerSyncResult> {
  const { client, call, store, analyzer } = input;
  const summaries = dedupe(await listAllFindings(client, analyzer.arn, call));
  const stored = await store.versions(analyzer.arn);
  let detailsFetched = 0;
  let detailsFailed = 0;
  let detailsError: string | undefined;

  const rows = await runLimited(summaries, input.concurrency, async (summary) => {
    const reused = reusableDetails(summary, stored.get(summary.id ?? ''));
    let raw: Record<string, unknown>;
    if (reused) {
      raw = { ...summary, findingDetails: reused };
    } else {
      try {
        raw = { ...(await getFindingWithDetails(client, analyzer.arn, summary.id ?? '', call)) };
        detailsFetched++;
      } catch (error) {
        if (isAbortError(error)) throw error;
        detailsFailed++;
        detailsError ??= describeAwsError(error);
        raw = { ...summary };
      }
    }
    input.onFinding?.();
    return toStored(summary, raw, input);
  });

  await store.replaceAnalyzer(analyzer.arn, rows);
  return { findings: rows.length, detailsFetched, detailsFailed, ...(detailsError ? { detailsError } : {}) };
}

/** A finding listed twice across pages (it changed while we paged) is stored once. */
function dedupe(summaries: FindingSummaryV2[]): (FindingSummaryV2 & { id: string })[] {
  const byId = new Map<string, FindingSummaryV2 & { id: string }>();
  for (const s of summaries) if (s.id) byId.set(s.id, { ...s, id: s.id });
  return [...byId.values()];
}

/** Details are only worth fetching again when Access Analyzer changed or re-analyzed the finding. */
function reusableDetails(summary: FindingSummaryV2, stored: StoredVersion | undefined): unknown[] | undefined {
  if (!stored || stored.updatedAt !== isoOf(summary.updatedAt) || stored.analyzedAt !== isoOf(summary.analyzedAt)) return undefined;
  try {
    const parsed: unknown = JSON.parse(stored.rawJson);
    const details = parsed && typeof parsed === 'object' ? (parsed as { findingDetails?: unknown }).findingDetails : undefined;
    return Array.isArray(details) && details.length > 0 ? details : undefined;
  } catch {
    return undefined;
  }
}

function toStored(summary: FindingSummaryV2 & { id: string }, raw: Record<string, unknown>, input: AnalyzerSyncInput): StoredFinding {
  // Stored as JSON text: Dates become ISO strings, which is what every later reader expects.
  const rawJson = JSON.stringify(raw);
  const parsedRaw = JSON.parse(rawJson) as { findingDetails?: unknown };
  const details = Array.isArray(parsedRaw.findingDetails) ? parsedRaw.findingDetails.map(toFindingDetail) : [];
  const resource = summary.resource ?? '';
  const findingType = summary.findingType ?? 'ExternalAccess';
  // Without GetFindingV2's answer there is no findingDetails key at all (an empty list is an answer).
  const summaryColumns =
    'findingDetails' in raw
      ? summarizeFinding({ findingType, resource }, details)
      : { principal: 'details unavailable', access: 'GetFindingV2 failed; sync again', isPublic: undefined };
  const where = parseAnalyzerArn(input.analyzer.arn);
  const type = input.analyzer.type ?? 'ACCOUNT';
  return {
    analyzerArn: input.analyzer.arn,
    id: summary.id,
    analyzerType: type,
    analyzerKind: analyzerKindOf(type),
    account: where?.account ?? '',
    resourceOwnerAccount: summary.resourceOwnerAccount ?? where?.account ?? '',
    region: where?.region ?? '',
    findingType,
    resourceType: summary.resourceType ?? '',
    resource,
    status: summary.status ?? 'ACTIVE',
    isPublic: summaryColumns.isPublic,
    principal: summaryColumns.principal,
    access: summaryColumns.access,
    createdAt: isoOf(summary.createdAt),
    updatedAt: isoOf(summary.updatedAt),
    analyzedAt: isoOf(summary.analyzedAt),
    error: summary.error,
    profile: input.profile,
    retrievedAt: input.retrievedAt,
    rawJson,
  };
}

function isoOf(date: Date | undefined): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}
