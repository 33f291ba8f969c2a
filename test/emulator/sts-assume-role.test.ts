import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  ExpiredTokenException,
  GetCallerIdentityCommand,
  InvalidIdentityTokenException,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_MFA_CODE } from '../../src/emulator/world/iam-roles';
import { keysFor, startTestEmulator, type TestEmulator } from './core-harness';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'k1' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('STS against the emulator', () => {
  let emu: TestEmulator;
  let keys: Creds;
  const client = (credentials: Creds, region = 'us-east-1'): STSClient =>
    new STSClient({ region, endpoint: emu.endpoint, credentials, maxAttempts: 1 });
  const roleArn = (accountIndex: number, role = 'AuditdeskReadOnly'): string => `arn:aws:iam::${emu.world.accounts[accountIndex]?.id}:role/${role}`;
  const fromResult = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined): Creds => ({
    accessKeyId: c?.AccessKeyId ?? '',
    secretAccessKey: c?.SecretAccessKey ?? '',
    sessionToken: c?.SessionToken ?? '',
  });
  const errorOf = (p: Promise<unknown>): Promise<STSServiceException> =>
    p.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e as STSServiceException,
    );

  beforeAll(async () => {
    emu = await startTestEmulator();
    keys = await keysFor(emu, 'security-audit');
  });
  afterAll(async () => emu.stop());

  it('GetCallerIdentity answers for the signing key in any region', async () => {
    const account = emu.world.accounts.find((a) => a.name === 'security-audit');
    for (const region of ['us-east-1', 'eu-central-1']) {
      const id = await client(keys, region).send(new GetCallerIdentityCommand({}));
      expect(id).toMatchObject({ Account: account?.id, Arn: `arn:aws:iam::${account?.id}:user/auditdesk-demo` });
    }
  });

  it('AssumeRole returns credentials for the role, honouring DurationSeconds, and they chain', async () => {
    const before = Date.now();
    const first = await client(keys).send(new AssumeRoleCommand({ RoleArn: roleArn(3), RoleSessionName: 'audit-1', DurationSeconds: 7200 }));
    const expiry = first.Credentials?.Expiration?.getTime() ?? 0;
    expect(expiry).toBeGreaterThanOrEqual(before + 7199_000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 7201_000);
    expect(first.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(first.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${emu.world.accounts[3]?.id}:assumed-role/AuditdeskReadOnly/audit-1`);
    expect(first.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:audit-1$/);

    const assumed = client(fromResult(first.Credentials));
    expect((await assumed.send(new GetCallerIdentityCommand({}))).Arn).toBe(first.AssumedRoleUser?.Arn);
    const chained = await assumed.send(new AssumeRoleCommand({ RoleArn: roleArn(4, 'OrganizationAccountAccessRole'), RoleSessionName: 'hop-2' }));
    const id = await client(fromResult(chained.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(id.Arn).toBe(`arn:aws:sts::${emu.world.accounts[4]?.id}:assumed-role/OrganizationAccountAccessRole/hop-2`);

    const tooLong = await errorOf(assumed.send(new AssumeRoleCommand({ RoleArn: roleArn(4), RoleSessionName: 'hop-3', DurationSeconds: 7200 })));
    expect(tooLong).toMatchObject({ name: 'ValidationError', message: expect.stringContaining('role chaining') });
  });

  it('refuses roles that do not exist, bad ARNs, bad session names and durations above the role maximum', async () => {
    const missing = await errorOf(client(keys).send(new AssumeRoleCommand({ RoleArn: roleArn(2, 'NoSuchRole'), RoleSessionName: 's1' })));
    expect(missing).toMatchObject({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } });
    expect(missing.message).toContain('is not authorized to perform: sts:AssumeRole');
    const outside = await errorOf(client(keys).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/AuditdeskReadOnly', RoleSessionName: 's1' })));
    expect(outside.name).toBe('AccessDenied');
    expect((await errorOf(client(keys).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::12:role/x/y', RoleSessionName: 's1' })))).name).toBe('ValidationError');
    expect((await errorOf(client(keys).send(new AssumeRoleCommand({ RoleArn: roleArn(2), RoleSessionName: 'bad name!' })))).name).toBe('ValidationError');
    const maxed = await errorOf(
      client(keys).send(new AssumeRoleCommand({ RoleArn: roleArn(2, 'OrganizationAccountAccessRole'), RoleSessionName: 's1', DurationSeconds: 7200 })),
    );
    expect(maxed).toMatchObject({ name: 'ValidationError', message: expect.stringContaining('MaxSessionDuration') });
  });

  it(`AuditdeskMfaRole needs SerialNumber and TokenCode ${EMULATOR_MFA_CODE}`, async () => {
    const base = { RoleArn: roleArn(1, 'AuditdeskMfaRole'), RoleSessionName: 'mfa' };
    const serial = `arn:aws:iam::${emu.world.accounts[1]?.id}:mfa/auditdesk-demo`;
    expect((await errorOf(client(keys).send(new AssumeRoleCommand(base)))).name).toBe('AccessDenied');
    const wrong = await errorOf(client(keys).send(new AssumeRoleCommand({ ...base, SerialNumber: serial, TokenCode: '000000' })));
    expect(wrong).toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('MultiFactorAuthentication failed') });
    const ok = await client(keys).send(new AssumeRoleCommand({ ...base, SerialNumber: serial, TokenCode: EMULATOR_MFA_CODE }));
    expect(ok.AssumedRoleUser?.Arn).toContain(':assumed-role/AuditdeskMfaRole/mfa');
  });

  it('AssumeRoleWithWebIdentity takes an unexpired JWT and types its errors', async () => {
    const unsigned = new STSClient({ region: 'us-east-1', endpoint: emu.endpoint, maxAttempts: 1, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const ok = await unsigned.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn(2),
        RoleSessionName: 'ci-run',
        WebIdentityToken: jwt({ iss: 'https://token.actions.githubusercontent.com', sub: 'repo:acme/audit', aud: 'sts.amazonaws.com', exp }),
      }),
    );
    expect(ok).toMatchObject({ SubjectFromWebIdentityToken: 'repo:acme/audit', Provider: 'token.actions.githubusercontent.com', Audience: 'sts.amazonaws.com' });
    expect((await client(fromResult(ok.Credentials)).send(new GetCallerIdentityCommand({}))).Arn).toContain('assumed-role/AuditdeskReadOnly/ci-run');

    const expired = jwt({ iss: 'https://idp.example', sub: 's', aud: 'a', exp: exp - 3600 });
    await expect(
      unsigned.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn(2), RoleSessionName: 'x1', WebIdentityToken: expired })),
    ).rejects.toBeInstanceOf(ExpiredTokenException);
    await expect(
      unsigned.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn(2), RoleSessionName: 'x1', WebIdentityToken: 'not-a-jwt' })),
    ).rejects.toBeInstanceOf(InvalidIdentityTokenException);
  });

  it('expired temporary credentials get ExpiredToken, as STS answers', async () => {
    const r = await client(keys).send(new AssumeRoleCommand({ RoleArn: roleArn(2), RoleSessionName: 'short' }));
    const creds = fromResult(r.Credentials);
    expect(emu.admin.expireToken({ sessionToken: creds.sessionToken })).toEqual({ expired: 1 });
    const err = await errorOf(client(creds).send(new GetCallerIdentityCommand({})));
    expect(err).toBeInstanceOf(STSServiceException);
    expect(err).toMatchObject({ name: 'ExpiredToken', $metadata: { httpStatusCode: 403 } });
  });

  it('writes errors as STS ErrorResponse XML and refuses unsigned calls', async () => {
    const res = await fetch(emu.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('text/xml');
    const xml = await res.text();
    expect(xml).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/">\s*<Error>\s*<Type>Sender<\/Type>\s*<Code>MissingAuthenticationToken<\/Code>\s*<Message>[^<]+<\/Message>\s*<\/Error>\s*<RequestId>[0-9a-f-]{36}<\/RequestId>\s*<\/ErrorResponse>/,
    );
    const unknown = await fetch(emu.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=AssumeRoleWithSAML&Version=2011-06-15' });
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
  });
});
