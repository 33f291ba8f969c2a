import { useCallback, useEffect, useRef, useState } from 'react';
import type { FindingFilters, FindingSortKey } from '../../../shared/ipc/channels/findings';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';

export type FindingsPage = ChannelOutput<'findings:list'>;
export type FindingsSort = { by: FindingSortKey; dir: 'asc' | 'desc' };

/** Rows asked for at a time; the table asks for the next page as the user scrolls near the end. */
export const PAGE_SIZE = 500;

export interface FindingsList {
  status: 'loading' | 'ready' | 'error';
  data: FindingsPage | undefined;
  /** The filters and sort the rows on screen were asked with (JSON): a milestone for tests and screen readers. */
  shownFor: string | undefined;
  error: DisplayError | undefined;
  loadingMore: boolean;
  loadMore(): void;
}

/**
 * The inbox's rows. A refresh (same filters, e.g. after a sync step or a triage) asks for as many
 * rows as are loaded, so the list does not jump back to its first page; new filters start over.
 * An answer that arrives after a newer request is dropped.
 */
export function useFindingsList(filters: FindingFilters, sort: FindingsSort, generation: number): FindingsList {
  const api = useApi();
  const [data, setData] = useState<FindingsPage>();
  const [shownFor, setShownFor] = useState<string>();
  const [status, setStatus] = useState<FindingsList['status']>('loading');
  const [error, setError] = useState<DisplayError>();
  const [loadingMore, setLoadingMore] = useState(false);
  const request = useRef(0);
  const loaded = useRef({ key: '', count: 0 });
  const key = JSON.stringify({ filters, sort });

  useEffect(() => {
    const id = ++request.current;
    const sameQuery = loaded.current.key === key;
    const limit = sameQuery ? Math.min(5000, Math.max(PAGE_SIZE, loaded.current.count)) : PAGE_SIZE;
    const parsed = JSON.parse(key) as { filters: FindingFilters; sort: FindingsSort };
    setStatus('loading');
    api.invoke('findings:list', { filters: parsed.filters, sort: parsed.sort, limit }).then(
      (page) => {
        if (id !== request.current) return;
        loaded.current = { key, count: page.rows.length };
        setData(page);
        setShownFor(key);
        setError(undefined);
        setStatus('ready');
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (id !== request.current) return;
        setError(toDisplayError(e));
        setStatus('error');
      },
    );
  }, [api, key, generation]);

  const loadMore = useCallback(() => {
    if (!data?.nextCursor || loadingMore || status !== 'ready') return;
    const id = request.current;
    const parsed = JSON.parse(key) as { filters: FindingFilters; sort: FindingsSort };
    setLoadingMore(true);
    api.invoke('findings:list', { filters: parsed.filters, sort: parsed.sort, limit: PAGE_SIZE, cursor: data.nextCursor }).then(
      (page) => {
        if (id !== request.current) return;
        setData((previous) => {
          const rows = [...(previous?.rows ?? []), ...page.rows];
          loaded.current = { key, count: rows.length };
          return { ...page, rows };
        });
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (id !== request.current) return;
        setError(toDisplayError(e));
        setLoadingMore(false);
      },
    );
  }, [api, data, key, loadingMore, status]);

  return { status, data, shownFor, error, loadingMore, loadMore };
}
