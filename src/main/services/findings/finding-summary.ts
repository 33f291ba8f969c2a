import type { FindingDetail } from '../../../shared/ipc/channels/findings';

/** The one-line columns of the inbox, computed once at sync time so listing stays a plain query. */
export interface FindingSummaryColumns {
  principal: string;
  access: string;
  isPublic: boolean | undefined;
}

const MAX_ACTIONS = 3;

export function summarizeFinding(finding: { findingType: string; resource: string }, details: readonly FindingDetail[]): FindingSummaryColumns {
  const external = details.filter((d) => d.kind === 'external' || d.kind === 'internal');
  if (external.length > 0) {
    const principals = unique(external.flatMap((d) => Object.entries(d.principal).map(([k, v]) => `${k}: ${v}`)));
    const actions = unique(external.flatMap((d) => d.actions));
    const publicFlags = details.flatMap((d) => (d.kind === 'external' && d.isPublic !== undefined ? [d.isPublic] : []));
    return {
      principal: principals.join('; ') || 'unknown principal',
      access: listSome(actions) || 'no actions reported',
      isPublic: publicFlags.length > 0 ? publicFlags.some(Boolean) : undefined,
    };
  }
  return { principal: iamEntityName(finding.resource), access: unusedAccess(finding.findingType, details), isPublic: undefined };
}

function unusedAccess(findingType: string, details: readonly FindingDetail[]): string {
  const services = details.flatMap((d) => (d.kind === 'unused-permission' ? [d.serviceNamespace] : []));
  if (services.length > 0) return `${services.length === 1 ? '1 service' : `${services.length} services`} unused: ${listSome(services)}`;
  for (const d of details) {
    if (d.kind === 'unused-role') return `Role ${lastUsed(d.lastAccessed)}`;
    if (d.kind === 'unused-access-key') return `Access key ${d.accessKeyId} ${lastUsed(d.lastAccessed)}`;
    if (d.kind === 'unused-password') return `Console password ${lastUsed(d.lastAccessed)}`;
  }
  return findingType;
}

function lastUsed(at: string | undefined): string {
  return at ? `last used ${at.slice(0, 10)}` : 'never used';
}

/** `arn:aws:iam::123456789012:role/path/name` → `role/path/name`: the short name the inbox shows. */
export function iamEntityName(resource: string): string {
  const match = /^arn:aws[a-z-]*:iam::\d{12}:(.+)$/.exec(resource);
  return match ? match[1]! : resource;
}

function listSome(values: readonly string[]): string {
  const shown = values.slice(0, MAX_ACTIONS).join(', ');
  return values.length > MAX_ACTIONS ? `${shown} +${values.length - MAX_ACTIONS} more` : shown;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
