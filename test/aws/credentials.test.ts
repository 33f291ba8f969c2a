import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SSO_SESSION_NAME } from '../../src/emulator';
import { createCredentialCache } from '../../src/main/aws/credentials/credential-cache';
import { createTestSessions, MFA_SERIAL, startTestAws, type TestAws, type TestSessions } from './aws-test-env';

type MfaEvent = { requestId: string; profile: string; mfaSerial: string };

describe('credentials for every profile kind, against the emulator', () => {
  let aws: TestAws;
  let t: TestSessions;
  beforeAll(async () => {
    aws = await startTestAws();
  });
  afterAll(async () => aws.stop());
  afterEach(async () => t?.close());

  /** Answers the next MFA prompt with `code` (or cancels), as the renderer's dialog would. */
  function answerMfa(answer: string | 'cancel') {
    const seen: MfaEvent[] = [];
    const stop = t.bus.subscribe((event, payload) => {
      if (event !== 'sessions:mfa-required') return;
      const request = payload as MfaEvent;
      seen.push(request);
      queueMicrotask(() => (answer === 'cancel' ? t.sessions.cancelMfa(request.requestId) : t.sessions.provideMfa(request.requestId, answer)));
    });
    return { seen, stop };
  }

  it('static keys from the credentials file', async () => {
    t = createTestSessions(aws);
    const id = await t.sessions.identity('demo-log-archive-keys');
    expect(id).toMatchObject({ account: aws.account('log-archive'), arn: `arn:aws:iam::${aws.account('log-archive')}:user/auditdesk-demo` });
  });

  it('a role chained from keys (fromIni, our STS at the endpoint_url), one and two hops', async () => {
    t = createTestSessions(aws);
    const one = await t.sessions.identity('demo-audit-role');
    expect(one.arn).toBe(`arn:aws:sts::${aws.emulator.profiles.find((p) => p.name === 'demo-audit-role')?.accountId}:assumed-role/AuditdeskReadOnly/auditdesk-demo`);
    const two = await t.sessions.identity('keys-chain-2');
    expect(two.account).toBe(aws.account('staging'));
    expect(two.arn).toContain(':assumed-role/OrganizationAccountAccessRole/');
  });

  it('a role with credential_source = Environment assumes the role from the environment keys', async () => {
    t = createTestSessions(aws);
    const files = await loadSharedConfigFiles({ filepath: aws.emulator.credentialsFile, configFilepath: aws.emulator.configFile, ignoreCache: true });
    const keys = files.credentialsFile['demo-security-audit-keys'];
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = keys?.aws_access_key_id;
    process.env.AWS_SECRET_ACCESS_KEY = keys?.aws_secret_access_key;
    try {
      const id = await t.sessions.identity('env-source');
      expect(id.arn).toMatch(new RegExp(`^arn:aws:sts::${aws.account('prod-web')}:assumed-role/AuditdeskReadOnly/`));
    } finally {
      restoreEnv('AWS_ACCESS_KEY_ID', saved.id);
      restoreEnv('AWS_SECRET_ACCESS_KEY', saved.secret);
    }
  });

  it('a role with mfa_serial asks the app for the code once, then uses cached credentials', async () => {
    t = createTestSessions(aws);
    const mfa = answerMfa('123456');
    const id = await t.sessions.identity('keys-mfa');
    expect(id.arn).toContain(`${aws.account('prod-payments')}:assumed-role/AuditdeskMfaRole/`);
    expect(mfa.seen).toEqual([{ requestId: expect.any(String), profile: 'keys-mfa', mfaSerial: MFA_SERIAL }]);
    expect(t.events.filter((e) => e.event === 'sessions:mfa-closed')).toHaveLength(1);
    await t.sessions.identity('keys-mfa');
    expect(mfa.seen).toHaveLength(1);
    const listed = (await t.sessions.list()).profiles.find((p) => p.profile === 'keys-mfa');
    expect(listed).toMatchObject({ status: 'signed-in', identity: { account: aws.account('prod-payments') } });
    expect(Date.parse(listed?.expiresAt ?? '')).toBeGreaterThan(Date.now());
    mfa.stop();
  });

  it('a wrong MFA code is STS AccessDenied; a cancelled prompt is a coded error', async () => {
    t = createTestSessions(aws);
    const wrong = answerMfa('000000');
    await expect(t.sessions.identity('keys-mfa')).rejects.toMatchObject({ name: 'AccessDenied' });
    wrong.stop();
    const cancel = answerMfa('cancel');
    await expect(t.sessions.identity('keys-mfa')).rejects.toMatchObject({ code: 'sessions:mfa-cancelled' });
    cancel.stop();
    expect((await t.sessions.list()).profiles.find((p) => p.profile === 'keys-mfa')?.status).toBe('error');
  });

  it('credential_process, and a role chained from it', async () => {
    t = createTestSessions(aws);
    expect(await t.sessions.identity('proc')).toMatchObject({ account: aws.account('log-archive'), arn: expect.stringContaining(':user/auditdesk-demo') });
    expect(await t.sessions.identity('proc-chain')).toMatchObject({ account: aws.account('dev-sandbox'), arn: expect.stringContaining(':assumed-role/AuditdeskReadOnly/') });
  });

  it('web identity (a token file), through our STS at the endpoint_url', async () => {
    t = createTestSessions(aws);
    expect(await t.sessions.identity('web')).toMatchObject({
      account: aws.account('log-archive'),
      arn: `arn:aws:sts::${aws.account('log-archive')}:assumed-role/AuditdeskReadOnly/ci-run`,
    });
  });

  it('roles chained from an SSO profile, with and without MFA, from our token cache', async () => {
    t = createTestSessions(aws);
    await expect(t.sessions.identity('sso-chain')).rejects.toMatchObject({ code: 'sessions:sign-in-required' });
    // Signing in on the role profile signs in to the session at the root of its chain.
    const session = await t.sessions.signIn({ profile: 'sso-chain' });
    expect(session.ssoSession).toBe(SSO_SESSION_NAME);
    expect(await t.sessions.identity('sso-chain')).toMatchObject({
      account: aws.account('prod-web'),
      arn: `arn:aws:sts::${aws.account('prod-web')}:assumed-role/AuditdeskReadOnly/sso-chain`,
    });
    const mfa = answerMfa('123456');
    expect((await t.sessions.identity('sso-chain-mfa')).arn).toContain(`${aws.account('staging')}:assumed-role/AuditdeskMfaRole/`);
    expect(mfa.seen).toHaveLength(1);
    mfa.stop();
    const listed = (await t.sessions.list()).profiles.find((p) => p.profile === 'sso-chain');
    expect(listed).toMatchObject({ status: 'signed-in', sessionId: `sso-session:${SSO_SESSION_NAME}`, kind: 'role' });
    expect(listed?.regions).toEqual(['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']);
  });

  it('every client gets the profile endpoint and region; one client per profile and region', async () => {
    t = createTestSessions(aws);
    const a = await t.sessions.clients.cloudTrail('demo-audit-role');
    const b = await t.sessions.clients.cloudTrail('demo-audit-role');
    const c = await t.sessions.clients.cloudTrail('demo-audit-role', 'eu-west-1');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(await a.config.region()).toBe('us-east-1');
    const endpoint = await a.config.endpoint?.();
    expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe(aws.emulator.endpoint);
  });
});

