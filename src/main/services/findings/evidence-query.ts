import { analyzerKindOf } from './analyzer-kind';

/**
 * The Events view query that shows the CloudTrail records behind a finding, in that view's
 * search syntax (docs: src/main/services/search/parse-query.ts):
 * - access to a resource (external, internal): every recorded call on the resource, in its account;
 * - unused access: what the role or user did lately, to confirm "unused" before removing it.
 *   90 days is the longest unused-access tracking period and what CloudTrail's event history keeps.
 * Events name principals `role/<name>/<session>` and `user/<name>`, so roles match with a wildcard.
 */
export function evidenceQuery(finding: { analyzerType: string; resource: string; resourceOwnerAccount: string }): { query: string; description: string } {
  const account = `account:${finding.resourceOwnerAccount}`;
  if (analyzerKindOf(finding.analyzerType) === 'unused') {
    const entity = iamEntity(finding.resource);
    if (entity?.type === 'role') {
      const name = `role/${escapeValue(entity.name)}`;
      return { query: `principal:${name},${name}/* ${account} since:90d`, description: `What role ${entity.name} did in the last 90 days` };
    }
    if (entity?.type === 'user') {
      return { query: `principal:user/${escapeValue(entity.name)} ${account} since:90d`, description: `What user ${entity.name} did in the last 90 days` };
    }
    return { query: `principal:${quote(finding.resource)} ${account} since:90d`, description: `What ${finding.resource} did in the last 90 days` };
  }
  return { query: `resource:${quote(finding.resource)} ${account}`, description: `Every recorded call on ${finding.resource}` };
}

/** `arn:aws:iam::123456789012:role/path/name` → role `name` (events carry the name without the path). */
function iamEntity(arn: string): { type: 'role' | 'user'; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match ? { type: match[1] as 'role' | 'user', name: match[2]! } : undefined;
}

/** Backslash-escapes what the query language reads as syntax inside a value. */
function escapeValue(value: string): string {
  return value.replace(/[\\"*?,()\s]/g, (c) => `\\${c}`);
}

function quote(value: string): string {
  return `"${value.replace(/[\\"*?]/g, (c) => `\\${c}`)}"`;
}
