import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ActivityIcon } from '../../ui/icons';
import { LoadingState } from '../../ui/LoadingState';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { plural } from '../events/event-format';
import { eventsHash } from '../events/events-hash';
import { SyncButton } from '../events/SyncButton';
import { rangeFilters, TIME_RANGES, timeRange, type TimeRangeId } from '../events/time-range';
import { useIndexEmpty } from '../events/use-index-empty';
import { useNewEvents } from '../events/use-new-events';
import { useSyncStatus } from '../events/use-sync-status';
import { ActiveScope } from '../workspace/ActiveScope';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';
import { chartDays, eventsQueryFor, groupAccounts, pivotByDay, sumCounts, totalsByDay } from './activity-data';
import { MAX_ACCOUNT_SERIES, OTHER_ACCOUNTS } from './chart-theme';
import { ErrorsPerDayChart } from './ErrorsPerDayChart';
import { EventsPerDayChart } from './EventsPerDayChart';
import { ReadWriteShare } from './ReadWriteShare';
import { TopValuesChart } from './TopValuesChart';
import { useActivityStats } from './use-activity-stats';
import './activity.css';

const rangeOptions = TIME_RANGES.map((r) => ({ id: r.id, label: r.label, title: `Activity of ${r.long}` }));
const layoutOptions = [
  { id: 'stacked', label: 'Stacked', title: 'All accounts in one chart' },
  { id: 'multiples', label: 'Per account', title: 'One small chart per account, same scale' },
] as const;

export function ActivityView() {
  const workspace = useWorkspace();
  const settled = isWorkspaceSettled(workspace);
  const api = useApi();
  const sync = useSyncStatus();
  const [range, setRange] = useState<TimeRangeId>('30d');
  const [now, setNow] = useState(() => Date.now());
  const [layout, setLayout] = useState<'stacked' | 'multiples'>('stacked');
  const [generation, setGeneration] = useState(0);
  const filters = useMemo(() => rangeFilters(range, now), [range, now]);
  const stats = useActivityStats(filters, generation, settled);

  const refresh = useCallback(() => {
    setNow(Date.now());
    setGeneration((n) => n + 1);
  }, []);
  // Charts have no reading position to lose: new events simply redraw them.
  useNewEvents(api, { canRefreshQuietly: true, refresh });

  const open = useCallback((query: string) => {
    window.location.hash = eventsHash(query);
  }, []);

  const data = stats.data;
  const chart = useMemo(() => {
    if (!data) return undefined;
    const grouped = groupAccounts(data.all.perDay, MAX_ACCOUNT_SERIES, OTHER_ACCOUNTS);
    const days = chartDays(range, now, data.all.perDay);
    const errorsByDay = totalsByDay(data.errors.perDay);
    const deniedByDay = totalsByDay(data.denied.perDay);
    return {
      total: sumCounts(data.all.perDay),
      accountCount: new Set(data.all.perDay.map((d) => d.account)).size,
      accounts: grouped.accounts,
      perDay: pivotByDay(grouped.perDay, days, grouped.accounts),
      errors: days.map((day) => {
        const denied = deniedByDay.get(day) ?? 0;
        return { day, denied, other: Math.max(0, (errorsByDay.get(day) ?? 0) - denied) };
      }),
      reads: sumCounts(data.reads.perDay),
      writes: sumCounts(data.writes.perDay),
    };
  }, [data, range, now]);

  const answered = stats.status !== 'loading' || data !== undefined;
  const long = timeRange(range).long;
  // "Nothing in 7 days" and "nothing at all" need different words and different next steps.
  const indexEmpty = useIndexEmpty(api, chart?.total === 0, range === 'all', `${range}#${now}#${generation}`);

  return (
    <ViewFrame view="activity" ready={settled && answered}>
      <ViewHeader
        title="Activity"
        summary={chart && chart.total > 0 ? <span data-testid="activity-summary"><strong>{plural(chart.total, 'event')}</strong> in {long}, across {plural(chart.accountCount, 'account')}.</span> : 'Who did what, over time, across the synced accounts.'}
        actions={
          <>
            <SegmentedControl label="Time range" options={rangeOptions} value={range} onChange={(next) => { setRange(next); setNow(Date.now()); }} testId="activity-range" />
            <SyncButton sync={sync} primary={false} />
          </>
        }
      />
      {stats.status === 'error' ? <ErrorNotice title="Could not compute the activity" error={stats.error} onRetry={refresh} /> : null}
      {!answered ? <LoadingState label="Counting events in the local index…" /> : null}
      {chart && chart.total === 0 ? (
        <div className="empty-state" data-testid="activity-empty">
          <ActivityIcon className="empty-state__icon" />
          <h2 className="empty-state__title">{indexEmpty ? 'No CloudTrail events in the local index yet' : `No events in ${long}`}</h2>
          <p className="empty-state__text">
            {indexEmpty ? 'Sync the active profiles (or import trail log files in Events) and the charts fill in as events arrive.' : 'Pick a longer range, or sync to fetch the latest events.'}
          </p>
          <ActiveScope />
          <div className="empty-state__actions">
            <SyncButton sync={sync} />
            <a className="button button--secondary" href="#/events">
              Go to Events
            </a>
          </div>
        </div>
      ) : null}
      {chart && data && chart.total > 0 ? (
        <div className={stats.status === 'loading' ? 'activity-charts activity-charts--stale' : 'activity-charts'} data-testid="activity-charts">
          <div className="activity-charts__wide">
            <div className="activity-charts__tools">
              <SegmentedControl label="Chart layout" options={layoutOptions} value={layout} onChange={setLayout} testId="activity-layout" />
            </div>
            <EventsPerDayChart rows={chart.perDay} accounts={chart.accounts} range={range} layout={layout} onOpen={open} />
          </div>
          <ErrorsPerDayChart rows={chart.errors} range={range} onOpen={open} />
          <ReadWriteShare reads={chart.reads} writes={chart.writes} total={chart.total} range={range} onOpen={open} />
          <TopValuesChart title="Top event names" noun="event name" values={data.all.topEventNames} color="var(--chart-1)" queryFor={(eventName) => eventsQueryFor({ range, eventName })} onOpen={open} testId="chart-top-events" />
          <TopValuesChart title="Top principals" noun="principal" values={data.all.topPrincipals} color="var(--chart-3)" queryFor={(principal) => eventsQueryFor({ range, principal })} onOpen={open} testId="chart-top-principals" />
        </div>
      ) : null}
    </ViewFrame>
  );
}
