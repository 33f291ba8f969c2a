import type { AnalyzerKind, CoverageEntry, CoverageStatus } from '../../../shared/ipc/channels/findings';
import { analyzerKindOf, isOrganizationAnalyzer } from './analyzer-kind';
import type { AnalyzerSeen, RegionOutcome } from './region-sync';

/**
 * Where analyzers are missing, from what a sync saw. External and internal access analyzers
 * watch the resources of their own region, so each account-region needs one. Unused access
 * concerns IAM, which is global: one analyzer anywhere covers the account, so it is judged per
 * account (region '') over every region synced.
 *
 * An organization analyzer (in the management or delegated admin account) also covers member
 * accounts in its region. Whether an account is a member is not something Access Analyzer says,
 * so an account without its own analyzer but with an organization analyzer seen in the region is
 * `org-only`: a weaker warning, not `present`.
 */
export function computeCoverage(outcomes: readonly RegionOutcome[], checkedAt: string): CoverageEntry[] {
  const orgAnalyzers = organizationAnalyzers(outcomes);
  const entries: CoverageEntry[] = [];
  for (const outcome of outcomes) {
    for (const kind of ['external', 'internal'] as const) {
      entries.push(judge(kind, outcome.account, outcome.region, [outcome], orgAnalyzers.filter((a) => a.kind === kind && a.region === outcome.region), checkedAt));
    }
  }
  const byAccount = new Map<string, RegionOutcome[]>();
  for (const outcome of outcomes) byAccount.set(outcome.account, [...(byAccount.get(outcome.account) ?? []), outcome]);
  for (const [account, list] of byAccount) {
    entries.push(judge('unused', account, '', list, orgAnalyzers.filter((a) => a.kind === 'unused'), checkedAt));
  }
  return entries;
}

interface OrgAnalyzer extends AnalyzerSeen {
  kind: AnalyzerKind;
  region: string;
  account: string;
}

function organizationAnalyzers(outcomes: readonly RegionOutcome[]): OrgAnalyzer[] {
  return outcomes.flatMap((o) =>
    o.analyzers.filter((a) => isOrganizationAnalyzer(a.type) && a.status === 'ACTIVE').map((a) => ({ ...a, kind: analyzerKindOf(a.type), region: o.region, account: o.account })),
  );
}

function judge(kind: AnalyzerKind, account: string, region: string, outcomes: readonly RegionOutcome[], orgs: readonly OrgAnalyzer[], checkedAt: string): CoverageEntry {
  const own = outcomes.flatMap((o) => o.analyzers.filter((a) => analyzerKindOf(a.type) === kind));
  const failures = outcomes.flatMap((o) => o.analyzerFailures.filter((f) => analyzerKindOf(f.type) === kind));
  const unreadable = outcomes.filter((o) => o.status !== 'ok');
  const others = orgs.filter((a) => a.account !== account).map((a) => a.arn);
  let status: CoverageStatus;
  let message: string | undefined;
  if (failures.length > 0) {
    // The analyzer is there but its findings could not be read: as blind as having none.
    status = failures.some((f) => f.failure === 'denied') ? 'denied' : 'error';
    message = failures.map((f) => f.message).join(' · ');
  } else if (own.some((a) => a.status === 'ACTIVE')) {
    status = 'present';
  } else if (own.length > 0) {
    status = 'inactive';
    message = own.map((a) => `${a.arn} is ${a.status}`).join(' · ');
  } else if (unreadable.length > 0) {
    // Nothing found where we could look, and some places we could not: unknown, not missing.
    status = unreadable.some((o) => o.status === 'denied') ? 'denied' : 'error';
    message = unreadable.map((o) => `${o.region}: ${o.message ?? o.status}`).join(' · ');
  } else if (others.length > 0) {
    status = 'org-only';
  } else {
    status = 'missing';
  }
  return {
    account,
    region,
    kind,
    status,
    analyzers: own.map((a) => ({ arn: a.arn, type: a.type, status: a.status })),
    organizationAnalyzers: status === 'org-only' ? others : [],
    profile: outcomes[0]?.profile ?? '',
    ...(message ? { message } : {}),
    checkedAt,
  };
}
