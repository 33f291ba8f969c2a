import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SavedSearch } from '../../../shared/ipc/channels/events';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { useInvoke } from '../../api/use-invoke';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePopover } from '../../ui/use-popover';
import { savedSearchInput, savedSearchToState, type SearchBarState } from './saved-search-query';
import { chipLabel } from './search-chips';
import { timeRange } from './time-range';

/**
 * Saved searches: the current search under a name (its query text, its chips and its range, each
 * kept as such); a list to apply or delete them. Applying hands the saved search back to the view.
 */
export function SavedSearches({ current, onApply }: { current: SearchBarState; onApply: (saved: SavedSearch) => void }) {
  const api = useApi();
  const popover = usePopover();
  const panelId = useId();
  const list = useInvoke('searches:list', {});
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DisplayError>();
  const [savedName, setSavedName] = useState<string>();

  useEffect(() => {
    if (popover.open) popover.panelRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [popover.open, popover.panelRef]);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      list.reload();
    } catch (failure) {
      setError(toDisplayError(failure));
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    // Saving under an existing name replaces that search rather than listing the name twice.
    const existing = list.data?.find((s) => s.name.toLowerCase() === trimmed.toLowerCase());
    void run(async () => {
      await api.invoke('searches:save', { ...(existing ? { id: existing.id } : {}), name: trimmed, ...savedSearchInput(current) });
      setSavedName(trimmed);
      setName('');
    });
  }

  const count = list.data?.length;
  return (
    <div className="saved-searches">
      <button ref={popover.buttonRef} type="button" className="button button--secondary" aria-expanded={popover.open} aria-controls={panelId} onClick={popover.toggle} data-testid="saved-searches-button">
        Saved searches{count ? ` (${count})` : ''}
      </button>
      {popover.open ? (
        <div ref={popover.panelRef} id={panelId} className="popover popover--right saved-searches__panel" role="dialog" aria-label="Saved searches" data-testid="saved-searches">
          <form className="saved-searches__form" onSubmit={save}>
            <label className="saved-searches__label" htmlFor={`${panelId}-name`}>
              Save the current search as
            </label>
            <div className="saved-searches__row">
              <input id={`${panelId}-name`} className="text-input" value={name} maxLength={200} placeholder="Name, e.g. Root activity" onChange={(event) => setName(event.target.value)} />
              <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
                Save
              </button>
            </div>
            <div className="saved-searches__query" title="What will be saved">
              <SearchSummary state={current} />
            </div>
            {savedName ? (
              <p className="saved-searches__saved" role="status">
                Saved “{savedName}”.
              </p>
            ) : null}
          </form>
          {error ? <ErrorNotice compact title="Could not change the saved searches" error={error} /> : null}
          {list.status === 'error' ? <ErrorNotice compact title="Could not list the saved searches" error={list.error} onRetry={list.reload} /> : null}
          {list.data && list.data.length === 0 ? <p className="popover__empty">No saved searches yet.</p> : null}
          {list.data && list.data.length > 0 ? (
            <ul className="saved-searches__list" aria-label="Saved searches">
              {list.data.map((saved) => (
                <li key={saved.id} className="saved-search" data-saved-search={saved.name}>
                  <div className="saved-search__text">
                    <span className="saved-search__name">{saved.name}</span>
                    <SearchSummary state={savedSearchToState(saved)} />
                  </div>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      onApply(saved);
                      popover.close(false);
                    }}
                  >
                    Apply
                  </button>
                  <button type="button" className="button button--small button--danger-quiet" aria-label={`Delete ${saved.name}`} disabled={busy} onClick={() => void run(() => api.invoke('searches:delete', { id: saved.id }))}>
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** A search in a line: the query text as code, then its chips and range as small chips. */
function SearchSummary({ state }: { state: SearchBarState }) {
  const range = state.range === 'all' ? undefined : timeRange(state.range).long.replace(/^the l/, 'L');
  const empty = !state.query && state.chips.length === 0 && !range;
  return (
    <span className="search-summary">
      {state.query || empty ? <code className="search-summary__query">{state.query || '(everything)'}</code> : null}
      {state.chips.map((chip) => (
        <span key={`${chip.field}:${chip.op}:${chip.value}`} className={chip.op === 'is-not' ? 'search-summary__chip search-summary__chip--negated' : 'search-summary__chip'} data-saved-chip-field={chip.field} data-saved-chip-op={chip.op}>
          {chipLabel(chip)}
        </span>
      ))}
      {range ? <span className="search-summary__range">{range}</span> : null}
    </span>
  );
}
