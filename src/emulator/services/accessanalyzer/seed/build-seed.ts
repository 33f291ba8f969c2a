import type { EmulatorWorld } from '../../../world/world-types';
import { matchesFilter } from '../domain/finding-filter';
import {
  isOrganizationAnalyzer,
  type AnalyzerRecord,
  type ArchiveRuleRecord,
  type FindingDetails,
  type FindingRecord,
} from '../domain/model-types';
import { seedAnalyzers } from './analyzer-seed';
import { seedArchiveRules } from './archive-rule-seed';
import { externalAccessDrafts } from './external-access-seed';
import { internalAccessDrafts } from './internal-access-seed';
import { loadRealExamples, type RealExamples } from './real-examples';
import { createSeedContext, seededStatus, type FindingDraft, type SeedContext } from './seed-context';
import { findAccessAnalyzerSeedDir } from './seed-data-dir';
import { unusedAccessDrafts } from './unused-access-seed';

/** Everything the Access Analyzer emulator starts from; the same world always gives the same seed. */
export interface AccessAnalyzerSeed {
  analyzers: AnalyzerRecord[];
  findings: FindingRecord[];
  archiveRules: ArchiveRuleRecord[];
}

export function loadAccessAnalyzerSeed(world: EmulatorWorld, seedDir: string = findAccessAnalyzerSeedDir()): AccessAnalyzerSeed {
  return buildAccessAnalyzerSeed(world, loadRealExamples(seedDir));
}

export function buildAccessAnalyzerSeed(world: EmulatorWorld, examples: RealExamples): AccessAnalyzerSeed {
  const ctx = createSeedContext(world);
  const analyzers = seedAnalyzers(ctx, examples.analyzers);
  const external = externalAccessDrafts(ctx, examples.access);
  const internal = internalAccessDrafts(ctx);
  const unused = unusedAccessDrafts(ctx);
  const archiveRules = seedArchiveRules(ctx, analyzers, examples.archiveRules);

  const findings: FindingRecord[] = [];
  for (const analyzer of analyzers) {
    const drafts = draftsFor(analyzer, external, internal, unused);
    const rules = archiveRules.filter((r) => r.analyzerArn === analyzer.arn);
    const own = drafts.map((d) => materialise(ctx, analyzer, d, rules));
    findings.push(...own);
    markLastAnalyzed(analyzer, own);
  }
  return { analyzers, findings, archiveRules };
}

/** Which drafts an analyzer reports: its zone of trust (account or organisation) and its kind. */
function draftsFor(
  analyzer: AnalyzerRecord,
  external: readonly FindingDraft[],
  internal: readonly FindingDraft[],
  unused: readonly FindingDraft[],
): FindingDraft[] {
  const org = isOrganizationAnalyzer(analyzer.type);
  const inScope = (d: FindingDraft): boolean => d.region === analyzer.region && (org || d.ownerAccount === analyzer.accountId);
  switch (analyzer.type) {
    case 'ACCOUNT':
      return external.filter(inScope);
    case 'ORGANIZATION':
      // Access from another member account is inside this zone of trust: not a finding here.
      return external.filter((d) => inScope(d) && d.zone === 'outside-org');
    case 'ACCOUNT_INTERNAL_ACCESS':
      return internal.filter((d) => inScope(d) && accessTypeOf(d) === 'INTRA_ACCOUNT');
    case 'ORGANIZATION_INTERNAL_ACCESS':
      return internal.filter(inScope);
    case 'ACCOUNT_UNUSED_ACCESS':
    case 'ORGANIZATION_UNUSED_ACCESS':
      return unused.filter(inScope);
  }
}

function accessTypeOf(d: FindingDraft): string | undefined {
  const first = d.findingDetails[0];
  return first && 'internalAccessDetails' in first ? first.internalAccessDetails.accessType : undefined;
}

function materialise(ctx: SeedContext, analyzer: AnalyzerRecord, draft: FindingDraft, rules: readonly ArchiveRuleRecord[]): FindingRecord {
  const rng = ctx.rng.fork(`finding:${analyzer.arn}:${draft.key}`);
  const finding: FindingRecord = {
    id: rng.uuid(),
    analyzerArn: analyzer.arn,
    findingType: draft.findingType,
    resource: draft.resource,
    resourceType: draft.resourceType,
    resourceOwnerAccount: draft.ownerAccount,
    // An error finding stays open until the analyzer can read the resource again.
    status: draft.error ? 'ACTIVE' : seededStatus(rng.fork('status')),
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    analyzedAt: draft.analyzedAt,
    ...(draft.error ? { error: draft.error } : {}),
    findingDetails: detailsFor(analyzer, draft.findingDetails),
    synthetic: draft.synthetic,
    origin: draft.origin,
    ...(draft.attachedPolicies ? { attachedPolicies: structuredClone(draft.attachedPolicies) } : {}),
  };
  // Archive rules act on findings created after them (ApplyArchiveRule is what reaches older ones).
  const archivedBy = rules.find((r) => r.createdAt <= finding.createdAt && matchesFilter(finding, r.filter));
  if (archivedBy && finding.status === 'ACTIVE') finding.status = 'ARCHIVED';
  return finding;
}

/**
 * Per the model's docs, an SCP/RCP that the analysis took into account reads APPLICABLE when the
 * zone of trust is the account and APPLIED when it is the organisation.
 */
function detailsFor(analyzer: AnalyzerRecord, details: readonly FindingDetails[]): FindingDetails[] {
  const copy = structuredClone(details) as FindingDetails[];
  if (analyzer.type !== 'ORGANIZATION_INTERNAL_ACCESS') return copy;
  return copy.map((d) => {
    if (!('internalAccessDetails' in d)) return d;
    const i = d.internalAccessDetails;
    if (i.serviceControlPolicyRestriction === 'APPLICABLE') i.serviceControlPolicyRestriction = 'APPLIED';
    if (i.resourceControlPolicyRestriction === 'APPLICABLE') i.resourceControlPolicyRestriction = 'APPLIED';
    return d;
  });
}

function markLastAnalyzed(analyzer: AnalyzerRecord, findings: readonly FindingRecord[]): void {
  if (analyzer.type !== 'ACCOUNT' && analyzer.type !== 'ORGANIZATION') return;
  const latest = findings.reduce<FindingRecord | undefined>((best, f) => (!best || f.analyzedAt > best.analyzedAt ? f : best), undefined);
  if (!latest) return;
  analyzer.lastResourceAnalyzed = latest.resource;
  analyzer.lastResourceAnalyzedAt = latest.analyzedAt;
}
