import { describe, expect, it } from 'vitest';
import { isTokenExpiredError, isAccessDeniedError, SignInRequiredError } from '../../src/main/aws/aws-errors';
import { createMfaBroker } from '../../src/main/aws/credentials/mfa-broker';
import { createMemorySecretStore, refusingSecretStore } from '../../src/main/aws/secret-store';
import { withSignInRetry, type SignInWaiter } from '../../src/main/aws/sign-in-retry';
import type { JobContext } from '../../src/main/services/jobs/job-runner';

function fakeJob(): JobContext & { log: string[] } {
  const log: string[] = [];
  return { jobId: 'j', signal: new AbortController().signal, log, progress: () => undefined, pause: (m) => log.push(`pause: ${m}`), resume: () => log.push('resume') };
}

const expired = Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException', $metadata: {} });

describe('withSignInRetry', () => {
  it('rethrows what is not about an expired sign-in, untouched', async () => {
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException', $metadata: {} });
    const waiter: SignInWaiter = { sessionFor: async () => undefined, invalidate: () => undefined, recover: async () => true, waitForSignIn: async () => undefined };
    await expect(withSignInRetry(waiter, 'p', fakeJob(), () => Promise.reject(denied))).rejects.toBe(denied);
  });

  it('gives up on a profile with nothing to sign in to once fresh credentials did not help', async () => {
    let calls = 0;
    const waiter: SignInWaiter = { sessionFor: async () => undefined, invalidate: () => undefined, recover: async () => true, waitForSignIn: async () => undefined };
    await expect(
      withSignInRetry(waiter, 'keys', fakeJob(), async () => {
        calls++;
        throw expired;
      }),
    ).rejects.toBe(expired);
    expect(calls).toBe(2);
  });

  it('pauses, waits for the sign-in, resumes and returns the retried call\'s result', async () => {
    const job = fakeJob();
    let signedIn = false;
    const waiter: SignInWaiter = {
      sessionFor: async () => ({ id: 's', label: 'sso-session "corp"' }),
      invalidate: () => job.log.push('invalidate'),
      recover: async () => false,
      waitForSignIn: async () => {
        signedIn = true;
      },
    };
    const result = await withSignInRetry(waiter, 'p', job, async () => {
      if (!signedIn) throw new SignInRequiredError('s', 'Sign in');
      return 'page 2';
    });
    expect(result).toBe('page 2');
    expect(job.log).toEqual(['invalidate', 'pause: Sign in again to sso-session "corp"', 'resume']);
  });
});

describe('error classification', () => {
  it('tells expiry from denial', () => {
    expect(isTokenExpiredError(expired)).toBe(true);
    expect(isTokenExpiredError(Object.assign(new Error('x'), { name: 'UnauthorizedException' }))).toBe(true);
    expect(isTokenExpiredError(new Error('Token is expired. To refresh this SSO session run aws sso login'))).toBe(true);
    expect(isTokenExpiredError(Object.assign(new Error('x'), { name: 'AccessDenied' }))).toBe(false);
    expect(isAccessDeniedError(Object.assign(new Error('x'), { name: 'AccessDenied' }))).toBe(true);
    expect(isAccessDeniedError(expired)).toBe(false);
  });
});

describe('the MFA broker', () => {
  it('times out a forgotten prompt with a coded error and closes it', async () => {
    const closed: string[] = [];
    const broker = createMfaBroker({ onRequest: () => undefined, onClosed: (id) => closed.push(id), timeoutMs: 20 });
    await expect(broker.request('p', 'arn:aws:iam::1:mfa/x')).rejects.toMatchObject({ code: 'sessions:mfa-cancelled' });
    expect(closed).toHaveLength(1);
    expect(broker.pending()).toEqual([]);
    expect(broker.provide('unknown', '123456')).toBe(false);
  });
});

describe('secret stores', () => {
  it('keeps secrets in memory, or refuses to keep them', async () => {
    const memory = createMemorySecretStore();
    await memory.set('k', 'v');
    expect(await memory.get('k')).toBe('v');
    await memory.delete('k');
    expect(await memory.get('k')).toBeUndefined();
    expect(refusingSecretStore.available).toBe(false);
    await expect(refusingSecretStore.set('k', 'v')).rejects.toThrow('No secure storage');
  });
});
