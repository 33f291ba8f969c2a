import { readResourceCandidates } from './record-fields';

/**
 * The resources a call touched: resources[] ARNs plus the well-known names in requestParameters
 * (bucketName, roleName, instanceId…). A value that is itself an object or a list (some services
 * nest ids) is not a name and is left out. Sorted and distinct, so both normalisers agree.
 */
export function extractResources(record: unknown): string[] {
  const kept = new Set<string>();
  for (const candidate of readResourceCandidates(record)) if (isResourceName(candidate)) kept.add(candidate);
  return [...kept].sort(compareBytes);
}

export function isResourceName(value: string | null): value is string {
  return value !== null && value !== '' && value[0] !== '{' && value[0] !== '[';
}

/** Byte order, the order DuckDB's list_sort gives VARCHARs (UTF-8 order equals code point order). */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
