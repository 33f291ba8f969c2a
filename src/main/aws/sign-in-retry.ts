import type { JobContext } from '../services/jobs/job-runner';
import { isTokenExpiredError } from './aws-errors';

/** What withSignInRetry needs from the sessions service. */
export interface SignInWaiter {
  /** The SSO session a profile's credentials come from, if any. */
  sessionFor(profile: string): Promise<{ id: string; label: string } | undefined>;
  /** Drops the profile's cached credentials so the next call fetches new ones. */
  invalidate(profile: string): void;
  /** New credentials without the user (a token renewal); true if that worked. */
  recover(profile: string): Promise<boolean>;
  /** Resolves at the session's next successful sign-in; rejects when `signal` aborts. */
  waitForSignIn(sessionId: string, signal: AbortSignal): Promise<void>;
}

/**
 * Runs one AWS call for a job and survives the sign-in running out under it: on an expired or
 * refused token it first tries to renew silently; if the user must act, the job pauses with
 * "Sign in again to …", waits for that sign-in, resumes and retries the same call. The caller
 * keeps its own state (pages fetched, cursors), so nothing already fetched is lost.
 */
export async function withSignInRetry<T>(waiter: SignInWaiter, profile: string, ctx: JobContext, fn: () => Promise<T>): Promise<T> {
  let triedSilently = false;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!isTokenExpiredError(error) || ctx.signal.aborted) throw error;
      waiter.invalidate(profile);
      if (!triedSilently) {
        triedSilently = true;
        if (await waiter.recover(profile)) continue;
      }
      const session = await waiter.sessionFor(profile);
      // Nothing to sign in to (keys, a process): fresh credentials did not help, so this is final.
      if (!session) throw error;
      ctx.pause(`Sign in again to ${session.label}`);
      await waiter.waitForSignIn(session.id, ctx.signal);
      ctx.resume();
      triedSilently = false;
    }
  }
}
