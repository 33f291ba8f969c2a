import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SSO_SESSION_NAME } from '../../src/emulator';
import { ssoCacheDir, tokenCachePath } from '../../src/main/aws/sso/token-cache';
import { startLoopbackListener } from '../../src/main/aws/sso/loopback-listener';
import { createTestSessions, startTestAws, type TestAws, type TestSessions } from './aws-test-env';

const cacheFile = (aws: TestAws) => tokenCachePath(aws.home, createHash('sha1').update(SSO_SESSION_NAME).digest('hex'));
const readToken = async (aws: TestAws) => JSON.parse(await readFile(cacheFile(aws), 'utf8')) as Record<string, string>;

describe('IAM Identity Center sign-in against the emulator', () => {
  let aws: TestAws;
  let t: TestSessions | undefined;
  beforeAll(async () => {
    aws = await startTestAws();
  });
  afterAll(async () => aws.stop());
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('signs in with authorization code + PKCE through the loopback listener, and caches the token as the AWS CLI does', async () => {
    t = createTestSessions(aws);
    const session = await t.sessions.signIn({ profile: 'demo-security-audit' });
    expect(session).toMatchObject({ id: `sso-session:${SSO_SESSION_NAME}`, ssoSession: SSO_SESSION_NAME, status: 'signed-in', refreshable: true });

    const authorize = new URL(t.opened[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${aws.emulator.endpoint}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('scopes')).toBe('sso:account:access');

    const token = await readToken(aws);
    expect(Object.keys(token)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
    expect(token.startUrl).toBe(aws.emulator.world.sso.startUrl);
    expect(token.region).toBe('us-east-1');
    expect(token.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(token.registrationExpiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(session.expiresAt).toBe(token.expiresAt);
    expect((await stat(cacheFile(aws))).mode & 0o777).toBe(0o600);
    expect((await stat(ssoCacheDir(aws.home))).mode & 0o777).toBe(0o700);

    // The session's profiles get credentials from it.
    const identity = await t.sessions.identity('demo-security-audit');
    expect(identity.account).toBe(aws.account('security-audit'));
    expect(identity.arn).toMatch(/:assumed-role\/AWSReservedSSO_AuditReadOnly_[0-9a-f]{16}\/alex\.auditor@/);
  });

  it('reuses the cached client registration on the next sign-in', async () => {
    t = createTestSessions(aws);
    const before = await readToken(aws);
    const files = await readdir(ssoCacheDir(aws.home));
    await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME });
    const after = await readToken(aws);
    expect(after.clientId).toBe(before.clientId);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await readdir(ssoCacheDir(aws.home))).toEqual(files);
  });

  it('signs in with a device code shown in the app when asked for the device flow', async () => {
    t = createTestSessions(aws);
    const session = await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME }, { flow: 'device' });
    expect(session.status).toBe('signed-in');
    const prompt = t.events.find((e) => e.event === 'sessions:device-code')?.payload as { userCode: string; verificationUri: string; sessionId: string };
    expect(prompt.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(prompt.verificationUri).toBe(`${aws.emulator.endpoint}/device`);
    expect(prompt.sessionId).toBe(`sso-session:${SSO_SESSION_NAME}`);
    expect(t.opened).toEqual([`${aws.emulator.endpoint}/device?user_code=${prompt.userCode}`]);
  });

  it('shows the code in the session list while the device sign-in waits, and cancels on request', async () => {
    t = createTestSessions(aws, { browser: 'none' });
    const waiting = t.sessions.signIn({ ssoSession: SSO_SESSION_NAME }, { flow: 'device' });
    await expect.poll(() => t?.events.some((e) => e.event === 'sessions:device-code')).toBe(true);
    const listed = (await t.sessions.list()).sessions.find((s) => s.ssoSession === SSO_SESSION_NAME);
    expect(listed?.status).toBe('signing-in');
    expect(listed?.deviceCode?.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(await t.sessions.cancelSignIn({ ssoSession: SSO_SESSION_NAME })).toBe(true);
    await expect(waiting).rejects.toMatchObject({ code: 'sessions:sign-in-cancelled' });
  });

  it('reports a sign-in denied in the browser with a coded error', async () => {
    t = createTestSessions(aws, { browser: 'deny' });
    await expect(t.sessions.signIn({ ssoSession: SSO_SESSION_NAME })).rejects.toMatchObject({ code: 'sessions:sign-in-denied' });
    await expect(t.sessions.signIn({ ssoSession: SSO_SESSION_NAME }, { flow: 'device' })).rejects.toMatchObject({ code: 'sessions:sign-in-denied' });
  });

  it('signs in a legacy profile (start URL in the profile) with the device flow, without a refresh token', async () => {
    t = createTestSessions(aws);
    const session = await t.sessions.signIn({ profile: 'legacy' });
    expect(session).toMatchObject({ id: `sso-legacy:${aws.emulator.world.sso.startUrl}`, status: 'signed-in', refreshable: false });
    const legacyFile = tokenCachePath(aws.home, createHash('sha1').update(aws.emulator.world.sso.startUrl).digest('hex'));
    const token = JSON.parse(await readFile(legacyFile, 'utf8')) as Record<string, string>;
    expect(token.refreshToken).toBeUndefined();
    expect((await t.sessions.identity('legacy')).account).toBe(aws.account('log-archive'));
  });

  it('renews a token near its expiry with the refresh token before using it', async () => {
    t = createTestSessions(aws);
    await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME });
    const signedIn = await readToken(aws);
    // Two minutes left: inside the five-minute window.
    await writeFile(cacheFile(aws), JSON.stringify({ ...signedIn, expiresAt: new Date(Date.now() + 120_000).toISOString() }));
    expect((await t.sessions.list()).sessions.find((s) => s.ssoSession === SSO_SESSION_NAME)?.status).toBe('expiring');
    await t.sessions.identity('demo-log-archive');
    const renewed = await readToken(aws);
    expect(renewed.accessToken).not.toBe(signedIn.accessToken);
    expect(renewed.refreshToken).not.toBe(signedIn.refreshToken);
    expect(Date.parse(renewed.expiresAt ?? '')).toBeGreaterThan(Date.now() + 3600_000);
    expect((await stat(cacheFile(aws))).mode & 0o777).toBe(0o600);
    expect(t.logs.some((l) => l.includes('renewed the token'))).toBe(true);
    expect((await t.sessions.list()).sessions.find((s) => s.ssoSession === SSO_SESSION_NAME)?.status).toBe('signed-in');
  });

  it('is read back by a second service instance without a new sign-in', async () => {
    t = createTestSessions(aws);
    await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME });
    const second = createTestSessions(aws, { browser: 'none' });
    try {
      const listed = await second.sessions.list();
      expect(listed.sessions.find((s) => s.ssoSession === SSO_SESSION_NAME)?.status).toBe('signed-in');
      expect((await second.sessions.identity('demo-prod-web')).account).toBe(aws.account('prod-web'));
      expect(second.opened).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('signs out: Logout at IAM Identity Center and the cached token file is deleted', async () => {
    t = createTestSessions(aws);
    await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME });
    const { accessToken } = await readToken(aws);
    const out = await t.sessions.signOut({ profile: 'demo-management' });
    expect(out.status).toBe('signed-out');
    await expect(stat(cacheFile(aws))).rejects.toMatchObject({ code: 'ENOENT' });
    const portal = new SSOClient({ region: 'us-east-1', endpoint: aws.emulator.endpoint });
    await expect(portal.send(new ListAccountsCommand({ accessToken }))).rejects.toMatchObject({ name: 'UnauthorizedException' });
    portal.destroy();
    await expect(t.sessions.identity('demo-management')).rejects.toMatchObject({ code: 'sessions:sign-in-required' });
    const profile = (await t.sessions.list()).profiles.find((p) => p.profile === 'demo-management');
    expect(profile).toMatchObject({ status: 'signed-out', sessionId: `sso-session:${SSO_SESSION_NAME}` });
  });
});

