import type { FindingFilters } from '../../../shared/ipc/channels/findings';
import { findingTypeLabel, KIND_LABELS, resourceTypeLabel, statusLabel } from './finding-labels';

export type ListFilterKey = 'status' | 'findingType' | 'analyzerKind' | 'account' | 'region' | 'resourceType';

/** The inbox opens on what needs attention: active findings. */
export const DEFAULT_FILTERS: FindingFilters = { status: ['ACTIVE'] };

/** Adds or removes one value of a multi-value filter; an empty list means "no filter". */
export function toggleFilter(filters: FindingFilters, key: ListFilterKey, value: string): FindingFilters {
  const current = (filters[key] ?? []) as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const copy = { ...filters } as Record<string, unknown>;
  if (next.length === 0) delete copy[key];
  else copy[key] = next;
  return copy as FindingFilters;
}

export function setPublicFilter(filters: FindingFilters, value: boolean | undefined): FindingFilters {
  const copy = { ...filters };
  if (value === undefined) delete copy.isPublic;
  else copy.isPublic = value;
  return copy;
}

export function setTextFilter(filters: FindingFilters, text: string): FindingFilters {
  const copy = { ...filters };
  if (text.trim()) copy.text = text;
  else delete copy.text;
  return copy;
}

export interface FilterChip {
  id: string;
  label: string;
  remove(filters: FindingFilters): FindingFilters;
}

/** The filters in force, as removable chips above the table. */
export function activeChips(filters: FindingFilters): FilterChip[] {
  const chips: FilterChip[] = [];
  const describe: Record<ListFilterKey, (v: string) => string> = {
    status: (v) => `Status: ${statusLabel(v)}`,
    findingType: (v) => findingTypeLabel(v),
    analyzerKind: (v) => KIND_LABELS[v as keyof typeof KIND_LABELS] ?? v,
    account: (v) => `Account ${v}`,
    region: (v) => v,
    resourceType: (v) => resourceTypeLabel(v),
  };
  for (const key of Object.keys(describe) as ListFilterKey[]) {
    for (const value of (filters[key] ?? []) as string[]) {
      chips.push({ id: `${key}:${value}`, label: describe[key](value), remove: (f) => toggleFilter(f, key, value) });
    }
  }
  if (filters.isPublic !== undefined) chips.push({ id: 'isPublic', label: filters.isPublic ? 'Public only' : 'Not public', remove: (f) => setPublicFilter(f, undefined) });
  if (filters.text) chips.push({ id: 'text', label: `“${filters.text}”`, remove: (f) => setTextFilter(f, '') });
  return chips;
}

export function hasFilters(filters: FindingFilters): boolean {
  return activeChips(filters).length > 0;
}
