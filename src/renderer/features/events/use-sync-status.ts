import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccountRegionStatus } from '../../../shared/ipc/channels/events';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';

export interface SyncStatus {
  accountRegions: AccountRegionStatus[];
  runningJobId: string | undefined;
  loaded: boolean;
  error: DisplayError | undefined;
  /** Starts a sync of the active profiles (the core's default); resolves once it is started. */
  start(): Promise<void>;
  starting: boolean;
  startError: DisplayError | undefined;
  reload(): void;
}

const keyOf = (s: Pick<AccountRegionStatus, 'accountId' | 'region'>) => `${s.accountId}/${s.region}`;

/**
 * Every account-region's sync state: sync:status once, then each `sync:changed` as it happens.
 * The running job's end comes as `jobs:progress`; the status is read again then, so "running"
 * never outlives the job.
 */
export function useSyncStatus(): SyncStatus {
  const api = useApi();
  const [byKey, setByKey] = useState<ReadonlyMap<string, AccountRegionStatus>>(new Map());
  const [runningJobId, setRunningJobId] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<DisplayError>();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<DisplayError>();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    const offChanged = api.on('sync:changed', (status) => setByKey((map) => new Map(map).set(keyOf(status), status)));
    api.invoke('sync:status', {}).then(
      (answer) => {
        if (!live) return;
        // Subscribed first, listed second: a change that raced the answer is newer and wins.
        setByKey((map) => {
          const next = new Map(answer.accountRegions.map((s) => [keyOf(s), s] as const));
          for (const [k, s] of map) if (s.state === 'running' || s.state === 'queued') next.set(k, { ...next.get(k), ...s });
          return next;
        });
        setRunningJobId(answer.runningJobId);
        setLoaded(true);
        setError(undefined);
      },
      (failure: unknown) => {
        if (!live) return;
        setLoaded(true);
        setError(toDisplayError(failure));
      },
    );
    return () => {
      live = false;
      offChanged();
    };
  }, [api, generation]);

  // Syncs started anywhere (this view, Activity, another window) show up as trail-sync jobs.
  useEffect(
    () =>
      api.on('jobs:progress', ({ job }) => {
        if (job.kind !== 'trail-sync') return;
        if (job.state === 'running' || job.state === 'paused') {
          setRunningJobId(job.id);
          return;
        }
        // The job's last sync:changed events came before it settled; read the stored truth once more.
        setRunningJobId((running) => (running === job.id ? undefined : running));
        reload();
      }),
    [api, reload],
  );

  const start = useCallback(async () => {
    setStarting(true);
    setStartError(undefined);
    try {
      const { jobId } = await api.invoke('sync:start', {});
      setRunningJobId(jobId);
    } catch (failure) {
      setStartError(toDisplayError(failure));
    } finally {
      setStarting(false);
    }
  }, [api]);

  const accountRegions = useMemo(() => [...byKey.values()].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region)), [byKey]);
  return { accountRegions, runningJobId, loaded, error, start, starting, startError, reload };
}

/** States that mean some events of the account-region may be missing from the index. */
export const INCOMPLETE_STATES = new Set<AccountRegionStatus['state']>(['denied', 'throttled', 'expired', 'failed', 'cancelled']);

export function summarizeSync(accountRegions: readonly AccountRegionStatus[]) {
  const counts = { done: 0, active: 0, incomplete: 0, idle: 0 };
  for (const s of accountRegions) {
    if (s.state === 'done') counts.done += 1;
    else if (s.state === 'running' || s.state === 'queued') counts.active += 1;
    else if (INCOMPLETE_STATES.has(s.state)) counts.incomplete += 1;
    else counts.idle += 1;
  }
  return counts;
}
