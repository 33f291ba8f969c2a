import { fieldValidationError, type FieldError } from '../api/aa-errors';
import {
  FINDING_STATUSES,
  FINDING_TYPES,
  RESOURCE_TYPES,
  type Criterion,
  type ExternalAccessDetails,
  type FilterCriteria,
  type FindingRecord,
  type InternalAccessDetails,
} from './model-types';

/**
 * The finding filter of ListFindings, ListFindingsV2 and archive rules. Keys are the ones the IAM
 * User Guide lists under "IAM Access Analyzer filter keys"; the internal-access keys mirror the
 * members of the model's InternalAccessDetails.
 */

const SCALAR_KEYS = new Set([
  'resource',
  'resourceType',
  'resourceOwnerAccount',
  'isPublic',
  'findingType',
  'resourceControlPolicyRestriction',
  'status',
  'error',
  'principalType',
  'principalOwnerAccount',
  'accessType',
  'serviceControlPolicyRestriction',
]);
const PREFIX_KEYS = ['principal.', 'condition.'];

/** Values the model constrains with an enum: a filter naming any other value is a typo, not a query. */
const ENUM_VALUES: Record<string, readonly string[]> = {
  status: FINDING_STATUSES,
  findingType: FINDING_TYPES,
  resourceType: RESOURCE_TYPES,
  isPublic: ['true', 'false'],
};

export type FilterUse = 'list' | 'archiveRule';

/** Refuses unknown keys, empty criteria and enum typos; archive rules may not filter on status. */
export function validateFilter(filter: FilterCriteria, use: FilterUse, memberName = 'filter'): void {
  const errors: FieldError[] = [];
  for (const [key, criterion] of Object.entries(filter)) {
    const at = `${memberName}.${key}`;
    if (!isKnownKey(key)) {
      errors.push({ name: at, message: `Value '${key}' at '${memberName}' failed to satisfy constraint: Unsupported filter key` });
      continue;
    }
    if (use === 'archiveRule' && key === 'status') {
      errors.push({ name: at, message: `Value 'status' at '${memberName}' failed to satisfy constraint: Archive rules cannot filter on status` });
      continue;
    }
    if (!criterion.eq && !criterion.neq && !criterion.contains && criterion.exists === undefined) {
      errors.push({ name: at, message: `Value at '${at}' failed to satisfy constraint: Criterion must specify eq, neq, contains or exists` });
      continue;
    }
    const allowed = ENUM_VALUES[key];
    if (!allowed) continue;
    for (const op of ['eq', 'neq'] as const) {
      const bad = criterion[op]?.find((v) => !allowed.includes(key === 'isPublic' ? v.toLowerCase() : v));
      if (bad !== undefined) {
        errors.push({
          name: `${at}.${op}`,
          message: `Value '${bad}' at '${at}.${op}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
        });
      }
    }
  }
  if (errors.length > 0) throw fieldValidationError(errors);
}

function isKnownKey(key: string): boolean {
  return SCALAR_KEYS.has(key) || PREFIX_KEYS.some((p) => key.startsWith(p) && key.length > p.length);
}

/** Every key must match (AND); within eq and contains any value may match (OR); neq excludes all. */
export function matchesFilter(finding: FindingRecord, filter: FilterCriteria): boolean {
  return Object.entries(filter).every(([key, criterion]) => matchesCriterion(findingField(finding, key), criterion, key));
}

function matchesCriterion(value: string | undefined, c: Criterion, key: string): boolean {
  const norm = (v: string): string => (key === 'isPublic' ? v.toLowerCase() : v);
  if (c.exists !== undefined && c.exists !== (value !== undefined)) return false;
  if (c.eq && (value === undefined || !c.eq.map(norm).includes(value))) return false;
  if (c.neq && value !== undefined && c.neq.map(norm).includes(value)) return false;
  if (c.contains && (value === undefined || !c.contains.some((s) => value.includes(s)))) return false;
  return true;
}

/** The value a filter key reads from a finding, as a string; undefined when the finding lacks it. */
export function findingField(finding: FindingRecord, key: string): string | undefined {
  switch (key) {
    case 'resource':
      return finding.resource;
    case 'resourceType':
      return finding.resourceType;
    case 'resourceOwnerAccount':
      return finding.resourceOwnerAccount;
    case 'findingType':
      return finding.findingType;
    case 'status':
      return finding.status;
    case 'error':
      return finding.error;
  }
  const first = finding.findingDetails[0];
  if (first && 'externalAccessDetails' in first) return externalField(first.externalAccessDetails, key);
  if (first && 'internalAccessDetails' in first) return internalField(first.internalAccessDetails, key);
  return undefined;
}

function externalField(d: ExternalAccessDetails, key: string): string | undefined {
  if (key.startsWith('principal.')) return d.principal?.[key.slice('principal.'.length)];
  if (key.startsWith('condition.')) return d.condition[key.slice('condition.'.length)];
  if (key === 'isPublic') return d.isPublic === undefined ? undefined : String(d.isPublic);
  if (key === 'resourceControlPolicyRestriction') return d.resourceControlPolicyRestriction;
  return undefined;
}

function internalField(d: InternalAccessDetails, key: string): string | undefined {
  if (key.startsWith('principal.')) return d.principal?.[key.slice('principal.'.length)];
  if (key.startsWith('condition.')) return d.condition?.[key.slice('condition.'.length)];
  switch (key) {
    case 'principalType':
      return d.principalType;
    case 'principalOwnerAccount':
      return d.principalOwnerAccount;
    case 'accessType':
      return d.accessType;
    case 'resourceControlPolicyRestriction':
      return d.resourceControlPolicyRestriction;
    case 'serviceControlPolicyRestriction':
      return d.serviceControlPolicyRestriction;
  }
  return undefined;
}
