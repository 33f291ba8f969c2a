import { useEffect, useState } from 'react';
import type { AccountRegionStatus, SyncState } from '../../../shared/ipc/channels/events';
import { Badge, type Tone } from '../../ui/Badge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { WarningIcon } from '../../ui/icons';
import { formatLocalTime, plural } from './event-format';
import { INCOMPLETE_STATES, summarizeSync, type SyncStatus } from './use-sync-status';

const STATE_BADGE: Record<SyncState, { label: string; tone: Tone; title: string }> = {
  idle: { label: 'Not synced', tone: 'slate', title: 'Never synced in this data folder.' },
  queued: { label: 'Queued', tone: 'neutral', title: 'Waiting for a free slot in the running sync.' },
  running: { label: 'Syncing', tone: 'blue', title: 'LookupEvents pages are being fetched.' },
  done: { label: 'Complete', tone: 'green', title: 'The last sync completed.' },
  denied: { label: 'Denied', tone: 'red', title: 'AccessDenied on cloudtrail:LookupEvents: events of this account-region are missing.' },
  throttled: { label: 'Throttled', tone: 'amber', title: 'CloudTrail kept throttling; the next sync goes on from where it stopped.' },
  expired: { label: 'Sign-in expired', tone: 'amber', title: 'The credentials ran out; sign in again and sync.' },
  cancelled: { label: 'Cancelled', tone: 'neutral', title: 'Stopped by you; the next sync resumes where it stopped.' },
  failed: { label: 'Failed', tone: 'red', title: 'Another error; see the message.' },
};

export function SyncStateBadge({ state }: { state: SyncState }) {
  const badge = STATE_BADGE[state];
  return (
    <Badge tone={badge.tone} title={badge.title}>
      {badge.label}
    </Badge>
  );
}

/**
 * Which account-regions the index covers, and which it does not: an auditor must know that "no
 * events" for an account can mean "not allowed to read them". Opens by itself when any is incomplete.
 */
export function SyncStatusPanel({ sync }: { sync: SyncStatus }) {
  const { accountRegions } = sync;
  const counts = summarizeSync(accountRegions);
  const [open, setOpen] = useState(false);
  const [autoOpened, setAutoOpened] = useState(false);

  useEffect(() => {
    if (counts.incomplete > 0 && !autoOpened) {
      setOpen(true);
      setAutoOpened(true);
    }
  }, [counts.incomplete, autoOpened]);

  if (sync.error) return <ErrorNotice compact title="Could not read the sync status" error={sync.error} onRetry={sync.reload} />;
  if (accountRegions.length === 0) return null;
  const incomplete = accountRegions.filter((s) => INCOMPLETE_STATES.has(s.state));

  return (
    <details
      className={counts.incomplete > 0 ? 'sync-status sync-status--incomplete' : 'sync-status'}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="sync-status"
      data-running={counts.active > 0 || sync.runningJobId !== undefined ? 'true' : 'false'}
      data-incomplete={counts.incomplete}
    >
      <summary className="sync-status__summary">
        {counts.incomplete > 0 ? <WarningIcon className="sync-status__icon" /> : null}
        <span className="sync-status__title">Sync status</span>
        <span className="sync-status__counts">
          {plural(accountRegions.length, 'account-region')}
          {counts.done > 0 ? ` · ${counts.done} complete` : ''}
          {counts.active > 0 ? ` · ${counts.active} syncing` : ''}
          {counts.incomplete > 0 ? ` · ${counts.incomplete} incomplete` : ''}
          {counts.idle > 0 ? ` · ${counts.idle} not synced` : ''}
        </span>
        {incomplete.length > 0 ? (
          <span className="sync-status__incomplete">
            Missing events: {incomplete.slice(0, 3).map((s) => `${s.accountId} ${s.region} (${STATE_BADGE[s.state].label.toLowerCase()})`).join(', ')}
            {incomplete.length > 3 ? ` and ${incomplete.length - 3} more` : ''}
          </span>
        ) : null}
      </summary>
      <div className="sync-status__table-frame">
        <table className="data-table sync-status__table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Region</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Events stored
              </th>
              <th scope="col">Covered</th>
              <th scope="col">Last sync</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {accountRegions.map((s) => (
              <AccountRegionRow key={`${s.accountId}/${s.region}`} status={s} />
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function AccountRegionRow({ status: s }: { status: AccountRegionStatus }) {
  const covered = s.coveredFrom && s.coveredTo ? `${formatLocalTime(s.coveredFrom).slice(0, 10)} → ${formatLocalTime(s.coveredTo).slice(0, 10)}` : '—';
  const note = s.lastError ? s.lastError.message : s.state === 'done' && !s.backfillComplete ? 'The 90-day backfill is not finished; the next sync goes on.' : s.profile ? `via ${s.profile}` : '';
  return (
    <tr data-account-region={`${s.accountId}/${s.region}`} data-state={s.state}>
      <td className="mono nowrap">{s.accountId}</td>
      <td className="nowrap">{s.region}</td>
      <td className="nowrap">
        <SyncStateBadge state={s.state} />
      </td>
      <td className="num">{s.eventsStored.toLocaleString('en-US')}</td>
      <td className="mono nowrap">{covered}</td>
      <td className="nowrap">{s.lastSyncAt ? formatLocalTime(s.lastSyncAt) : '—'}</td>
      <td className={s.lastError ? 'sync-status__message text-danger' : 'sync-status__message muted'}>
        {note}
        {s.lastError ? <code className="sync-status__code">{s.lastError.code}</code> : null}
      </td>
    </tr>
  );
}
