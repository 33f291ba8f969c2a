import { useEffect, useState } from 'react';
import type { Api } from '../../api/api';

/**
 * True when the local index holds no event at all, as opposed to "nothing matches": the empty
 * state then explains where events come from. Unfiltered, the search itself says so; behind
 * filters it takes one small extra search, only when the filtered one found nothing.
 */
export function useIndexEmpty(api: Api, noMatches: boolean, unfiltered: boolean, resultKey: string): boolean {
  const [probed, setProbed] = useState<{ key: string; empty: boolean }>();

  useEffect(() => {
    if (!noMatches || unfiltered) return;
    let live = true;
    api.invoke('events:search', { query: '', limit: 1 }).then(
      (answer) => {
        if (live) setProbed({ key: resultKey, empty: answer.total === 0 });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, noMatches, unfiltered, resultKey]);

  if (!noMatches) return false;
  if (unfiltered) return true;
  return probed?.key === resultKey && probed.empty;
}
