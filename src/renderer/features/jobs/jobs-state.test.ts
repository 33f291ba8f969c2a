import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../shared/ipc/channels/jobs';
import { applyProgress, formatEta, mergeListed, percentDone, sortedJobs } from './jobs-state';

const job = (id: string, over: Partial<JobSummary> = {}): JobSummary => ({
  id,
  kind: 'trail-sync',
  title: `Job ${id}`,
  state: 'running',
  step: 'Starting',
  current: 0,
  startedAt: `2025-01-01T00:00:0${id}.000Z`,
  ...over,
});

describe('jobs state', () => {
  it('keeps an event newer than the list it raced with', () => {
    const fromEvent = applyProgress(new Map(), job('1', { current: 5 }));
    const merged = mergeListed(fromEvent, [job('1', { current: 1 }), job('2')]);
    expect(merged.get('1')?.current).toBe(5);
    expect(sortedJobs(merged).map((j) => j.id)).toEqual(['2', '1']);
  });

  it('computes a bounded percentage, unknown without a total', () => {
    expect(percentDone({ current: 3, total: 4, state: 'running' })).toBe(75);
    expect(percentDone({ current: 9, total: 4, state: 'running' })).toBe(100);
    expect(percentDone({ current: 3, state: 'running' })).toBeUndefined();
    expect(percentDone({ current: 0, total: 0, state: 'running' })).toBeUndefined();
    expect(percentDone({ current: 0, state: 'done' })).toBe(100);
  });

  it.each([
    [undefined, undefined],
    [-1, undefined],
    [1_000, 'a few seconds left'],
    [42_000, 'about 42 s left'],
    [150_000, 'about 3 min left'],
    [3_600_000, 'about 1 h left'],
    [3_900_000, 'about 1 h 5 min left'],
  ])('formatEta(%s) = %s', (ms, text) => {
    expect(formatEta(ms)).toBe(text);
  });
});
