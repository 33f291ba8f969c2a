import { chipLabel, displayValue, isChipField, CHIP_FIELDS, type FilterChip } from './search-chips';

interface Props {
  chips: FilterChip[];
  /** Index of the chip the core could not read (the search's error says why). */
  invalid?: number;
  /** The error message's id, for the invalid chip's description. */
  errorId?: string;
  onNegate: (index: number) => void;
  onRemove: (index: number) => void;
  onClear: () => void;
}

/** The active chips: the operator toggles between "is" and "is not", × removes the chip. */
export function FilterChips({ chips, invalid, errorId, onNegate, onRemove, onClear }: Props) {
  if (chips.length === 0) return null;
  return (
    <div className="chips" data-testid="filter-chips">
      <ul className="chips__list" aria-label="Filters">
        {chips.map((chip, index) => {
          const label = chipLabel(chip);
          const special = chip.field === 'readonly' || chip.value === '*';
          const wrong = index === invalid;
          const className = ['chip', chip.op === 'is-not' ? 'chip--negated' : '', wrong ? 'chip--invalid' : ''].filter(Boolean).join(' ');
          return (
            <li key={`${chip.field}:${chip.value}`} className={className} data-chip-field={chip.field} data-chip-op={chip.op} data-invalid={wrong || undefined}>
              <button
                type="button"
                className="chip__main"
                onClick={() => onNegate(index)}
                title={`${label}. Click to ${chip.op === 'is' ? 'exclude instead' : 'include instead'}.`}
                aria-label={`${label}; activate to negate`}
                aria-invalid={wrong || undefined}
                aria-describedby={wrong ? errorId : undefined}
              >
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
