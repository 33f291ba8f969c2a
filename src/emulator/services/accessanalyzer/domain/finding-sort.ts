import { fieldValidationError } from '../api/aa-errors';
import type { FindingRecord, SortCriteria } from './model-types';

/**
 * Sorting for ListFindings / ListFindingsV2. Without a sort, findings come oldest first by
 * createdAt, the order of the real list-findings examples. The id breaks ties so that pages
 * never overlap or skip a finding.
 */

const SORTABLE = {
  createdAt: (f: FindingRecord) => f.createdAt.getTime(),
  updatedAt: (f: FindingRecord) => f.updatedAt.getTime(),
  analyzedAt: (f: FindingRecord) => f.analyzedAt.getTime(),
  resource: (f: FindingRecord) => f.resource,
  resourceType: (f: FindingRecord) => f.resourceType,
  resourceOwnerAccount: (f: FindingRecord) => f.resourceOwnerAccount,
  status: (f: FindingRecord) => f.status,
  findingType: (f: FindingRecord) => f.findingType,
  id: (f: FindingRecord) => f.id,
} satisfies Record<string, (f: FindingRecord) => string | number>;

export const SORTABLE_ATTRIBUTES: readonly string[] = Object.keys(SORTABLE);

function isSortable(name: string): name is keyof typeof SORTABLE {
  return Object.hasOwn(SORTABLE, name);
}

export function sortFindings(findings: readonly FindingRecord[], sort: SortCriteria | undefined): FindingRecord[] {
  const attribute = sort?.attributeName ?? 'createdAt';
  if (!isSortable(attribute)) {
    throw fieldValidationError([
      {
        name: 'sort.attributeName',
        message: `Value '${attribute}' at 'sort.attributeName' failed to satisfy constraint: Member must be one of [${SORTABLE_ATTRIBUTES.join(', ')}]`,
      },
    ]);
  }
  const key = SORTABLE[attribute];
  const direction = sort?.orderBy === 'DESC' ? -1 : 1;
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * direction;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
