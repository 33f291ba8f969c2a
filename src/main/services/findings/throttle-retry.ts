import { setTimeout as delay } from 'node:timers/promises';
import { awsErrorName, isAbortError } from '../../aws/aws-errors';

const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded', 'SlowDown']);

export function isThrottlingError(error: unknown): boolean {
  const name = awsErrorName(error);
  if (name && THROTTLED.has(name)) return true;
  const retryable = (error as { $retryable?: { throttling?: boolean } } | undefined)?.$retryable;
  return retryable?.throttling === true;
}

export interface ThrottleRetryOptions {
  signal?: AbortSignal;
  /** Extra attempts after the SDK's own retries gave up on throttling. */
  attempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * The SDK already retries a throttled call (three attempts, with back-off). A sync of a large
 * organisation makes thousands of GetFindingV2 calls, so a burst can outlast that: wait longer
 * and try again rather than lose the account-region. Anything else is the caller's to handle.
 */
export async function withThrottleRetry<T>(fn: () => Promise<T>, opts: ThrottleRetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 4;
  const base = opts.baseDelayMs ?? 1000;
  // Node's own abortable timer: it rejects with an AbortError when the signal fires.
  const sleep = opts.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isThrottlingError(error) || isAbortError(error) || opts.signal?.aborted) throw error;
      await sleep(base * 2 ** attempt, opts.signal);
    }
  }
}
