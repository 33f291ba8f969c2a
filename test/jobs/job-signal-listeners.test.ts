import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../src/main/core/event-bus';
import { JOB_SIGNAL_LISTENERS, createJobRunner } from '../../src/main/services/jobs/job-runner';

/**
 * A sync waits on one job signal from every account-region at once (rate gates, requests,
 * sign-in waits). Node warns of a leak past 10 listeners on one signal, which the demo
 * workspace's first sync printed to the terminal.
 */
describe('a job signal with many listeners', () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  afterEach(() => {
    process.off('warning', onWarning);
    warnings.length = 0;
  });

  it('takes one listener per account-region of a large workspace without a leak warning, and cancel reaches each', async () => {
    process.on('warning', onWarning);
    const jobs = createJobRunner({ bus: createEventBus() });
    const waiters = 200;
    let cancelled = 0;
    const { jobId, done } = jobs.start({
      kind: 'test',
      title: 'many waiters',
      run: (ctx) =>
        Promise.all(
          Array.from({ length: waiters }, () => new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(void (cancelled += 1)), { once: true }))),
        ),
    });
    jobs.cancel(jobId);
    await done.catch(() => undefined);
    // Node emits the warning on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(cancelled).toBe(waiters);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    expect(waiters).toBeLessThan(JOB_SIGNAL_LISTENERS);
  });
});
