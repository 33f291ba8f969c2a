import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_SESSION_NAME } from '../../src/emulator';
import type { JobSummary } from '../../src/shared/ipc/channels/jobs';
import { createJobRunner } from '../../src/main/services/jobs/job-runner';
import { createTestSessions, startTestAws, type TestAws, type TestSessions } from '../aws/aws-test-env';

const PROFILE = 'demo-security-audit';

describe('a job whose sign-in runs out mid-way', () => {
  let aws: TestAws;
  let t: TestSessions;
  beforeAll(async () => {
    aws = await startTestAws();
    t = createTestSessions(aws);
    await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME });
  });
  afterAll(async () => {
    await t.close();
    await aws.stop();
  });

  /**
   * A fake sync: reads three pages of events, one call each, keeping what it fetched. Between
   * pages it lets the test act on the emulator (expire the token).
   */
  function startJob(betweenPages: (page: number) => Promise<void>) {
    const jobs = createJobRunner({ bus: t.bus });
    const states: JobSummary[] = [];
    t.bus.subscribe((event, payload) => {
      if (event === 'jobs:progress') states.push((payload as { job: JobSummary }).job);
    });
    const { done } = jobs.start({
      kind: 'test-sync',
      title: 'Three pages',
      run: async (ctx) => {
        const fetched: number[] = [];
        const client = await t.sessions.clients.cloudTrail(PROFILE);
        let nextToken: string | undefined;
        for (let page = 1; page <= 3; page++) {
          const out = await t.sessions.withSignInRetry(PROFILE, ctx, () =>
            client.send(new LookupEventsCommand({ MaxResults: 5, NextToken: nextToken }), { abortSignal: ctx.signal }),
          );
          nextToken = out.NextToken;
          fetched.push(out.Events?.length ?? 0);
          ctx.progress({ current: page, total: 3 });
          await betweenPages(page);
        }
        return fetched;
      },
    });
    return { done, states };
  }

  it('renews silently when it can: no pause', async () => {
    const { done, states } = startJob(async (page) => {
      if (page === 1) aws.emulator.admin.expireToken({ all: true });
    });
    expect(await done).toEqual([5, 5, 5]);
    expect(states.some((s) => s.state === 'paused')).toBe(false);
  });

  it('pauses with "Sign in again", resumes after the sign-in and retries the same call', async () => {
    let pageOneDone = false;
    const { done, states } = startJob(async (page) => {
      if (page !== 1) return;
      pageOneDone = true;
      // IAM Identity Center ended the session: tokens and credentials expire, and renewal is refused.
      aws.emulator.admin.setFaults({ accessDenied: [{ operation: 'CreateToken' }] });
      aws.emulator.admin.expireToken({ all: true });
    });
    await expect.poll(() => states.at(-1)?.state, { timeout: 10_000 }).toBe('paused');
    expect(pageOneDone).toBe(true);
    expect(states.at(-1)?.message).toBe(`Sign in again to sso-session "${SSO_SESSION_NAME}"`);
    const session = (await t.sessions.list()).sessions.find((s) => s.ssoSession === SSO_SESSION_NAME);
    expect(session?.status).toBe('expired');

    aws.emulator.admin.resetFaults();
    await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME }, { flow: 'device' });
    expect(await done).toEqual([5, 5, 5]);
    const afterPause = states.slice(states.findIndex((s) => s.state === 'paused'));
    expect(afterPause.map((s) => s.state)).toContain('running');
    expect(states.at(-1)?.state).toBe('done');
  });

  it('a cancelled job stops waiting for the sign-in', async () => {
    const jobs = createJobRunner({ bus: t.bus });
    aws.emulator.admin.setFaults({ accessDenied: [{ operation: 'CreateToken' }] });
    aws.emulator.admin.expireToken({ all: true });
    const paused = new Promise<void>((resolve) => t.bus.subscribe((event, payload) => event === 'jobs:progress' && (payload as { job: JobSummary }).job.state === 'paused' && resolve()));
    const { jobId, done } = jobs.start({
      kind: 'test-sync',
      title: 'One call',
      run: async (ctx) => {
        const client = await t.sessions.clients.cloudTrail(PROFILE);
        return t.sessions.withSignInRetry(PROFILE, ctx, () => client.send(new LookupEventsCommand({ MaxResults: 1 }), { abortSignal: ctx.signal }));
      },
    });
    await paused;
    jobs.cancel(jobId);
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    aws.emulator.admin.resetFaults();
  });
});
