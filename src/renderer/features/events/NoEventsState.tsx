import { ListIcon } from '../../ui/icons';
import { ActiveScope } from '../workspace/ActiveScope';
import { useWorkspace } from '../workspace/workspace-context';
import { ImportFolderForm } from './ImportFolder';
import { SyncButton } from './SyncButton';
import type { SyncStatus } from './use-sync-status';

/** The index is empty: say where events come from and offer both ways in. */
export function NoEventsState({ sync }: { sync: SyncStatus }) {
  const { kind } = useWorkspace();
  const running = sync.runningJobId !== undefined;
  return (
    <div className="empty-state events-empty" data-testid="no-events">
      <ListIcon className="empty-state__icon" />
      <h2 className="empty-state__title">{running ? 'Syncing: the first events arrive in a moment' : 'No CloudTrail events in the local index yet'}</h2>
      <p className="empty-state__text">
        {kind === 'demo'
          ? 'The demo workspace is a built-in AWS organisation on the local emulator. Sync it to fetch its CloudTrail events (LookupEvents, like a real account), then search them here.'
          : 'Sync fetches the last 90 days of management events of the active profiles with CloudTrail LookupEvents. For older events or data events, import the log files of a trail (from its S3 bucket or an evidence folder).'}
      </p>
      <ActiveScope />
      <div className="empty-state__actions">
        <SyncButton sync={sync} />
      </div>
      {sync.startError ? (
        <p className="text-danger" role="alert">
          {sync.startError.message}
        </p>
      ) : null}
      {kind === 'demo' ? null : <ImportFolderForm />}
    </div>
  );
}
