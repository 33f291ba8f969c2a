import { setTimeout as delay } from 'node:timers/promises';
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
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (signal?.aborted) throw new AppError(SessionErrorCode.signInCancelled, 'The sign-in was cancelled.');
    throw error;
  }
}
