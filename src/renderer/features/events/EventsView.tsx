import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SavedSearch } from '../../../shared/ipc/channels/events';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ReloadIcon } from '../../ui/icons';
import { LoadingState } from '../../ui/LoadingState';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';
import { CompareDialog } from './CompareDialog';
import { EventDetailPane } from './EventDetailPane';
import { EventsTable, type EventsTableHandle } from './EventsTable';
import { eventsHash, queryFromHash } from './events-hash';
import { FacetSidebar } from './FacetSidebar';
import { FilterChips } from './FilterChips';
import { ImportFolderButton } from './ImportFolder';
import { NoEventsState } from './NoEventsState';
import { QueryBar } from './QueryBar';
import { queryProblem } from './query-error';
import { ResultCount } from './ResultCount';
import { SavedSearches } from './SavedSearches';
import { composeQuery, savedSearchToState } from './saved-search-query';
import { addChip, negateChip, removeChip, type FilterChip } from './search-chips';
import { SyncButton } from './SyncButton';
import { SyncStatusPanel } from './SyncStatusPanel';
import { rangeFilters, TIME_RANGES, type TimeRangeId } from './time-range';
import { useEventSearch, PAGE_SIZE } from './use-event-search';
import { useEventsKeyboard } from './use-events-keyboard';
import { useIndexEmpty } from './use-index-empty';
import { useNewEvents } from './use-new-events';
import { useSyncStatus } from './use-sync-status';
import './events.css';

const rangeOptions = TIME_RANGES.map((r) => ({ id: r.id, label: r.label, title: `Events of ${r.long}` }));

