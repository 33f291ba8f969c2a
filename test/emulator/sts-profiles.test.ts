import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { readFile, stat } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_CHAIN_PROFILE } from '../../src/emulator/core/aws-config-files';
import { startTestEmulator, type TestEmulator } from './core-harness';

/** Stops a command once its endpoint is resolved and reports the host it would have called. */
async function hostFor(client: STSClient): Promise<string> {
  client.middlewareStack.add(
    (_next) => async (args) => {
      const request = args.request as { hostname?: string };
      throw Object.assign(new Error('probe'), { probedHost: request.hostname });
    },
    { step: 'build', name: 'hostProbe' },
  );
  const err: unknown = await client.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
  return (err as { probedHost?: string }).probedHost ?? 'none';
}

describe('the generated AWS config files with the real SDK', () => {
  let emu: TestEmulator;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => emu.stop());
  afterEach(() => {
    for (const k of ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE']) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
  });

  it('writes an sso-session, SSO, keys and role-chain profiles, and a private credentials file', async () => {
    const config = await readFile(emu.configFile, 'utf8');
    expect(config).toContain(`[sso-session auditdesk-demo]\nsso_start_url = ${emu.world.sso.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access`);
    for (const account of emu.world.accounts) {
      expect(config).toContain(`[profile demo-${account.name}]\nsso_session = auditdesk-demo\nsso_account_id = ${account.id}\n`);
      expect(config).toContain(`[profile demo-${account.name}-keys]\nregion = us-east-1\nendpoint_url = ${emu.endpoint}\noutput = json`);
    }
    expect(config).toContain(`[profile ${ROLE_CHAIN_PROFILE}]\nsource_profile = demo-`);
    expect(emu.profiles.filter((p) => p.kind === 'sso')).toHaveLength(emu.world.accounts.length);
    const mode = (await stat(emu.credentialsFile ?? '')).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('fromIni with a keys profile signs as the IAM user of that account', async () => {
    const files = { filepath: emu.credentialsFile ?? '', configFilepath: emu.configFile };
    for (const account of emu.world.accounts.slice(0, 3)) {
      const sts = new STSClient({ region: 'us-east-1', endpoint: emu.endpoint, credentials: fromIni({ profile: `demo-${account.name}-keys`, ...files }) });
      const id = await sts.send(new GetCallerIdentityCommand({}));
      expect(id).toMatchObject({ Account: account.id, Arn: `arn:aws:iam::${account.id}:user/auditdesk-demo` });
      expect(id.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    }
  });

  it('fromIni with the role-chain profile assumes AuditdeskReadOnly in the other account', async () => {
    const chain = emu.profiles.find((p) => p.name === ROLE_CHAIN_PROFILE);
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: emu.endpoint,
      // The inner AssumeRole client does not inherit the outer client's endpoint: it must be passed.
      credentials: fromIni({ profile: ROLE_CHAIN_PROFILE, filepath: emu.credentialsFile ?? '', configFilepath: emu.configFile, clientConfig: { endpoint: emu.endpoint } }),
    });
    const id = await sts.send(new GetCallerIdentityCommand({}));
    expect(id.Account).toBe(chain?.accountId);
    expect(id.Arn).toBe(`arn:aws:sts::${chain?.accountId}:assumed-role/AuditdeskReadOnly/auditdesk-demo`);
  });

  it('SDK behaviour: endpoint_url applies to the AWS_PROFILE profile, not to a client created with `profile`', async () => {
    process.env['AWS_CONFIG_FILE'] = emu.configFile;
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = emu.credentialsFile ?? '';
    expect(await hostFor(new STSClient({ profile: 'demo-management-keys' }))).toBe('sts.us-east-1.amazonaws.com');
    process.env['AWS_PROFILE'] = 'demo-management-keys';
    expect(await hostFor(new STSClient({}))).toBe('127.0.0.1');
    const viaEnv = await new STSClient({}).send(new GetCallerIdentityCommand({}));
    expect(viaEnv.Arn).toMatch(/:user\/auditdesk-demo$/);
  });
});
