import { quoteValue } from '../events/search-chips';
import { daysBetween, rangeTerm, timeRange, type TimeRangeId } from '../events/time-range';

export interface DayCount {
  day: string;
  account: string;
  count: number;
}

/** One chart row per UTC day: `{ day, total, <account>: count… }`, zeros included. */
export type DayRow = { day: string; total: number } & Record<string, number | string>;

/** Accounts by how much they did, busiest first: the stack order and the legend read the same way. */
export function accountsByVolume(perDay: readonly DayCount[]): string[] {
  const totals = new Map<string, number>();
  for (const { account, count } of perDay) totals.set(account, (totals.get(account) ?? 0) + count);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([account]) => account);
}

/**
 * The days a chart shows. A quick pick shows all of its days, quiet ones as zero, so a spike
 * stands out against real silence; "all" runs from the first day with events to today.
 */
export function chartDays(range: TimeRangeId, now: number, perDay: readonly DayCount[]): string[] {
  const { ms } = timeRange(range);
  if (ms !== undefined) return daysBetween(now - ms, now);
  const first = perDay.reduce<string | undefined>((min, d) => (min === undefined || d.day < min ? d.day : min), undefined);
  if (!first) return [];
  const last = perDay.reduce((max, d) => (d.day > max ? d.day : max), first);
  const end = Math.max(now, Date.parse(`${last}T00:00:00Z`));
  return daysBetween(Date.parse(`${first}T00:00:00Z`), end);
}

export function pivotByDay(perDay: readonly DayCount[], days: readonly string[], accounts: readonly string[]): DayRow[] {
  const rows = new Map<string, DayRow>(days.map((day) => [day, { day, total: 0, ...Object.fromEntries(accounts.map((a) => [a, 0])) } as DayRow]));
  for (const { day, account, count } of perDay) {
    const row = rows.get(day);
    if (!row) continue;
    row[account] = Number(row[account] ?? 0) + count;
    row.total += count;
  }
  return [...rows.values()];
}

/** Per day, summed over accounts. */
export function totalsByDay(perDay: readonly DayCount[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { day, count } of perDay) totals.set(day, (totals.get(day) ?? 0) + count);
  return totals;
}

export function sumCounts(perDay: readonly DayCount[]): number {
  return perDay.reduce((sum, d) => sum + d.count, 0);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-05-31` as `May 31`: the axis is UTC days, so no time zone may move the label. */
export function dayLabel(day: string): string {
  const [, , month, date] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) ?? [];
  return month && date ? `${MONTHS[Number(month) - 1]} ${Number(date)}` : day;
}

/** The error codes that mean "not allowed": the spikes auditors look for first. */
export const DENIED_ERRORS = '*AccessDenied*,*Unauthorized*,*Forbidden*';

/**
 * The Events query behind a point of a chart, for its deep link. A day is a UTC day, as the
 * charts count them (`time:2024-05-31` is that whole UTC day); without a day, the chart's range.
 */
export function eventsQueryFor(target: { range: TimeRangeId; day?: string; account?: string; eventName?: string; principal?: string; error?: string; deniedOnly?: boolean; readOnly?: boolean }): string {
  const terms: string[] = [];
  if (target.account) terms.push(`account:${quoteValue(target.account)}`);
  if (target.eventName) terms.push(`eventname:${quoteValue(target.eventName)}`);
  if (target.principal) terms.push(`principal:${quoteValue(target.principal)}`);
  if (target.error) terms.push(`error:${target.error === '*' ? '*' : quoteValue(target.error)}`);
  if (target.deniedOnly) terms.push(`error:${DENIED_ERRORS}`);
  if (target.readOnly !== undefined) terms.push(`readonly:${target.readOnly}`);
  if (target.day) terms.push(`time:${target.day}`);
  else {
    const since = rangeTerm(target.range);
    if (since) terms.push(since);
  }
  return terms.join(' ');
}

/** Keeps the `max` busiest accounts and folds the rest into one `other` series. */
export function groupAccounts(perDay: readonly DayCount[], max: number, other: string): { perDay: DayCount[]; accounts: string[] } {
  const ranked = accountsByVolume(perDay);
  if (ranked.length <= max + 1) return { perDay: [...perDay], accounts: ranked };
  const kept = new Set(ranked.slice(0, max));
  return { perDay: perDay.map((d) => (kept.has(d.account) ? d : { ...d, account: other })), accounts: [...ranked.slice(0, max), other] };
}