describe('the loopback listener', () => {
  it('answers only its own state, then hands over the code', async () => {
    const listener = await startLoopbackListener({ state: 'expected-state' });
    try {
      const wrong = await fetch(`${listener.redirectUri}?code=stolen&state=other`);
      expect(wrong.status).toBe(400);
      const notFound = await fetch(listener.redirectUri.replace('/oauth/callback', '/elsewhere'));
      expect(notFound.status).toBe(404);
      const right = await fetch(`${listener.redirectUri}?code=the-code&state=expected-state`);
      expect(right.status).toBe(200);
      expect(right.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await right.text()).not.toContain('the-code');
      await expect(listener.code).resolves.toBe('the-code');
    } finally {
      await listener.close();
    }
  });

  it('listens on 127.0.0.1 only and stops on abort', async () => {
    const controller = new AbortController();
    const listener = await startLoopbackListener({ state: 's', signal: controller.signal });
    expect(new URL(listener.redirectUri).hostname).toBe('127.0.0.1');
    controller.abort();
    await expect(listener.code).rejects.toMatchObject({ code: 'sessions:sign-in-cancelled' });
    await listener.close();
  });
});


describe('the token cache, shared with the AWS CLI and SDKs', () => {
  let aws: TestAws;
  beforeAll(async () => {
    aws = await startTestAws();
  });
  afterAll(async () => aws.stop());

  it('is read by the AWS SDK in another process, from that process\'s $HOME', async () => {
    const t = createTestSessions(aws);
    try {
      await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME });
    } finally {
      await t.close();
    }
    const { execFile } = await import('node:child_process');
    const script = join(import.meta.dirname, 'fixtures', 'sdk-whoami.mjs');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [script],
        { env: { PATH: process.env.PATH, ...aws.env, AWS_PROFILE: 'demo-prod-payments', EMULATOR_ENDPOINT: aws.emulator.endpoint }, cwd: join(import.meta.dirname, '..', '..') },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      );
    });
    expect(JSON.parse(stdout)).toMatchObject({ account: aws.account('prod-payments') });
  });
});

describe('background renewal', () => {
  let aws: TestAws;
  beforeAll(async () => {
    // Six-second tokens: the renewal timer fires half-way, with no call to trigger it.
    aws = await startTestAws({ ssoTokenTtlSeconds: 6 });
  });
  afterAll(async () => aws.stop());

  it('renews a refreshable token before it expires, without being asked', async () => {
    const t = createTestSessions(aws);
    try {
      await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME });
      const first = (await readToken(aws)).accessToken;
      await expect.poll(async () => (await readToken(aws)).accessToken, { timeout: 10_000, interval: 250 }).not.toBe(first);
      expect(t.events.some((e) => e.event === 'sessions:changed')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
