import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SSO_SESSION_NAME } from '../../src/emulator';
import { resolveAwsConfigPaths } from '../../src/main/services/profiles/config-paths';
import { createProfilesService } from '../../src/main/services/profiles/profiles-service';
import { createTestSessions, startTestAws, type TestAws, type TestSessions } from '../aws/aws-test-env';

const SESSION_ID = `sso-session:${SSO_SESSION_NAME}`;

describe('account discovery, in-memory profiles and writing them to the config file', () => {
  let aws: TestAws;
  let t: TestSessions;
  beforeAll(async () => {
    aws = await startTestAws();
  });
  afterAll(async () => aws.stop());
  afterEach(async () => t?.close());

  it('lists every account and role of the signed-in user, with the profiles that already use them', async () => {
    t = createTestSessions(aws);
    await expect(t.sessions.discover({ ssoSession: SSO_SESSION_NAME })).rejects.toMatchObject({ code: 'sessions:sign-in-required' });
    await t.sessions.signIn({ ssoSession: SSO_SESSION_NAME });
    const { sessionId, accounts } = await t.sessions.discover({ ssoSession: SSO_SESSION_NAME });
    expect(sessionId).toBe(SESSION_ID);
    const world = aws.emulator.admin.world();
    expect(accounts.map((a) => a.accountId).sort()).toEqual(world.accounts.map((a) => a.id).sort());
    const staging = accounts.find((a) => a.accountName === 'staging');
    expect(staging).toMatchObject({ accountId: aws.account('staging'), roles: ['AdministratorAccess', 'AuditReadOnly'], profiles: { AuditReadOnly: 'demo-staging' } });
    expect(staging?.emailAddress).toContain('@');
  });

  it('adds a discovered account/role as a profile for this run, switched on and usable, without touching the file', async () => {
    t = createTestSessions(aws);
    const before = await readFile(aws.configFile, 'utf8');
    await t.sessions.discover({ ssoSession: SSO_SESSION_NAME });
    const added = await t.sessions.addDiscovered({ sessionId: SESSION_ID, accountId: aws.account('staging'), roleName: 'AdministratorAccess' });
    expect(added).toMatchObject({ profile: 'staging-AdministratorAccess', kind: 'sso', inMemory: true, active: true, status: 'signed-in', sessionId: SESSION_ID });
    expect(t.workspace.current().activeProfiles).toContain('staging-AdministratorAccess');
    expect((await t.sessions.identity('staging-AdministratorAccess')).arn).toContain('AWSReservedSSO_AdministratorAccess_');
    expect(await readFile(aws.configFile, 'utf8')).toBe(before);
    await expect(t.sessions.addDiscovered({ sessionId: SESSION_ID, accountId: aws.account('staging'), roleName: 'AuditReadOnly', profileName: 'demo-staging' })).rejects.toMatchObject({
      code: 'sessions:profile-exists',
    });
  });

  it('lists a profile added for this run with the files\' profiles, as added in the app, until it is written to the config file', async () => {
    t = createTestSessions(aws);
    const { workspace, sessions } = t;
    const profiles = createProfilesService({
      paths: () => resolveAwsConfigPaths(workspace.current().awsEnv, workspace.current().awsHome),
      added: () => sessions.addedProfiles(),
    });
    const fileProfiles = (await profiles.list()).profiles.map((p) => p.name);
    await sessions.addDiscovered({ sessionId: SESSION_ID, accountId: aws.account('staging'), roleName: 'AdministratorAccess', profileName: 'staging-admin' });

    const listed = (await profiles.list()).profiles;
    expect(listed.map((p) => p.name)).toEqual([...fileProfiles, 'staging-admin']);
    expect(listed.at(-1)).toMatchObject({ name: 'staging-admin', sources: ['app'], kind: 'sso', ssoSession: SSO_SESSION_NAME, ssoAccountId: aws.account('staging'), ssoRoleName: 'AdministratorAccess' });
    expect(listed.at(-1)?.problem).toBeUndefined();

    const before = await readFile(aws.configFile, 'utf8');
    const { backupFile } = await sessions.writeProfile('staging-admin');
    try {
      const written = (await profiles.list()).profiles.filter((p) => p.name === 'staging-admin');
      expect(written).toEqual([expect.objectContaining({ sources: ['config'], ssoAccountId: aws.account('staging') })]);
    } finally {
      // The other tests of this file share the config file: as it was, without the backup.
      await writeFile(aws.configFile, before);
      if (backupFile) await rm(backupFile);
    }
  });

  it('previews the exact text, then appends it after a timestamped backup', async () => {
    t = createTestSessions(aws);
    await t.sessions.addDiscovered({ sessionId: SESSION_ID, accountId: aws.account('dev-sandbox'), roleName: 'AdministratorAccess', profileName: 'sandbox-admin' });
    const before = await readFile(aws.configFile, 'utf8');
    const preview = await t.sessions.writePreview('sandbox-admin');
    expect(preview.configFile).toBe(aws.configFile);
    expect(preview.text).toBe(
      `${before.endsWith('\n\n') ? '' : '\n'}[profile sandbox-admin]\nsso_session = ${SSO_SESSION_NAME}\nsso_account_id = ${aws.account('dev-sandbox')}\nsso_role_name = AdministratorAccess\nregion = us-east-1\nendpoint_url = ${aws.emulator.endpoint}\n`,
    );
    const written = await t.sessions.writeProfile('sandbox-admin');
    expect(written.text).toBe(preview.text);
    expect(written.backupFile).toMatch(/config\.auditdesk-\d{8}T\d{6}Z\.bak$/);
    expect(await readFile(written.backupFile ?? '', 'utf8')).toBe(before);
    expect(await readFile(aws.configFile, 'utf8')).toBe(before + preview.text);
    const listed = (await t.sessions.list()).profiles.find((p) => p.profile === 'sandbox-admin');
    expect(listed).toMatchObject({ inMemory: false, kind: 'sso' });
    await expect(t.sessions.writePreview('demo-staging')).rejects.toMatchObject({ code: 'sessions:not-in-memory' });
    expect((await readdir(dirname(aws.configFile))).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });
});

describe('permission preflight', () => {
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
  afterEach(() => aws.emulator.admin.resetFaults());

  it('tries each read call once and reports it allowed, with the trail, analyzer and bucket it used', async () => {
    const result = await t.sessions.preflight('demo-management');
    expect(result.region).toBe('us-east-1');
    const byAction = Object.fromEntries(result.checks.map((c) => [c.action, c]));
    expect(Object.keys(byAction)).toEqual([
      'sts:GetCallerIdentity',
      'cloudtrail:LookupEvents',
      'cloudtrail:DescribeTrails',
      'cloudtrail:GetTrailStatus',
      'access-analyzer:ListAnalyzers',
      'access-analyzer:ListFindingsV2',
      's3:ListBucket',
    ]);
    for (const check of result.checks) expect([check.action, check.status]).toEqual([check.action, 'allowed']);
    expect(byAction['cloudtrail:GetTrailStatus']?.resource).toMatch(/^arn:aws:cloudtrail:/);
    expect(byAction['access-analyzer:ListFindingsV2']?.resource).toMatch(/^arn:aws:access-analyzer:/);
    expect(byAction['s3:ListBucket']?.resource).toBeTruthy();
  });

  it('reports a denied call with its AWS error code (the emulator\'s accessDenied fault)', async () => {
    aws.emulator.admin.setFaults({ accessDenied: [{ accountId: aws.account('management'), operation: 'LookupEvents' }] });
    const { checks } = await t.sessions.preflight('demo-management');
    expect(checks.find((c) => c.action === 'cloudtrail:LookupEvents')).toMatchObject({ status: 'denied', errorCode: 'AccessDeniedException' });
    expect(checks.find((c) => c.action === 'cloudtrail:DescribeTrails')?.status).toBe('allowed');
  });

  it('marks calls without a resource as not applicable', async () => {
    aws.emulator.admin.setFaults({ accessDenied: [{ accountId: aws.account('management'), operation: 'DescribeTrails' }] });
    const { checks } = await t.sessions.preflight('demo-management');
    expect(checks.find((c) => c.action === 'cloudtrail:DescribeTrails')).toMatchObject({ status: 'denied' });
    expect(checks.find((c) => c.action === 'cloudtrail:GetTrailStatus')).toMatchObject({ status: 'not-applicable' });
    expect(checks.find((c) => c.action === 's3:ListBucket')).toMatchObject({ status: 'not-applicable' });
  });

  it('says "sign in" once instead of seven failures when there is no valid sign-in', async () => {
    const other = createTestSessions(aws);
    try {
      await other.sessions.signOut({ ssoSession: SSO_SESSION_NAME });
      await expect(other.sessions.preflight('demo-management')).rejects.toMatchObject({ code: 'sessions:sign-in-required' });
    } finally {
      await other.close();
    }
  });
});
