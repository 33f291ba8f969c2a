import type { AnalyzerKind, CoverageStatus, FindingRow } from '../../../shared/ipc/channels/findings';
import type { Tone } from '../../ui/Badge';

/** Words for Access Analyzer's identifiers: an auditor reads "Unused role", not "UnusedIAMRole". */
const FINDING_TYPES: Record<string, string> = {
  ExternalAccess: 'External access',
  InternalAccess: 'Internal access',
  UnusedIAMRole: 'Unused role',
  UnusedIAMUserAccessKey: 'Unused access key',
  UnusedIAMUserPassword: 'Unused password',
  UnusedPermission: 'Unused permissions',
};

export function findingTypeLabel(type: string): string {
  return FINDING_TYPES[type] ?? type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

export const KIND_LABELS: Record<AnalyzerKind, string> = { external: 'External access', internal: 'Internal access', unused: 'Unused access' };

/** The severity badge: public access outranks everything, then the analyzer family. */
export function severityOf(row: Pick<FindingRow, 'isPublic' | 'analyzerKind'>): { label: string; tone: Tone; rank: number } {
  if (row.isPublic) return { label: 'Public', tone: 'red', rank: 0 };
  if (row.analyzerKind === 'external') return { label: 'External', tone: 'amber', rank: 1 };
  if (row.analyzerKind === 'internal') return { label: 'Internal', tone: 'violet', rank: 2 };
  return { label: 'Unused', tone: 'slate', rank: 3 };
}

export const STATUS_TONES: Record<string, Tone> = { ACTIVE: 'blue', ARCHIVED: 'neutral', RESOLVED: 'green' };

export function statusLabel(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

/** `AWS::S3::Bucket` → `S3 bucket`. */
export function resourceTypeLabel(type: string): string {
  const parts = type.split('::');
  if (parts.length !== 3) return type;
  const [, service, kind] = parts as [string, string, string];
  return `${service} ${kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

/** The part of an ARN a person recognises: `bucket-name`, `role/deployer`, `key/1234…`. */
export function shortResource(resource: string): string {
  const arn = /^arn:[^:]+:([^:]*):[^:]*:[^:]*:(.+)$/.exec(resource);
  if (!arn) return resource;
  return arn[2]!;
}

export const COVERAGE_LABELS: Record<CoverageStatus, { label: string; tone: Tone }> = {
  present: { label: 'Analyzer', tone: 'green' },
  'org-only': { label: 'Org analyzer only', tone: 'amber' },
  missing: { label: 'No analyzer', tone: 'red' },
  inactive: { label: 'Not active', tone: 'amber' },
  denied: { label: 'Access denied', tone: 'red' },
  error: { label: 'Failed', tone: 'red' },
};

export const NOTE_LABELS = { 'accepted-risk': 'Accepted risk', 'needs-follow-up': 'Needs follow-up', comment: 'Comment' } as const;

export function triageLabel(triage: NonNullable<FindingRow['triage']>): string {
  if (triage.action === 'note') return NOTE_LABELS[triage.label ?? 'comment'];
  return triage.action === 'archive' ? 'Archived here' : 'Unarchived here';
}
