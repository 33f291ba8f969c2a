import type { MouseEvent } from 'react';
import type { FacetCount, SearchFacets } from '../../../shared/ipc/channels/events';
import { shortSource } from './event-format';
import { literalChip, type ChipField, type FilterChip } from './search-chips';

const SECTIONS: readonly { key: keyof SearchFacets; title: string; field: ChipField; mono?: boolean; show?: (value: string) => string }[] = [
  { key: 'accounts', title: 'Accounts', field: 'account', mono: true },
  { key: 'regions', title: 'Regions', field: 'region' },
  { key: 'eventSources', title: 'Sources', field: 'source', show: shortSource },
  { key: 'eventNames', title: 'Event names', field: 'eventname' },
  { key: 'principals', title: 'Principals', field: 'principal' },
  { key: 'errorCodes', title: 'Error codes', field: 'error' },
];

/**
 * The top values of the current matches. A click narrows to a value, Alt+click (or the "not"
 * button, for keyboards) leaves it out: an auditor's "everything except the CI role".
 */
export function FacetSidebar({ facets, exact, total, onAddChip }: { facets: SearchFacets | undefined; exact: boolean; total: number; onAddChip: (chip: FilterChip) => void }) {
  return (
    <aside className="facets" aria-label="Top values" data-testid="facets">
      <p className="facets__hint">Click to filter · Alt+click to exclude</p>
      {/* Free text with many matches: the counts are of the newest matches, not of all of them. */}
      {exact ? null : (
        <p className="facets__hint" data-testid="facets-sampled">
          Counted over the newest {total.toLocaleString('en-US')} matches
        </p>
      )}
      {SECTIONS.map((section) => (
        <FacetSection key={section.key} title={section.title} values={facets?.[section.key] ?? []} mono={section.mono} show={section.show} onPick={(value, negate) => onAddChip(literalChip(section.field, value, negate))} field={section.field} />
      ))}
      <section className="facet" aria-labelledby="facet-kind">
        <h2 id="facet-kind" className="facet__title">
          Kind of call
        </h2>
        <ul className="facet__list">
          <QuickFilter label="Read-only calls" chip={{ field: 'readonly', op: 'is', value: 'true' }} onAddChip={onAddChip} />
          <QuickFilter label="Writes" chip={{ field: 'readonly', op: 'is', value: 'false' }} onAddChip={onAddChip} />
          <QuickFilter label="Any error" chip={{ field: 'error', op: 'is', value: '*' }} onAddChip={onAddChip} />
        </ul>
      </section>
    </aside>
  );
}

function FacetSection({ title, values, mono, show, field, onPick }: { title: string; values: FacetCount[]; mono?: boolean; show?: (value: string) => string; field: ChipField; onPick: (value: string, negate: boolean) => void }) {
  const id = `facet-${field}`;
  const max = Math.max(1, ...values.map((v) => v.count));
  return (
    <section className="facet" aria-labelledby={id} data-facet={field}>
      <h2 id={id} className="facet__title">
        {title}
      </h2>
      {values.length === 0 ? (
        <p className="facet__empty">None</p>
      ) : (
        <ul className="facet__list">
          {values.map((v) => (
            <li key={v.value} className="facet__item">
              <button
                type="button"
                className="facet__value"
                title={`${v.value}: ${v.count.toLocaleString('en-US')} events. Click to filter, Alt+click to exclude.`}
                onClick={(event: MouseEvent) => onPick(v.value, event.altKey)}
                data-facet-value={v.value}
              >
                <span className="facet__bar" style={{ width: `${(v.count / max) * 100}%` }} aria-hidden="true" />
                <span className={mono ? 'facet__label mono' : 'facet__label'}>{show ? show(v.value) : v.value}</span>
                <span className="facet__count">{v.count.toLocaleString('en-US')}</span>
              </button>
              <button type="button" className="facet__exclude" aria-label={`Exclude ${v.value}`} title={`Exclude ${v.value}`} onClick={() => onPick(v.value, true)}>
                not
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function QuickFilter({ label, chip, onAddChip }: { label: string; chip: FilterChip; onAddChip: (chip: FilterChip) => void }) {
  return (
    <li className="facet__item">
      <button type="button" className="facet__value" onClick={(event) => onAddChip(event.altKey ? { ...chip, op: 'is-not' } : chip)}>
        <span className="facet__label">{label}</span>
      </button>
    </li>
  );
}
