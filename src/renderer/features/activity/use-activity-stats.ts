import { useEffect, useState } from 'react';
import type { EventFilters, FilterChip } from '../../../shared/ipc/channels/events';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { DENIED_ERRORS } from './activity-data';

type Stats = ChannelOutput<'events:stats'>;

export interface ActivityStats {
  all: Stats;
  errors: Stats;
  denied: Stats;
  reads: Stats;
  writes: Stats;
}

export type ActivityState = { status: 'loading'; data?: ActivityStats; error?: undefined } | { status: 'ready'; data: ActivityStats; error?: undefined } | { status: 'error'; data?: ActivityStats; error: DisplayError };

/**
 * events:stats answers one query at a time, so the view asks five: everything, the errors, the
 * denied calls, the reads and the writes, all over the same range and at once. `generation`
 * asks again (new events arrived); the charts keep the previous answer until then.
 */
export function useActivityStats(filters: EventFilters | undefined, generation: number, enabled: boolean): ActivityState {
  const api = useApi();
  const [state, setState] = useState<ActivityState>({ status: 'loading' });
  const key = JSON.stringify(filters ?? {});

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const base = JSON.parse(key) as EventFilters;
    const ask = (extra: EventFilters, chips: FilterChip[] = []) => api.invoke('events:stats', { query: '', filters: { ...base, ...extra }, ...(chips.length ? { chips } : {}) });
    setState((s) => ({ status: 'loading', data: s.data }));
    Promise.all([ask({}), ask({ errors: true }), ask({}, [{ field: 'error', op: 'is', value: DENIED_ERRORS }]), ask({ readOnly: true }), ask({ readOnly: false })]).then(
      ([all, errors, denied, reads, writes]) => {
        if (live) setState({ status: 'ready', data: { all, errors, denied, reads, writes } });
      },
      (failure: unknown) => {
        if (live) setState((s) => ({ status: 'error', data: s.data, error: toDisplayError(failure) }));
      },
    );
    return () => {
      live = false;
    };
  }, [api, key, generation, enabled]);

  return state;
}
