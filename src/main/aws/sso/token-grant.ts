import { AppError } from '../../../shared/ipc/result';
import { SessionErrorCode } from '../aws-errors';

/** What CreateToken hands back, whichever grant produced it. */
export interface TokenGrant {
  accessToken: string;
  /** Seconds from now. */
  expiresIn: number;
  refreshToken?: string;
}

export function toTokenGrant(out: { accessToken?: string; expiresIn?: number; refreshToken?: string }): TokenGrant {
  if (!out.accessToken || !out.expiresIn) throw new AppError(SessionErrorCode.signInFailed, 'IAM Identity Center returned no token.');
  return { accessToken: out.accessToken, expiresIn: out.expiresIn, ...(out.refreshToken ? { refreshToken: out.refreshToken } : {}) };
}

/** Resolves after `ms`, or rejects with a cancel error as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new AppError(SessionErrorCode.signInCancelled, 'The sign-in was cancelled.');
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
