import {
  GetRoleCredentialsCommand,
  InvalidRequestException,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  paginateListAccounts,
  SSOClient,
  UnauthorizedException,
} from '@aws-sdk/client-sso';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoCacheToken } from '../../src/emulator/core/admin';
import { startTestEmulator, type TestEmulator } from './core-harness';

describe('SSO portal against the emulator', () => {
  let emu: TestEmulator;
  let sso: SSOClient;
  let token: SsoCacheToken;

  beforeAll(async () => {
    emu = await startTestEmulator();
    sso = new SSOClient({ region: 'us-east-1', endpoint: emu.endpoint, maxAttempts: 1 });
    token = emu.admin.signIn();
  });
  afterAll(async () => emu.stop());

  it('lists every account, page by page', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListAccounts({ client: sso, pageSize: 2 }, { accessToken: token.accessToken })) {
      pages++;
      names.push(...(page.accountList ?? []).map((a) => a.accountName ?? ''));
    }
    expect(names).toEqual(emu.world.accounts.map((a) => a.name));
    expect(pages).toBe(Math.ceil(emu.world.accounts.length / 2));
    const first = await sso.send(new ListAccountsCommand({ accessToken: token.accessToken }));
    expect(first.accountList?.[0]).toEqual({
      accountId: emu.world.accounts[0]?.id,
      accountName: emu.world.accounts[0]?.name,
      emailAddress: emu.world.accounts[0]?.email,
    });
  });

  it("lists each account's roles as assigned in the world", async () => {
    for (const account of emu.world.accounts) {
      const roles = await sso.send(new ListAccountRolesCommand({ accessToken: token.accessToken, accountId: account.id, maxResults: 1 }));
      expect(roles.roleList?.[0]).toEqual({ roleName: account.ssoRoles[0], accountId: account.id });
      expect(Boolean(roles.nextToken)).toBe(account.ssoRoles.length > 1);
    }
  });

  it('returns role credentials that STS knows as the AWSReservedSSO role', async () => {
    const account = emu.world.accounts.find((a) => a.ssoRoles.includes('AdministratorAccess'));
    if (!account) throw new Error('world has no admin assignment');
    const before = Date.now();
    const { roleCredentials } = await sso.send(
      new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: account.id, roleName: 'AdministratorAccess' }),
    );
    expect(roleCredentials?.expiration).toBeGreaterThan(before + 3500_000);
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: emu.endpoint,
      credentials: {
        accessKeyId: roleCredentials?.accessKeyId ?? '',
        secretAccessKey: roleCredentials?.secretAccessKey ?? '',
        sessionToken: roleCredentials?.sessionToken ?? '',
      },
    });
    const id = await sts.send(new GetCallerIdentityCommand({}));
    expect(id.Account).toBe(account.id);
    expect(id.Arn).toMatch(
      new RegExp(`^arn:aws:sts::${account.id}:assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/${emu.world.sso.userName}$`),
    );
  });

  it('refuses what AWS refuses', async () => {
    const management = emu.world.accounts.find((a) => a.isManagement);
    const denied = await sso
      .send(new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: management?.id, roleName: 'AdministratorAccess' }))
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'ForbiddenException', $metadata: { httpStatusCode: 403 } });
    await expect(sso.send(new ListAccountsCommand({ accessToken: 'not-a-token' }))).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(sso.send(new ListAccountsCommand({ accessToken: token.accessToken, nextToken: 'bogus' }))).rejects.toBeInstanceOf(
      InvalidRequestException,
    );
  });

  it('answers an expired or logged-out token with UnauthorizedException', async () => {
    const expiring = emu.admin.signIn();
    await sso.send(new ListAccountsCommand({ accessToken: expiring.accessToken }));
    expect(emu.admin.expireToken({ accessToken: expiring.accessToken })).toEqual({ expired: 1 });
    await expect(sso.send(new ListAccountsCommand({ accessToken: expiring.accessToken }))).rejects.toBeInstanceOf(UnauthorizedException);

    const session = emu.admin.signIn();
    await sso.send(new LogoutCommand({ accessToken: session.accessToken }));
    await expect(sso.send(new ListAccountsCommand({ accessToken: session.accessToken }))).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('applies an accessDenied fault to one account', async () => {
    const [a, b] = emu.world.accounts;
    emu.admin.setFaults({ accessDenied: [{ accountId: a?.id, operation: 'GetRoleCredentials' }] });
    try {
      const err = await sso
        .send(new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: a?.id, roleName: 'AuditReadOnly' }))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'ForbiddenException' });
      const ok = await sso.send(new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: b?.id, roleName: 'AuditReadOnly' }));
      expect(ok.roleCredentials?.accessKeyId).toMatch(/^ASIA/);
    } finally {
      emu.admin.resetFaults();
    }
  });
});
