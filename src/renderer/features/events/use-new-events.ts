import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/api';

/** Events arrive in bursts (a sync stores page after page); one refresh per quiet moment is enough. */
const SETTLE_MS = 700;

/**
 * Follows `events:changed`. While the reader is on the first page with no detail open, the list
 * refreshes by itself; otherwise the count of new events is returned for a "refresh" button, so
 * rows never move under someone reading them.
 */
export function useNewEvents(api: Api, { canRefreshQuietly, refresh }: { canRefreshQuietly: boolean; refresh: () => void }): { pending: number; clear: () => void } {
  const [pending, setPending] = useState(0);
  const latest = useRef({ canRefreshQuietly, refresh });
  latest.current = { canRefreshQuietly, refresh };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let arrived = 0;
    const off = api.on('events:changed', ({ inserted }) => {
      if (inserted <= 0) return;
      arrived += inserted;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const count = arrived;
        arrived = 0;
        if (latest.current.canRefreshQuietly) latest.current.refresh();
        else setPending((n) => n + count);
      }, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [api]);

  const clear = useCallback(() => setPending(0), []);
  return { pending, clear };
}
