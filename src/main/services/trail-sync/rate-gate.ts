/**
 * Paces the requests of one account-region so LookupEvents stays at its documented limit (two
 * requests per second per account per Region) without crossing it. Two rules together:
 * - slots on a fixed grid 1/rate apart (plus a small margin), so a timer that fires late does not
 *   push every later request back (the grid, not the late send, sets the next slot);
 * - never more than `rate` sends in any one-second window, counted on the actual send times, so a
 *   late send followed by an on-time one cannot put three requests in one second on the wire.
 */
export interface RateGate {
  /** Waits for the next free slot; rejects with the signal's reason when it aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** The service answered ThrottlingException: slow down (and recover slowly afterwards). */
  throttled(): void;
  /** A call went through: drift back toward the nominal rate. */
  succeeded(): void;
  /** Milliseconds between slots right now (for status lines and tests). */
  intervalMs(): number;
}

export interface RateGateOptions {
  /** Nominal requests per second (LookupEvents: 2). */
  ratePerSecond: number;
  /** Extra spacing on top of 1/rate and on the one-second window, as a fraction (default 1%). */
  margin?: number;
  /** Longest spacing adaptive back-off may reach. */
  maxIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function createRateGate(opts: RateGateOptions): RateGate {
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? abortableSleep;
  const margin = opts.margin ?? 0.01;
  const perWindow = Math.max(1, Math.floor(opts.ratePerSecond));
  const windowMs = 1000 * (1 + margin);
  const base = (1000 / opts.ratePerSecond) * (1 + margin);
  const max = opts.maxIntervalMs ?? 16_000;
  let interval = base;
  let nextAt = -Infinity;
  /** Send times of the last `perWindow` requests, oldest first. */
  const sent: number[] = [];
  let turn: Promise<void> = Promise.resolve();

  return {
    acquire(signal) {
      // One caller at a time: each waits for its slot and records its send before the next decides.
      const mine = turn.then(async () => {
        signal?.throwIfAborted();
        const slot = Math.max(now(), nextAt);
        nextAt = slot + interval;
        const windowOpen = sent.length < perWindow ? -Infinity : sent[0]! + windowMs;
        const wait = Math.max(slot, windowOpen) - now();
        if (wait > 0) await sleep(wait, signal);
        sent.push(now());
        if (sent.length > perWindow) sent.shift();
      });
      turn = mine.catch(() => undefined);
      return mine;
    },
    throttled() {
      interval = Math.min(max, interval * 2);
      // The next request waits out the longer gap, counted from now.
      nextAt = Math.max(nextAt, now() + interval);
    },
    succeeded() {
      interval = Math.max(base, interval / 1.5);
    },
    intervalMs: () => interval,
  };
}

/** Registry of gates by key; two profiles of one account share the account-region's gate. */
export interface RateGates {
  forAccountRegion(accountId: string, region: string): RateGate;
}

export function createRateGates(make: () => RateGate): RateGates {
  const gates = new Map<string, RateGate>();
  return {
    forAccountRegion(accountId, region) {
      const key = `${accountId}/${region}`;
      let gate = gates.get(key);
      if (!gate) gates.set(key, (gate = make()));
      return gate;
    },
  };
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}
