import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_SESSION_NAME } from '../../src/emulator/core/aws-config-files';
import type { SsoCacheToken } from '../../src/emulator/core/admin';
import { startTestEmulator, type TestEmulator } from './core-harness';

/** `fromSSO` reads the token that `aws sso login` leaves in ~/.aws/sso/cache/<sha1(session)>.json. */
describe('SSO profiles through the SDK credential providers', () => {
  let emu: TestEmulator;
  let home: string;
  const savedHome = process.env['HOME'];
  const cacheFile = (): string => join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(SSO_SESSION_NAME).digest('hex')}.json`);
  const writeToken = async (token: SsoCacheToken): Promise<void> => {
    await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    await writeFile(cacheFile(), JSON.stringify(token));
  };

  beforeAll(async () => {
    emu = await startTestEmulator();
    home = await mkdtemp(join(tmpdir(), 'auditdesk-home-'));
    process.env['HOME'] = home;
  });
  afterAll(async () => {
    if (savedHome === undefined) delete process.env['HOME'];
    else process.env['HOME'] = savedHome;
    await rm(home, { recursive: true, force: true });
    await emu.stop();
  });

  const callerOf = async (profile: string, provider: typeof fromSSO | typeof fromIni): Promise<string | undefined> => {
    const credentials = provider({ profile, filepath: emu.credentialsFile ?? '', configFilepath: emu.configFile, clientConfig: { endpoint: emu.endpoint } });
    const sts = new STSClient({ region: 'us-east-1', endpoint: emu.endpoint, credentials });
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
  };

  it('fromSSO turns the cached token into role credentials for the profile', async () => {
    await writeToken(emu.admin.signIn());
    const staging = emu.world.accounts.find((a) => a.name === 'staging');
    const arn = new RegExp(`^arn:aws:sts::${staging?.id}:assumed-role/AWSReservedSSO_AuditReadOnly_[0-9a-f]{16}/`);
    expect(await callerOf('demo-staging', fromSSO)).toMatch(arn);
  });

  it('SDK behaviour: fromIni hands SSO profiles to fromSSO without configFilepath, so AWS_CONFIG_FILE must name the file', async () => {
    await writeToken(emu.admin.signIn());
    await expect(callerOf('demo-staging', fromIni)).rejects.toThrow(/Profile demo-staging was not found/);
    const saved = process.env['AWS_CONFIG_FILE'];
    process.env['AWS_CONFIG_FILE'] = emu.configFile;
    try {
      expect(await callerOf('demo-staging', fromIni)).toMatch(/:assumed-role\/AWSReservedSSO_AuditReadOnly_/);
    } finally {
      if (saved === undefined) delete process.env['AWS_CONFIG_FILE'];
      else process.env['AWS_CONFIG_FILE'] = saved;
    }
  });

  it('refreshes a token that is about to expire through CreateToken(refresh_token) and rewrites the cache', async () => {
    const token = emu.admin.signIn();
    await writeToken({ ...token, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const management = emu.world.accounts.find((a) => a.isManagement);
    expect(await callerOf('demo-management', fromSSO)).toContain(`arn:aws:sts::${management?.id}:assumed-role/AWSReservedSSO_AuditReadOnly_`);
    const cached = JSON.parse(await readFile(cacheFile(), 'utf8')) as SsoCacheToken;
    expect(cached.accessToken).not.toBe(token.accessToken);
    expect(cached.refreshToken).not.toBe(token.refreshToken);
    expect(new Date(cached.expiresAt).getTime()).toBeGreaterThan(Date.now() + 7 * 3600_000);
  });
});
