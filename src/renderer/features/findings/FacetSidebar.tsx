import { useId, type ReactNode } from 'react';
import type { FacetCount, FindingFacets, FindingFilters } from '../../../shared/ipc/channels/findings';
import { setPublicFilter, toggleFilter, type ListFilterKey } from './finding-filters';
import { findingTypeLabel, KIND_LABELS, resourceTypeLabel, statusLabel } from './finding-labels';

interface Props {
  facets: FindingFacets | undefined;
  filters: FindingFilters;
  onChange(filters: FindingFilters): void;
}

const SECTIONS: { key: ListFilterKey; title: string; label: (value: string) => string; limit?: number }[] = [
  { key: 'status', title: 'Status', label: statusLabel },
  { key: 'analyzerKind', title: 'Analyzer', label: (v) => KIND_LABELS[v as keyof typeof KIND_LABELS] ?? v },
  { key: 'findingType', title: 'Finding type', label: findingTypeLabel },
  { key: 'account', title: 'Account', label: (v) => v, limit: 12 },
  { key: 'region', title: 'Region', label: (v) => v },
  { key: 'resourceType', title: 'Resource type', label: resourceTypeLabel, limit: 12 },
];

/**
 * Filters with counts: each value says how many findings it would show given the other filters,
 * so "0" is visible before it is clicked. Checked values stay listed even at zero.
 */
export function FacetSidebar({ facets, filters, onChange }: Props) {
  const publicCount = facets?.isPublic.find((f) => f.value === 'true')?.count ?? 0;
  return (
    <nav className="findings-facets" aria-label="Filters" data-testid="findings-facets">
      <FacetGroup title="Exposure">
        <FacetOption label="Public access only" count={publicCount} checked={filters.isPublic === true} onToggle={() => onChange(setPublicFilter(filters, filters.isPublic === true ? undefined : true))} tone="danger" />
      </FacetGroup>
      {SECTIONS.map((section) => (
        <FacetSection key={section.key} section={section} counts={facets?.[section.key] ?? []} filters={filters} onChange={onChange} />
      ))}
    </nav>
  );
}

function FacetSection({ section, counts, filters, onChange }: { section: (typeof SECTIONS)[number]; counts: FacetCount[]; filters: FindingFilters; onChange(f: FindingFilters): void }) {
  const checked = (filters[section.key] ?? []) as string[];
  const listed = [...counts];
  for (const value of checked) if (!listed.some((c) => c.value === value)) listed.push({ value, count: 0 });
  if (listed.length === 0) return null;
  const shown = section.limit ? listed.slice(0, Math.max(section.limit, checked.length)) : listed;
  return (
    <FacetGroup title={section.title}>
      {shown.map((c) => (
        <FacetOption key={c.value} label={section.label(c.value)} title={c.value} count={c.count} checked={checked.includes(c.value)} onToggle={() => onChange(toggleFilter(filters, section.key, c.value))} />
      ))}
      {shown.length < listed.length ? <p className="findings-facets__more">+{listed.length - shown.length} more: use the search box</p> : null}
    </FacetGroup>
  );
}

function FacetGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="findings-facets__group" aria-labelledby={id}>
      <h2 id={id} className="findings-facets__title">
        {title}
      </h2>
      <ul className="findings-facets__list">{children}</ul>
    </section>
  );
}

function FacetOption({ label, title, count, checked, onToggle, tone }: { label: string; title?: string; count: number; checked: boolean; onToggle(): void; tone?: 'danger' }) {
  return (
    <li>
      <label className={`facet-option${checked ? ' is-checked' : ''}${tone ? ` facet-option--${tone}` : ''}`} title={title}>
        <input type="checkbox" checked={checked} onChange={onToggle} />
        <span className="facet-option__label">{label}</span>
        <span className="facet-option__count">{count.toLocaleString()}</span>
      </label>
    </li>
  );
}
