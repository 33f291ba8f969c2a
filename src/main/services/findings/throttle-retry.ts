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
  const sleep = opts.sleep ?? abortableDelay;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isThrottlingError(error) || isAbortError(error) || opts.signal?.aborted) throw error;
      await sleep(base * 2 ** attempt, opts.signal);
    }
  }
}

function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}
