import { AppError } from '../../../shared/ipc/result';

/**
 * Jobs paused for a sign-in wait here; the sessions service calls `signedIn` after each
 * successful sign-in (or silent renewal) of a session.
 */
export interface SignInWaiters {
  wait(sessionId: string, signal: AbortSignal): Promise<void>;
  signedIn(sessionId: string): void;
  count(sessionId: string): number;
}

export function createSignInWaiters(): SignInWaiters {
  const waiting = new Map<string, Set<() => void>>();
  return {
    wait(sessionId, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(new AppError('cancelled', 'Cancelled.'));
        const set = waiting.get(sessionId) ?? new Set();
        waiting.set(sessionId, set);
        const done = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          set.delete(done);
          reject(new AppError('cancelled', 'Cancelled.'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        set.add(done);
      });
    },
    signedIn(sessionId) {
      const set = waiting.get(sessionId);
      waiting.delete(sessionId);
      for (const resolve of set ?? []) resolve();
    },
    count: (sessionId) => waiting.get(sessionId)?.size ?? 0,
  };
}