export function EventsView() {
  const workspace = useWorkspace();
  const settled = isWorkspaceSettled(workspace);
  const api = useApi();
  const sync = useSyncStatus();

  // What the search bar holds. The typed query applies on Enter; chips and the range at once.
  const [draft, setDraft] = useState(() => queryFromHash(window.location.hash) ?? '');
  const [submitted, setSubmitted] = useState(draft);
  const [chips, setChips] = useState<FilterChip[]>([]);
  const [range, setRange] = useState<TimeRangeId>('all');
  const [rangeNow, setRangeNow] = useState(() => Date.now());
  const filters = useMemo(() => rangeFilters(range, rangeNow), [range, rangeNow]);
  const input = useMemo(() => ({ query: submitted, chips, ...(filters ? { filters } : {}) }), [submitted, chips, filters]);
  const search = useEventSearch(input, settled);
  const bar = useMemo(() => ({ query: submitted, chips, range }), [submitted, chips, range]);
  const composed = composeQuery(bar);
  const queryErrorId = useId();

  // Selection is by event key, so it survives a refresh or a pivot that keeps the event in the results.
  const [selectedKey, setSelectedKey] = useState<string>();
  const [detailOpen, setDetailOpen] = useState(false);
  const [checked, setChecked] = useState<string[]>([]);
  const [comparing, setComparing] = useState<readonly [string, string]>();
  const queryInput = useRef<HTMLInputElement>(null);
  const tableRef = useRef<EventsTableHandle>(null);

  const { rows, resultKey, refresh } = search;
  const selectedIndex = useMemo(() => {
    if (selectedKey === undefined) return undefined;
    const index = rows.findIndex((row) => row.key === selectedKey);
    return index < 0 ? undefined : index;
  }, [rows, selectedKey]);

  // A search without the selected event lets go of it: a detail beside other results would mislead.
  const selectionGone = search.status === 'ready' && selectedKey !== undefined && selectedIndex === undefined;
  useEffect(() => {
    if (!selectionGone) return;
    setSelectedKey(undefined);
    setDetailOpen(false);
  }, [selectionGone]);

  const runQuery = useCallback((query: string) => {
    setSubmitted(query);
    setRangeNow(Date.now());
    // Reload keeps the search; replaceState, so each search does not become a history entry.
    window.history.replaceState(window.history.state, '', eventsHash(query));
  }, []);

  // A link to #/events?q=… while Events is already open (from Activity, or pasted).
  useEffect(() => {
    function onHashChange() {
      const q = queryFromHash(window.location.hash);
      if (q === undefined) return;
      setDraft(q);
      setSubmitted(q);
      setChips([]);
    }
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const addFilter = useCallback((chip: FilterChip) => setChips((current) => addChip(current, chip)), []);

  const applySaved = useCallback(
    (saved: SavedSearch) => {
      const state = savedSearchToState(saved);
      setDraft(state.query);
      setChips(state.chips);
      setRange(state.range);
      runQuery(state.query);
    },
    [runQuery],
  );

  const toggleCheck = useCallback((key: string) => {
    // Compare takes two: checking a third lets go of the oldest.
    setChecked((current) => (current.includes(key) ? current.filter((k) => k !== key) : [...current, key].slice(-2)));
  }, []);
  const checkedSet = useMemo(() => new Set(checked), [checked]);

  const openRow = useCallback((key: string) => {
    setSelectedKey(key);
    setDetailOpen(true);
  }, []);

  useEventsKeyboard({
    rowCount: rows.length,
    selectedIndex,
    detailOpen,
    onMove: (index) => setSelectedKey(rows[index]?.key),
    onOpen: () => setDetailOpen(true),
    onClose: () => {
      setDetailOpen(false);
      tableRef.current?.focus();
    },
    onToggleCheck: (index) => {
      const key = rows[index]?.key;
      if (key) toggleCheck(key);
    },
  });

  const newEvents = useNewEvents(api, {
    // Only refresh by itself when that cannot pull the list from under the reader.
    canRefreshQuietly: rows.length <= PAGE_SIZE && !detailOpen,
    refresh,
  });
  const { clear: clearNewEvents } = newEvents;
  // A new search shows whatever had arrived.
  useEffect(() => clearNewEvents(), [resultKey, clearNewEvents]);

  const problem = search.error ? queryProblem(search.error, submitted) : undefined;
  const answered = search.status !== 'loading' || search.facets !== undefined || search.error !== undefined;
  const unfiltered = submitted.trim() === '' && chips.length === 0 && range === 'all';
  const indexEmpty = useIndexEmpty(api, search.status === 'ready' && search.total === 0, unfiltered, resultKey);

  return (
    <ViewFrame view="events" ready={settled && answered}>
      <div className="events-view" data-search-state={search.status} data-search-query={composed} data-total={search.total}>
        <ViewHeader
          title="Events"
          summary={indexEmpty ? 'The local index holds no events yet.' : <ResultCount search={search} />}
          actions={
            <>
              <SavedSearches current={bar} onApply={applySaved} />
              <ImportFolderButton />
              <SyncButton sync={sync} />
            </>
          }
        />
        {sync.startError ? <ErrorNotice compact title="Could not start the sync" error={sync.startError} /> : null}
        <SyncStatusPanel sync={sync} />
        {indexEmpty ? (
          <NoEventsState sync={sync} />
        ) : (
          <>
            <div className="events-search">
              <QueryBar value={draft} onChange={setDraft} onSubmit={runQuery} problem={problem} submitted={submitted} inputRef={queryInput} errorId={queryErrorId} />
              <div className="events-toolbar">
                <SegmentedControl
                  label="Time range"
                  options={rangeOptions}
                  value={range}
                  onChange={(next) => {
                    setRange(next);
                    setRangeNow(Date.now());
                  }}
                  testId="time-range"
                />
                <FilterChips
                  chips={chips}
                  invalid={problem?.chip}
                  errorId={queryErrorId}
                  onNegate={(i) => setChips((c) => negateChip(c, i))}
                  onRemove={(i) => setChips((c) => removeChip(c, i))}
                  onClear={() => setChips([])}
                />
                <div className="events-toolbar__end">
                  {newEvents.pending > 0 ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        clearNewEvents();
                        refresh();
                      }}
                      data-testid="new-events"
                    >
                      <ReloadIcon /> {newEvents.pending.toLocaleString('en-US')} new events: refresh
                    </button>
                  ) : null}
                  {checked.length === 0 && rows.length > 1 ? <span className="events-toolbar__hint">Tick two rows (or Space on each) to compare them</span> : null}
                  {checked.length > 0 ? (
                    <>
                      <button type="button" className="button button--small" disabled={checked.length !== 2} onClick={() => setComparing([checked[0]!, checked[1]!])} data-testid="compare-button">
                        Compare {checked.length === 2 ? 'the 2 selected' : `(${checked.length} of 2 selected)`}
                      </button>
                      <button type="button" className="link-button" onClick={() => setChecked([])}>
                        Clear selection
                      </button>
                    </>
                  ) : null}
                </div>
              </div>
            </div>
            {search.error && !problem ? <ErrorNotice title="The search failed" error={search.error} onRetry={refresh} /> : null}
            <div className={detailOpen && selectedKey ? 'events-layout events-layout--detail' : 'events-layout'}>
              <FacetSidebar facets={search.facets} exact={search.facetsExact} total={search.total} onAddChip={addFilter} />
              <div className="events-results">
                {!answered ? <LoadingState label="Searching the local index…" /> : null}
                {answered && search.status !== 'error' && search.total === 0 && rows.length === 0 ? (
                  <div className="events-no-match" role="status" data-testid="no-match">
                    <p className="events-no-match__title">No events match.</p>
                    <p className="muted">Remove a filter, widen the time range, or check the sync status above: an account-region that is not synced has no events here.</p>
                  </div>
                ) : null}
                {answered && rows.length > 0 ? (
                  <EventsTable
                    ref={tableRef}
                    rows={rows}
                    total={search.total}
                    hasMore={search.hasMore}
                    loadingMore={search.loadingMore}
                    moreError={search.moreError}
                    loadMore={search.loadMore}
                    resultKey={resultKey}
                    selectedIndex={selectedIndex}
                    onOpenRow={openRow}
                    checked={checkedSet}
                    onToggleCheck={toggleCheck}
                    stale={search.status !== 'ready'}
                  />
                ) : null}
              </div>
              {detailOpen && selectedKey ? (
                <EventDetailPane
                  eventKey={selectedKey}
                  onClose={() => {
                    setDetailOpen(false);
                    tableRef.current?.focus();
                  }}
                  onPivot={addFilter}
                />
              ) : null}
            </div>
          </>
        )}
      </div>
      {comparing ? <CompareDialog keys={comparing} onClose={() => setComparing(undefined)} /> : null}
    </ViewFrame>
  );
}
