import { describe, expect, it } from 'vitest';
import { eventsHash, queryFromHash } from './events-hash';
import { formatUtcTime, plural, shortSource } from './event-format';
import { daysBetween, rangeFilters, rangeTerm } from './time-range';

describe('events deep links', () => {
  it('round-trips a query through the hash', () => {
    const query = 'account:111111111111 time:2024-05-01 principal:"a b" +x&y=z';
    expect(queryFromHash(eventsHash(query))).toBe(query);
    expect(queryFromHash('#/events')).toBeUndefined();
    expect(queryFromHash('#/activity?q=x')).toBeUndefined();
    expect(eventsHash('')).toBe('#/events');
  });
});

describe('time ranges', () => {
  it('turns a quick pick into a from bound and a relative term', () => {
    const now = Date.parse('2024-05-31T12:00:00Z');
    expect(rangeFilters('24h', now)).toEqual({ from: '2024-05-30T12:00:00.000Z' });
    expect(rangeFilters('all', now)).toBeUndefined();
    expect(rangeTerm('7d')).toBe('since:7d');
    expect(rangeTerm('all')).toBeUndefined();
  });

  it('lists every UTC day of a span', () => {
    expect(daysBetween(Date.parse('2024-02-27T23:00:00Z'), Date.parse('2024-03-01T01:00:00Z'))).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
  });
});

describe('event formatting', () => {
  it('shortens AWS sources and prints UTC to the second', () => {
    expect(shortSource('iam.amazonaws.com')).toBe('iam');
    expect(shortSource('partner.example.com')).toBe('partner.example.com');
    expect(shortSource(null)).toBe('—');
    expect(formatUtcTime('2024-05-31T14:03:07Z')).toBe('2024-05-31 14:03:07 UTC');
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(12345, 'event')).toBe('12,345 events');
  });
});
