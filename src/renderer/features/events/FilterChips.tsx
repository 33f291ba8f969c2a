import { chipLabel, displayValue, isChipField, CHIP_FIELDS, type FilterChip } from './search-chips';

/** The active chips: the operator toggles between "is" and "is not", × removes the chip. */
export function FilterChips({ chips, onNegate, onRemove, onClear }: { chips: FilterChip[]; onNegate: (index: number) => void; onRemove: (index: number) => void; onClear: () => void }) {
  if (chips.length === 0) return null;
  return (
    <div className="chips" data-testid="filter-chips">
      <ul className="chips__list" aria-label="Filters">
        {chips.map((chip, index) => {
          const label = chipLabel(chip);
          const special = chip.field === 'readonly' || chip.value === '*';
          return (
            <li key={`${chip.field}:${chip.value}`} className={chip.op === 'is-not' ? 'chip chip--negated' : 'chip'} data-chip-field={chip.field} data-chip-op={chip.op}>
              <button type="button" className="chip__main" onClick={() => onNegate(index)} title={`${label}. Click to ${chip.op === 'is' ? 'exclude instead' : 'include instead'}.`} aria-label={`${label}; activate to negate`}>
                {special ? (
                  <span className="chip__value">{label}</span>
                ) : (
                  <>
                    <span className="chip__field">{isChipField(chip.field) ? CHIP_FIELDS[chip.field] : chip.field}</span>
                    <span className="chip__op">{chip.op === 'is' ? 'is' : 'is not'}</span>
                    <span className="chip__value">{displayValue(chip)}</span>
                  </>
                )}
              </button>
              <button type="button" className="chip__remove" onClick={() => onRemove(index)} aria-label={`Remove filter: ${label}`} title="Remove">
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="link-button chips__clear" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
