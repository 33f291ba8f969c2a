import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { toDisplayError, type DisplayError } from './display-error';
import { useApi } from './api-context';

export type Loadable<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: DisplayError };

export type Invoked<T> = Loadable<T> & { reload(): void };

/**
 * Calls one channel and tracks the answer. A reload keeps the previous data on screen while it
 * runs, so a table does not flash empty; an answer that arrives after a newer call is dropped.
 */
export function useInvoke<C extends Channel>(channel: C, input: ChannelInput<C>): Invoked<ChannelOutput<C>> {
  const api = useApi();
  const [state, setState] = useState<Loadable<ChannelOutput<C>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // Inputs are small plain objects; their JSON is a stable dependency where the object is not.
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    api.invoke(channel, JSON.parse(inputKey) as ChannelInput<C>).then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ status: 'error', data: previous.data, error: toDisplayError(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, channel, inputKey, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
