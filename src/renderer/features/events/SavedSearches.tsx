import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SavedSearch } from '../../../shared/ipc/channels/events';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { useInvoke } from '../../api/use-invoke';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePopover } from '../../ui/use-popover';

/**
 * Saved searches: the current search (query, chips and range, folded into one query string) under
 * a name; a list to apply or delete them. Applying hands the saved query back to the view.
 */
export function SavedSearches({ currentQuery, onApply }: { currentQuery: string; onApply: (saved: SavedSearch) => void }) {
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
      await api.invoke('searches:save', { ...(existing ? { id: existing.id } : {}), name: trimmed, query: currentQuery });
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
            <code className="saved-searches__query" title="What will be saved">
              {currentQuery || '(everything)'}
            </code>
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
                    <code className="saved-search__query">{saved.query || '(everything)'}</code>
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
