import { createContext, useContext } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { DisplayError } from '../../api/display-error';
import type { Invoked } from '../../api/use-invoke';

export type ProfilesListing = ChannelOutput<'profiles:list'>;
export type AppInfo = ChannelOutput<'app:info'>;
export type WorkspaceKind = ChannelOutput<'workspace:get'>['kind'];

/** What every view shares: the core's facts, the profiles, and which of them are active. */
export interface Workspace {
  info: Invoked<AppInfo>;
  listing: Invoked<ProfilesListing>;
  /** `user` (the person's own AWS files) or `demo` (the local emulator); undefined until known. */
  kind: WorkspaceKind | undefined;
  /** Names of the active profiles that exist in the listing, in listing order. */
  activeNames: string[];
  /** False until the core has said which profiles are active (and a first default is proposed). */
  activeKnown: boolean;
  /** Why the last change of active profiles failed, if it did. */
  activeError: DisplayError | undefined;
  setActiveNames(names: Iterable<string>): void;
  toggleActive(name: string): void;
  /** Opens the demo workspace or goes back to the user's own profiles; false if that failed (see switchError). */
  switchTo(kind: WorkspaceKind): Promise<boolean>;
  switching: WorkspaceKind | undefined;
  switchError: DisplayError | undefined;
  /** Re-reads app:info, the profiles and the workspace (after the workspace changed). */
  reloadAll(): void;
}

/** True once a view can show its final content: the profiles and the active ones are known, or failed. */
export function isWorkspaceSettled(workspace: Pick<Workspace, 'listing' | 'activeKnown'>): boolean {
  return workspace.listing.status === 'error' || (workspace.listing.status === 'ready' && workspace.activeKnown);
}

export const WorkspaceContext = createContext<Workspace | undefined>(undefined);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace needs a <WorkspaceProvider> above it.');
  return workspace;
}
