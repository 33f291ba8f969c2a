import type { AnalyzerKind } from '../../../shared/ipc/channels/findings';

/**
 * Access Analyzer's analyzer types grouped by what they watch. A type this version does not know
 * is read as external access, the family every older type belongs to, so its findings still show.
 */
export function analyzerKindOf(type: string): AnalyzerKind {
  if (type.endsWith('_UNUSED_ACCESS')) return 'unused';
  if (type.endsWith('_INTERNAL_ACCESS')) return 'internal';
  return 'external';
}

/** Organization analyzers live in the management (or delegated admin) account and cover every member. */
export function isOrganizationAnalyzer(type: string): boolean {
  return type.startsWith('ORGANIZATION');
}

/** `arn:aws:access-analyzer:<region>:<account>:analyzer/<name>` → its parts. */
export function parseAnalyzerArn(arn: string): { region: string; account: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:access-analyzer:([a-z0-9-]+):(\d{12}):analyzer\/(.+)$/.exec(arn);
  if (!match) return undefined;
  return { region: match[1]!, account: match[2]!, name: match[3]! };
}
