import { describe, expect, it } from 'vitest';
import { accountsByVolume, chartDays, dayLabel, eventsQueryFor, groupAccounts, pivotByDay, totalsByDay } from './activity-data';

const perDay = [
  { day: '2024-05-01', account: '111111111111', count: 3 },
  { day: '2024-05-01', account: '222222222222', count: 5 },
  { day: '2024-05-03', account: '111111111111', count: 4 },
];

describe('activity chart data', () => {
  it('orders accounts busiest first', () => {
    expect(accountsByVolume(perDay)).toEqual(['111111111111', '222222222222']);
  });

  it('shows quiet days as zero rows', () => {
    const days = chartDays('all', Date.parse('2024-05-04T10:00:00Z'), perDay);
    expect(days).toEqual(['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04']);
    const rows = pivotByDay(perDay, days, ['111111111111', '222222222222']);
    expect(rows[1]).toEqual({ day: '2024-05-02', total: 0, '111111111111': 0, '222222222222': 0 });
    expect(rows[0]).toMatchObject({ total: 8, '222222222222': 5 });
    expect(chartDays('7d', Date.parse('2024-05-04T10:00:00Z'), [])).toHaveLength(8);
    expect(chartDays('all', Date.now(), [])).toEqual([]);
  });

  it('folds the quietest accounts into one series', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ day: '2024-05-01', account: String(i).padStart(12, '0'), count: 10 - i }));
    const grouped = groupAccounts(many, 7, 'Other accounts');
    expect(grouped.accounts).toHaveLength(8);
    expect(grouped.accounts.at(-1)).toBe('Other accounts');
    expect(totalsByDay(grouped.perDay).get('2024-05-01')).toBe(55);
    expect(groupAccounts(many.slice(0, 8), 7, 'Other').accounts).toHaveLength(8);
  });

  it('labels UTC days without a time zone', () => {
    expect(dayLabel('2024-05-01')).toBe('May 1');
    expect(dayLabel('2024-12-31')).toBe('Dec 31');
    expect(dayLabel('odd')).toBe('odd');
  });

  it('builds the Events query behind a chart point', () => {
    expect(eventsQueryFor({ range: '30d', day: '2024-05-01', account: '111111111111' })).toBe('account:111111111111 time:2024-05-01');
    expect(eventsQueryFor({ range: '7d', principal: 'role/Admin/a b' })).toBe('principal:"role/Admin/a b" since:7d');
    expect(eventsQueryFor({ range: 'all', eventName: 'ConsoleLogin' })).toBe('eventname:ConsoleLogin');
    expect(eventsQueryFor({ range: '24h', day: '2024-05-01', deniedOnly: true })).toBe('error:*AccessDenied*,*Unauthorized*,*Forbidden* time:2024-05-01');
    expect(eventsQueryFor({ range: '90d', readOnly: false })).toBe('readonly:false since:90d');
  });
});
