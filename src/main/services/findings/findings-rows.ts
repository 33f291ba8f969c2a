import type { Annotation, CoverageEntry, FindingRow } from '../../../shared/ipc/channels/findings';
import { Annotation as AnnotationSchema, CoverageEntry as CoverageSchema, FindingRow as FindingRowSchema } from '../../../shared/ipc/channels/findings';
import type { Row } from '../../store/duckdb-database';

/**
 * SQL rows → contract shapes. Parsed with the contract's own schemas: a column that drifted from
 * the contract fails here, next to the query, rather than at the IPC boundary.
 */
const text = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));
const defined = <T extends Record<string, unknown>>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;

export function rowToFinding(r: Row): FindingRow {
  return FindingRowSchema.parse(
    defined({
      id: text(r.finding_id),
      analyzerArn: text(r.analyzer_arn),
      analyzerType: text(r.analyzer_type),
      analyzerKind: text(r.analyzer_kind),
      account: text(r.account),
      resourceOwnerAccount: text(r.resource_owner_account),
      region: text(r.region),
      findingType: text(r.finding_type),
      resourceType: text(r.resource_type),
      resource: text(r.resource),
      status: text(r.status),
      isPublic: typeof r.is_public === 'boolean' ? r.is_public : undefined,
      principal: text(r.principal_summary),
      access: text(r.action_summary),
      createdAt: text(r.created_at) ?? '',
      updatedAt: text(r.updated_at) ?? '',
      analyzedAt: text(r.analyzed_at) ?? '',
      profile: text(r.profile),
      retrievedAt: text(r.retrieved_at),
      error: text(r.error),
      triage: r.t_action ? defined({ action: text(r.t_action), label: text(r.t_label), at: text(r.t_at), who: text(r.t_who) }) : undefined,
    }),
  );
}

export function rowToCoverage(r: Row): CoverageEntry {
  return CoverageSchema.parse(
    defined({
      account: text(r.account),
      region: text(r.region),
      kind: text(r.kind),
      status: text(r.status),
      analyzers: JSON.parse(String(r.analyzers_json)) as unknown,
      organizationAnalyzers: JSON.parse(String(r.org_analyzers_json)) as unknown,
      profile: text(r.profile),
      message: text(r.message),
      checkedAt: text(r.checked_at),
    }),
  );
}

export function rowToAnnotation(r: Row): Annotation {
  return AnnotationSchema.parse(
    defined({
      annotationId: text(r.annotation_id),
      findingId: text(r.finding_id),
      analyzerArn: text(r.analyzer_arn),
      resource: text(r.resource),
      action: text(r.action),
      label: text(r.label),
      justification: text(r.justification),
      who: text(r.who),
      whoSource: text(r.who_source),
      at: text(r.recorded_at),
      profile: text(r.profile),
      previousStatus: text(r.previous_status),
      newStatus: text(r.new_status),
    }),
  );
}
