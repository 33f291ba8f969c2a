import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { useInvoke, type Invoked } from '../../api/use-invoke';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { defaultActiveNames, resolveActiveNames, toggleName } from './active-profiles';
import { useCoreActiveProfiles } from './use-core-active-profiles';
import { WorkspaceContext, type Workspace, type WorkspaceKind } from './workspace-context';

/** Loads app:info, profiles:list and workspace:get once for the whole window and keeps them current. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const info = useInvoke('app:info', {});
  const listing = useInvoke('profiles:list', {});
  const summary = useInvoke('workspace:get', {});
  const [switching, setSwitching] = useState<WorkspaceKind>();
  const [switchError, setSwitchError] = useState<DisplayError>();

  const { reload: reloadInfo } = info;
  const { reload: reloadListing } = listing;
  const { reload: reloadSummary } = summary;
  const reloadAll = useCallback(() => {
    reloadInfo();
    reloadListing();
    reloadSummary();
  }, [reloadInfo, reloadListing, reloadSummary]);

  const { active, error: activeError, push, noteKind } = useCoreActiveProfiles(summary.data, reloadAll);
  const proposed = useProposeDefault(summary, listing, push);

  const profiles = listing.data?.profiles;
  useReloadOnAddedProfile(profiles, reloadListing);
  const activeNames = useMemo(() => resolveActiveNames(profiles ?? [], new Set(active ?? [])), [profiles, active]);
  const setActiveNames = useCallback((names: Iterable<string>) => void push([...names]), [push]);
  // Toggling keeps names the listing does not show (yet: a profile added a moment ago).
  const toggleActive = useCallback((name: string) => void push([...toggleName(active ?? [], name)]), [push, active]);

  const switchTo = useCallback(
    async (kind: WorkspaceKind) => {
      setSwitching(kind);
      setSwitchError(undefined);
      try {
        const result = await api.invoke(kind === 'demo' ? 'workspace:open-demo' : 'workspace:open-user', {});
        noteKind(result.kind);
        return true;
      } catch (failure) {
        setSwitchError(toDisplayError(failure));
        return false;
      } finally {
        setSwitching(undefined);
      }
    },
    [api, noteKind],
  );

  // A workspace:get that failed leaves nothing to wait for: its error is shown instead.
  const activeKnown = (active !== undefined && proposed && listing.data !== undefined) || summary.status === 'error';
  const workspace = useMemo<Workspace>(
    () => ({
      info,
      listing,
      kind: summary.data?.kind,
      activeNames,
      activeKnown,
      activeError: activeError ?? summary.error,
      setActiveNames,
      toggleActive,
      switchTo,
      switching,
      switchError,
      reloadAll,
    }),
    [info, listing, summary.data?.kind, activeNames, activeKnown, activeError, summary.error, setActiveNames, toggleActive, switchTo, switching, switchError, reloadAll],
  );
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>;
}

/**
 * A profile added from account discovery, or one of those written to the config file, changes
 * the listing: the core says so with `sessions:changed` naming the profile. Other changes of a
 * listed profile (its sign-in, its identity) leave the listing as it is.
 */
function useReloadOnAddedProfile(profiles: ChannelOutput<'profiles:list'>['profiles'] | undefined, reloadListing: () => void) {
  const api = useApi();
  const latest = useRef(profiles);
  latest.current = profiles;
  useEffect(
    () =>
      api.on('sessions:changed', ({ profile }) => {
        if (profile === undefined || !latest.current) return;
        const listed = latest.current.find((p) => p.name === profile);
        if (!listed || listed.sources.includes('app')) reloadListing();
      }),
    [api, reloadListing],
  );
}

/**
 * The core starts the user's workspace with nothing switched on. The first time this window sees
 * that (per workspace kind), it switches on every profile that can be used as written: a broken
 * profile would only produce errors. Returns true once there is nothing left to propose.
 */
function useProposeDefault(
  summary: Invoked<ChannelOutput<'workspace:get'>>,
  listing: Invoked<ChannelOutput<'profiles:list'>>,
  push: (names: string[]) => Promise<void>,
): boolean {
  const proposedFor = useRef<WorkspaceKind>(undefined);
  const [done, setDone] = useState(false);
  const settled = summary.status === 'ready' && listing.status === 'ready';

  useEffect(() => {
    if (!settled || !summary.data || !listing.data) return;
    const { kind, activeProfiles } = summary.data;
    if (proposedFor.current !== kind) {
      proposedFor.current = kind;
      const usable = defaultActiveNames(listing.data.profiles);
      if (kind === 'user' && activeProfiles.length === 0 && usable.length > 0) void push(usable);
    }
    setDone(true);
  }, [settled, summary.data, listing.data, push]);

  // A workspace that failed to load has nothing to propose; the views show its error instead.
  return done || summary.status === 'error' || listing.status === 'error';
}
