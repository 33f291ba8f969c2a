import type { AnalyzerRecord, ArchiveRuleRecord, FindingRecord } from './model-types';

/**
 * Records -> the model's output shapes. Internal members (synthetic, origin, attachedPolicies,
 * accountId…) never leave through here; Dates are turned into iso8601 by the wire layer.
 */

/** AnalyzerSummary; ListAnalyzers leaves out `configuration`, GetAnalyzer includes it (model docs). */
export function analyzerView(a: AnalyzerRecord, withConfiguration: boolean): object {
  return {
    arn: a.arn,
    name: a.name,
    type: a.type,
    createdAt: a.createdAt,
    lastResourceAnalyzed: a.lastResourceAnalyzed,
    lastResourceAnalyzedAt: a.lastResourceAnalyzedAt,
    tags: a.tags,
    status: a.status,
    statusReason: a.statusReason,
    configuration: withConfiguration ? a.configuration : undefined,
  };
}

/** FindingSummaryV2. */
export function findingSummaryV2(f: FindingRecord): object {
  return {
    analyzedAt: f.analyzedAt,
    createdAt: f.createdAt,
    error: f.error,
    id: f.id,
    resource: f.resource,
    resourceType: f.resourceType,
    resourceOwnerAccount: f.resourceOwnerAccount,
    status: f.status,
    updatedAt: f.updatedAt,
    findingType: f.findingType,
  };
}

/** Finding / FindingSummary (v1): external access only, its details flattened into the finding. */
export function findingV1(f: FindingRecord): object {
  const first = f.findingDetails[0];
  const d = first && 'externalAccessDetails' in first ? first.externalAccessDetails : { condition: {} };
  return {
    id: f.id,
    principal: d.principal,
    action: d.action,
    resource: f.resource,
    isPublic: d.isPublic,
    resourceType: f.resourceType,
    condition: d.condition,
    createdAt: f.createdAt,
    analyzedAt: f.analyzedAt,
    updatedAt: f.updatedAt,
    status: f.status,
    resourceOwnerAccount: f.resourceOwnerAccount,
    error: f.error,
    sources: d.sources,
    resourceControlPolicyRestriction: d.resourceControlPolicyRestriction,
  };
}

export function archiveRuleView(r: ArchiveRuleRecord): object {
  return { ruleName: r.ruleName, filter: r.filter, createdAt: r.createdAt, updatedAt: r.updatedAt };
}
