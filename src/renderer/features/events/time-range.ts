import type { EventFilters } from '../../../shared/ipc/channels/events';

/** The quick picks. LookupEvents keeps 90 days; "all" also covers older imported trail files. */
export const TIME_RANGES = [
  { id: '24h', label: '24 h', long: 'the last 24 hours', ms: 24 * 3_600_000 },
  { id: '7d', label: '7 d', long: 'the last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: '30 d', long: 'the last 30 days', ms: 30 * 86_400_000 },
  { id: '90d', label: '90 d', long: 'the last 90 days', ms: 90 * 86_400_000 },
  { id: 'all', label: 'All', long: 'all time', ms: undefined },
] as const;

export type TimeRangeId = (typeof TIME_RANGES)[number]['id'];

export function isTimeRangeId(value: string): value is TimeRangeId {
  return TIME_RANGES.some((r) => r.id === value);
}

export function timeRange(id: TimeRangeId) {
  return TIME_RANGES.find((r) => r.id === id)!;
}

/**
 * The range as the structured filter of events:search. `now` is fixed when the range is chosen
 * (or the search is refreshed), not at every render: a moving bound would make every render a
 * new request.
 */
export function rangeFilters(id: TimeRangeId, now: number): EventFilters | undefined {
  const { ms } = timeRange(id);
  return ms === undefined ? undefined : { from: new Date(now - ms).toISOString() };
}

/** The range as a query term (`since:7d`), for saved searches and links that must stay relative. */
export function rangeTerm(id: TimeRangeId): string | undefined {
  return id === 'all' ? undefined : `since:${id}`;
}

/** The UTC days a range covers, oldest first (`YYYY-MM-DD`), so charts show quiet days as zero. */
export function daysBetween(fromMs: number, toMs: number): string[] {
  const days: string[] = [];
  const start = Date.UTC(new Date(fromMs).getUTCFullYear(), new Date(fromMs).getUTCMonth(), new Date(fromMs).getUTCDate());
  // A guard against a wild "all time" span: charts past ten years of days are not readable anyway.
  for (let t = start; t <= toMs && days.length < 3660; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
