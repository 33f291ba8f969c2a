import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';

type Summary = ChannelOutput<'workspace:get'>;

/**
 * The active profiles live in the core (jobs and views read them there); this keeps a copy that
 * answers clicks at once. While a change is on its way, `workspace:changed` events (which may
 * describe an older state) are not applied; the answer to the newest change wins.
 */
export function useCoreActiveProfiles(summary: Summary | undefined, onKindChanged: () => void) {
  const api = useApi();
  const [active, setActive] = useState<string[]>();
  const [error, setError] = useState<DisplayError>();
  const kindRef = useRef<Summary['kind']>(undefined);
  const inFlight = useRef(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!summary) return;
    kindRef.current = summary.kind;
    if (inFlight.current === 0) setActive(summary.activeProfiles);
  }, [summary]);

  /** Called with the kind of every workspace answer or event; a new kind means everything reloads. */
  const noteKind = useCallback(
    (kind: Summary['kind']) => {
      if (kindRef.current === undefined || kindRef.current === kind) return false;
      kindRef.current = kind;
      onKindChanged();
      return true;
    },
    [onKindChanged],
  );

  useEffect(
    () =>
      api.on('workspace:changed', (event) => {
        if (!noteKind(event.kind) && inFlight.current === 0) setActive(event.activeProfiles);
      }),
    [api, noteKind],
  );

  const push = useCallback(
    async (names: string[]) => {
      const call = ++latest.current;
      inFlight.current += 1;
      setActive(names);
      setError(undefined);
      try {
        const result = await api.invoke('workspace:set-active-profiles', { profiles: names });
        if (call === latest.current) setActive(result.activeProfiles);
      } catch (failure) {
        if (call === latest.current) setError(toDisplayError(failure));
      } finally {
        inFlight.current -= 1;
      }
    },
    [api],
  );

  return { active, error, push, noteKind };
}
