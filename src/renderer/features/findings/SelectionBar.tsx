import type { FindingFilters, FindingRow, TriageAction } from '../../../shared/ipc/channels/findings';
import { activeChips } from './finding-filters';
import { plural } from './finding-format';

/** Above the table: the filters in force as removable chips, or, with a selection, the bulk actions. */
export function SelectionBar({
  selected,
  filters,
  onFilters,
  onTriage,
  onClearSelection,
}: {
  selected: FindingRow[];
  filters: FindingFilters;
  onFilters(filters: FindingFilters): void;
  onTriage(rows: FindingRow[], action: TriageAction): void;
  onClearSelection(): void;
}) {
  if (selected.length > 0) {
    const archivable = selected.filter((r) => r.status === 'ACTIVE');
    const unarchivable = selected.filter((r) => r.status === 'ARCHIVED');
    return (
      <div className="findings-bar findings-bar--selection" role="toolbar" aria-label="Selected findings" data-testid="selection-bar">
        <strong>{plural(selected.length, 'finding')} selected</strong>
        <button type="button" className="button button--primary button--compact" disabled={archivable.length === 0} onClick={() => onTriage(archivable, 'archive')}>
          Archive {archivable.length > 0 && archivable.length !== selected.length ? archivable.length : ''}…
        </button>
        <button type="button" className="button button--secondary button--compact" disabled={unarchivable.length === 0} onClick={() => onTriage(unarchivable, 'unarchive')}>
          Unarchive{unarchivable.length > 0 && unarchivable.length !== selected.length ? ` ${unarchivable.length}` : ''}…
        </button>
        <button type="button" className="button button--secondary button--compact" onClick={() => onTriage(selected, 'note')}>
          Add a note…
        </button>
        <button type="button" className="link-button" onClick={onClearSelection}>
          Clear selection
        </button>
      </div>
    );
  }
  const chips = activeChips(filters);
  return (
    <div className="findings-bar" aria-label="Filters in force" data-testid="filter-chips">
      {chips.length === 0 ? <span className="muted">All findings in the index</span> : null}
      {chips.map((chip) => (
        <button key={chip.id} type="button" className="filter-chip" onClick={() => onFilters(chip.remove(filters))} aria-label={`Remove filter ${chip.label}`}>
          {chip.label} <span aria-hidden="true">×</span>
        </button>
      ))}
      {chips.length > 1 ? (
        <button type="button" className="link-button" onClick={() => onFilters({})}>
          Clear all
        </button>
      ) : null}
    </div>
  );
}
