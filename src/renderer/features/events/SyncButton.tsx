import { ReloadIcon } from '../../ui/icons';
import { useWorkspace } from '../workspace/workspace-context';
import type { SyncStatus } from './use-sync-status';

/**
 * Starts a LookupEvents sync of the active profiles. Progress shows in the jobs tray; the
 * account-region states in the sync status panel. In the demo the button says what it syncs.
 */
export function SyncButton({ sync, primary = true }: { sync: SyncStatus; primary?: boolean }) {
  const { kind, activeNames } = useWorkspace();
  const running = sync.runningJobId !== undefined;
  const noProfiles = activeNames.length === 0;
  const label = running ? 'Syncing…' : sync.starting ? 'Starting…' : kind === 'demo' ? 'Sync the demo workspace' : 'Sync now';
  return (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button button--secondary'}
      onClick={() => void sync.start()}
      disabled={running || sync.starting || noProfiles}
      title={noProfiles ? 'Switch on at least one profile (Active profiles, in the header) to sync.' : `Fetch the CloudTrail events of the ${activeNames.length} active profile${activeNames.length === 1 ? '' : 's'} (LookupEvents, up to 90 days back). Progress shows in Jobs, below.`}
      data-testid="sync-button"
    >
      <ReloadIcon /> {label}
    </button>
  );
}
