import type { FindingFilters, FindingSortKey } from '../../../shared/ipc/channels/findings';

/** Values bound to `$1…$n`; strings and booleans are all the filters need. */
export type SqlParams = (string | boolean | number)[];

export type FacetKey = 'status' | 'findingType' | 'analyzerKind' | 'account' | 'region' | 'resourceType' | 'isPublic';

/** The column each list filter and facet reads. */
export const FACET_COLUMNS: Record<FacetKey, string> = {
  status: 'f.status',
  findingType: 'f.finding_type',
  analyzerKind: 'f.analyzer_kind',
  account: 'f.resource_owner_account',
  region: 'f.region',
  resourceType: 'f.resource_type',
  isPublic: 'f.is_public',
};

const LIST_FILTERS = ['status', 'findingType', 'analyzerKind', 'account', 'region', 'resourceType'] as const;


/**
 * The WHERE clause for a set of filters. `except` leaves one dimension out: a facet's counts are
 * taken with every other filter applied, so picking "ACTIVE" still shows how many are ARCHIVED.
 */
export function whereClause(filters: FindingFilters, params: SqlParams, except?: FacetKey): string {
  const parts: string[] = [];
  const bind = (value: string | boolean) => {
    params.push(value);
    return `$${params.length}`;
  };
  for (const key of LIST_FILTERS) {
    const values = filters[key];
    if (key === except || !values || values.length === 0) continue;
    parts.push(`${FACET_COLUMNS[key]} IN (${values.map((v) => bind(v)).join(', ')})`);
  }
  if (filters.isPublic !== undefined && except !== 'isPublic') {
    parts.push(filters.isPublic ? 'f.is_public = true' : 'coalesce(f.is_public, false) = false');
  }
  // Every word must appear in one of the searched columns (see search_text in the schema).
  for (const word of (filters.text ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    parts.push(`contains(f.search_text, ${bind(word)})`);
  }
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

/**
 * "Severity-ish": public access first, then the rest of external access, internal access, unused
 * access; active before archived before resolved; the most recently changed first.
 */
const SEVERITY = [
  `CASE WHEN f.is_public THEN 0 WHEN f.analyzer_kind = 'external' THEN 1 WHEN f.analyzer_kind = 'internal' THEN 2 ELSE 3 END`,
  `CASE f.status WHEN 'ACTIVE' THEN 0 WHEN 'ARCHIVED' THEN 1 ELSE 2 END`,
];

const SORT_COLUMNS: Record<Exclude<FindingSortKey, 'severity'>, string> = {
  updated: 'f.updated_at',
  created: 'f.created_at',
  resource: 'f.resource',
  account: 'f.resource_owner_account',
  region: 'f.region',
  type: 'f.finding_type',
  status: 'f.status',
};

/** ORDER BY with a unique tail (analyzer, id), so offset paging never skips or repeats a row. */
export function orderClause(by: FindingSortKey, dir: 'asc' | 'desc'): string {
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  const keys = by === 'severity' ? [...SEVERITY.map((k) => `${k} ${d}`), `f.updated_at ${dir === 'asc' ? 'DESC' : 'ASC'} NULLS LAST`] : [`${SORT_COLUMNS[by]} ${d} NULLS LAST`];
  return `ORDER BY ${[...keys, 'f.analyzer_arn ASC', 'f.finding_id ASC'].join(', ')}`;
}

/** Cursors are offsets, opaque to the renderer; anything else starts from the top. */
export function offsetFromCursor(cursor: string | undefined): number {
  if (!cursor || !/^\d{1,9}$/.test(cursor)) return 0;
  return Number(cursor);
}
