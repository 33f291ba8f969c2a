import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventFilters, EventRow, FilterChip, SearchFacets } from '../../../shared/ipc/channels/events';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';

/** Rows per request: large pages, so fast scrolling makes few round trips. */
export const PAGE_SIZE = 500;

export interface SearchInput {
  query: string;
  chips: FilterChip[];
  filters?: EventFilters;
}

export interface EventSearch {
  /** `loading` until the first page of the current input (or refresh) answered; the previous rows stay meanwhile. */
  status: 'loading' | 'ready' | 'error';
  rows: EventRow[];
  total: number;
  totalExact: boolean;
  facets: SearchFacets | undefined;
  /** False when the facets count only the matches read before counting stopped (free text). */
  facetsExact: boolean;
  /** Free text: events the text index has not reached yet, read in full (so the search was slower). */
  textIndexPending: number;
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the first page failed (a bad query, the core down). */
  error: DisplayError | undefined;
  /** Why the last page turn failed; the rows already shown stay. */
  moreError: DisplayError | undefined;
  /** Changes when the rows answer a different input (not on a refresh): the table goes back to the top. */
  resultKey: string;
  loadMore(): void;
  /** Searches the same input again, keeping the rows on screen until the answer arrives. */
  refresh(): void;
}

interface State {
  key: string;
  status: EventSearch['status'];
  rows: EventRow[];
  total: number;
  totalExact: boolean;
  facets: SearchFacets | undefined;
  facetsExact: boolean;
  textIndexPending: number;
  nextCursor: string | undefined;
  loadingMore: boolean;
  error: DisplayError | undefined;
  moreError: DisplayError | undefined;
  resultKey: string;
}

const initial: State = { key: '', status: 'loading', rows: [], total: 0, totalExact: true, facets: undefined, facetsExact: true, textIndexPending: 0, nextCursor: undefined, loadingMore: false, error: undefined, moreError: undefined, resultKey: '' };

/**
 * events:search with keyset pages: the first page (with the total and facets) whenever the input
 * changes, then one page per `loadMore` as the table scrolls. Answers to an input that is no
 * longer current are dropped, so a fast typist never sees an older query's rows last.
 */
export function useEventSearch(input: SearchInput, enabled = true): EventSearch {
  const api = useApi();
  const inputKey = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<State>(initial);
  const current = useRef({ key: '', busy: false });

  const expectedKey = `${inputKey}#${generation}`;

  useEffect(() => {
    if (!enabled) return;
    const key = `${inputKey}#${generation}`;
    current.current = { key, busy: false };
    const request = JSON.parse(inputKey) as SearchInput;
    api.invoke('events:search', { ...request, limit: PAGE_SIZE }).then(
      (page) => {
        if (current.current.key !== key) return;
        setState({
          key,
          status: 'ready',
          rows: page.rows,
          total: page.total,
          totalExact: page.totalExact,
          facets: page.facets,
          facetsExact: page.facetsExact,
          textIndexPending: page.textIndexPending ?? 0,
          nextCursor: page.nextCursor,
          loadingMore: false,
          error: undefined,
          moreError: undefined,
          resultKey: inputKey,
        });
      },
      (failure: unknown) => {
        if (current.current.key !== key) return;
        setState((s) => ({ ...s, key, status: 'error', error: toDisplayError(failure), loadingMore: false }));
      },
    );
  }, [api, inputKey, generation, enabled]);

  const { key, nextCursor, status } = state;
  const loadMore = useCallback(() => {
    if (!nextCursor || status !== 'ready' || current.current.busy || current.current.key !== key) return;
    current.current.busy = true;
    setState((s) => ({ ...s, loadingMore: true, moreError: undefined }));
    const request = JSON.parse(key.slice(0, key.lastIndexOf('#'))) as SearchInput;
    // The facets belong to the first page; a page turn does not read them again.
    api.invoke('events:search', { ...request, limit: PAGE_SIZE, cursor: nextCursor, facets: false }).then(
      (page) => {
        if (current.current.key !== key) return;
        current.current.busy = false;
        // The total may have grown meanwhile (a sync is running); the newer count is the truer one.
        setState((s) => ({ ...s, rows: [...s.rows, ...page.rows], nextCursor: page.nextCursor, total: Math.max(page.total, s.rows.length + page.rows.length), loadingMore: false }));
      },
      (failure: unknown) => {
        if (current.current.key !== key) return;
        current.current.busy = false;
        setState((s) => ({ ...s, loadingMore: false, moreError: toDisplayError(failure) }));
      },
    );
  }, [api, key, nextCursor, status]);

  const refresh = useCallback(() => setGeneration((n) => n + 1), []);

  // Until the current input has its answer, the rows on screen belong to an earlier one.
  const currentStatus = state.key === expectedKey ? state.status : 'loading';
  return {
    status: currentStatus,
    rows: state.rows,
    total: state.total,
    totalExact: state.totalExact,
    facets: state.facets,
    facetsExact: state.facetsExact,
    textIndexPending: state.textIndexPending,
    hasMore: state.nextCursor !== undefined,
    loadingMore: state.loadingMore,
    error: currentStatus === 'error' ? state.error : undefined,
    moreError: state.moreError,
    resultKey: state.resultKey,
    loadMore,
    refresh,
  };
}
