import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { useInvoke } from '../../api/use-invoke';

export type MfaRequest = EventPayload<'sessions:mfa-required'>;

/** `sessions:list`, reloaded whenever the core says a session or profile changed. */
export function useSessions() {
  const api = useApi();
  const listing = useInvoke('sessions:list', {});
  const { reload } = listing;
  useEffect(() => {
    // A sign-in changes several profiles at once; one reload for the burst is enough.
    let timer: number | undefined;
    const soon = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(reload, 100);
    };
    const offChanged = api.on('sessions:changed', soon);
    const offWorkspace = api.on('workspace:changed', soon);
    return () => {
      window.clearTimeout(timer);
      offChanged();
      offWorkspace();
    };
  }, [api, reload]);
  return listing;
}

/** MFA codes the core is waiting for, oldest first; each leaves when answered, cancelled or timed out. */
export function useMfaRequests(): MfaRequest[] {
  const api = useApi();
  const [requests, setRequests] = useState<MfaRequest[]>([]);
  useEffect(() => {
    const offRequired = api.on('sessions:mfa-required', (request) => setRequests((list) => [...list, request]));
    const offClosed = api.on('sessions:mfa-closed', ({ requestId }) => setRequests((list) => list.filter((r) => r.requestId !== requestId)));
    return () => {
      offRequired();
      offClosed();
    };
  }, [api]);
  return requests;
}