describe('the credential cache', () => {
  it('keeps credentials until five minutes before they expire, and shares one fetch between callers', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    let fetches = 0;
    const cache = createCredentialCache({
      now: () => now,
      resolve: async () => {
        fetches++;
        return { accessKeyId: `ASIA${fetches}`, secretAccessKey: 's', expiration: new Date(now.getTime() + 3600_000) };
      },
    });
    const [a, b] = await Promise.all([cache.get('p'), cache.get('p')]);
    expect(a).toBe(b);
    expect(fetches).toBe(1);
    now = new Date(now.getTime() + 54 * 60_000);
    expect((await cache.get('p')).accessKeyId).toBe('ASIA1');
    now = new Date(now.getTime() + 2 * 60_000);
    expect((await cache.get('p')).accessKeyId).toBe('ASIA2');
    cache.invalidate('p');
    expect((await cache.get('p')).accessKeyId).toBe('ASIA3');
    expect(cache.peek('other')).toBeUndefined();
  });

  it('does not keep credentials fetched across an invalidation', async () => {
    let release!: () => void;
    const cache = createCredentialCache({
      now: () => new Date(),
      resolve: () => new Promise((resolve) => (release = () => resolve({ accessKeyId: 'AKIAOLD', secretAccessKey: 's' }))),
    });
    const pending = cache.get('p');
    cache.invalidate();
    release();
    await pending;
    expect(cache.peek('p')).toBeUndefined();
  });
});

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
