import type { CoverageEntry } from '../../../shared/ipc/channels/findings';

export interface CoverageSummary {
  accounts: string[];
  regions: string[];
  /** External access: account-regions with no analyzer at all. */
  missing: CoverageEntry[];
  /** External access: covered only by an organization analyzer seen elsewhere. */
  orgOnly: CoverageEntry[];
  /** Anything that could not be read: the auditor does not know what is there. */
  blind: CoverageEntry[];
  /** Accounts with no unused access analyzer anywhere synced. */
  unusedMissing: CoverageEntry[];
}

export function summarizeCoverage(entries: readonly CoverageEntry[]): CoverageSummary {
  const external = entries.filter((e) => e.kind === 'external');
  const blindKeys = new Set<string>();
  const blind = entries.filter((e) => {
    if (e.status !== 'denied' && e.status !== 'error') return false;
    const key = `${e.account}/${e.region}`;
    if (blindKeys.has(key)) return false;
    blindKeys.add(key);
    return true;
  });
  return {
    accounts: [...new Set(entries.map((e) => e.account))].sort(),
    regions: [...new Set(entries.filter((e) => e.region).map((e) => e.region))].sort(byRegion),
    missing: external.filter((e) => e.status === 'missing' || e.status === 'inactive'),
    orgOnly: external.filter((e) => e.status === 'org-only'),
    blind,
    unusedMissing: entries.filter((e) => e.kind === 'unused' && (e.status === 'missing' || e.status === 'inactive')),
  };
}

/** us-east-1 first (it is always synced), then alphabetical. */
function byRegion(a: string, b: string): number {
  if (a === 'us-east-1') return -1;
  if (b === 'us-east-1') return 1;
  return a.localeCompare(b);
}

export function entryFor(entries: readonly CoverageEntry[], account: string, region: string, kind: CoverageEntry['kind']): CoverageEntry | undefined {
  return entries.find((e) => e.account === account && e.region === region && e.kind === kind);
}
