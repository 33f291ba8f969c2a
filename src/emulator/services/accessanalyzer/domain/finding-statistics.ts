import { isExternalAnalyzer, isInternalAnalyzer, isOrganizationAnalyzer, type AnalyzerRecord, type FindingRecord } from './model-types';

/** The model's AccountAggregations list holds one to ten accounts. */
const TOP_ACCOUNTS = 10;

/**
 * GetFindingsStatistics: one FindingsStatistics union element whose member depends on the
 * analyzer's kind. Per-type and per-account counts are of ACTIVE findings, the ones an auditor
 * still has to act on; the totals cover each status.
 */
export function findingsStatistics(analyzer: AnalyzerRecord, findings: readonly FindingRecord[]): object {
  const totals = {
    totalActiveFindings: count(findings, (f) => f.status === 'ACTIVE'),
    totalArchivedFindings: count(findings, (f) => f.status === 'ARCHIVED'),
    totalResolvedFindings: count(findings, (f) => f.status === 'RESOLVED'),
  };
  if (isExternalAnalyzer(analyzer.type)) return { externalAccessFindingsStatistics: { resourceTypeStatistics: externalByType(findings), ...totals } };
  if (isInternalAnalyzer(analyzer.type)) return { internalAccessFindingsStatistics: { resourceTypeStatistics: internalByType(findings), ...totals } };
  return {
    unusedAccessFindingsStatistics: {
      unusedAccessTypeStatistics: byUnusedType(findings),
      // The model documents topAccounts for organization unused access analyzers.
      topAccounts: isOrganizationAnalyzer(analyzer.type) ? topAccounts(findings) : undefined,
      ...totals,
    },
  };
}

/** The newest change the statistics reflect. */
export function statisticsUpdatedAt(analyzer: AnalyzerRecord, findings: readonly FindingRecord[]): Date {
  return findings.reduce((latest, f) => (f.updatedAt > latest ? f.updatedAt : f.analyzedAt > latest ? f.analyzedAt : latest), analyzer.createdAt);
}

function externalByType(findings: readonly FindingRecord[]): Record<string, { totalActivePublic: number; totalActiveCrossAccount: number; totalActiveErrors: number }> {
  const out: Record<string, { totalActivePublic: number; totalActiveCrossAccount: number; totalActiveErrors: number }> = {};
  for (const f of findings) {
    const entry = (out[f.resourceType] ??= { totalActivePublic: 0, totalActiveCrossAccount: 0, totalActiveErrors: 0 });
    if (f.status !== 'ACTIVE') continue;
    const first = f.findingDetails[0];
    const isPublic = first !== undefined && 'externalAccessDetails' in first && first.externalAccessDetails.isPublic === true;
    if (f.error) entry.totalActiveErrors += 1;
    else if (isPublic) entry.totalActivePublic += 1;
    else entry.totalActiveCrossAccount += 1;
  }
  return out;
}

function internalByType(findings: readonly FindingRecord[]): Record<string, { totalActiveFindings: number; totalArchivedFindings: number; totalResolvedFindings: number }> {
  const out: Record<string, { totalActiveFindings: number; totalArchivedFindings: number; totalResolvedFindings: number }> = {};
  for (const f of findings) {
    const entry = (out[f.resourceType] ??= { totalActiveFindings: 0, totalArchivedFindings: 0, totalResolvedFindings: 0 });
    if (f.status === 'ACTIVE') entry.totalActiveFindings += 1;
    else if (f.status === 'ARCHIVED') entry.totalArchivedFindings += 1;
    else entry.totalResolvedFindings += 1;
  }
  return out;
}

function byUnusedType(findings: readonly FindingRecord[]): { unusedAccessType: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const f of findings) if (f.status === 'ACTIVE') totals.set(f.findingType, (totals.get(f.findingType) ?? 0) + 1);
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([unusedAccessType, total]) => ({ unusedAccessType, total }));
}

function topAccounts(findings: readonly FindingRecord[]): { account: string; numberOfActiveFindings: number; details: Record<string, number> }[] | undefined {
  const perAccount = new Map<string, Record<string, number>>();
  for (const f of findings) {
    if (f.status !== 'ACTIVE') continue;
    const details = perAccount.get(f.resourceOwnerAccount) ?? {};
    details[f.findingType] = (details[f.findingType] ?? 0) + 1;
    perAccount.set(f.resourceOwnerAccount, details);
  }
  const rows = [...perAccount.entries()].map(([account, details]) => ({
    account,
    numberOfActiveFindings: Object.values(details).reduce((s, n) => s + n, 0),
    details,
  }));
  rows.sort((a, b) => b.numberOfActiveFindings - a.numberOfActiveFindings || a.account.localeCompare(b.account));
  return rows.length > 0 ? rows.slice(0, TOP_ACCOUNTS) : undefined;
}

function count(findings: readonly FindingRecord[], pred: (f: FindingRecord) => boolean): number {
  return findings.reduce((n, f) => n + (pred(f) ? 1 : 0), 0);
}
