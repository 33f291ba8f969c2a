import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmulatorWorld } from '../world/world-types';
import type { IssuedCredentials } from './identity';

/**
 * The shared config and credentials files that point the AWS SDK/CLI at the emulator: one SSO
 * profile and one static-keys profile per account, plus a role-chain profile. Rewritten on every
 * start, because the port (and so `endpoint_url`) changes.
 */
export const SSO_SESSION_NAME = 'auditdesk-demo';
export const ROLE_CHAIN_PROFILE = 'demo-audit-role';

export interface EmulatorProfile {
  name: string;
  kind: 'sso' | 'keys';
  accountId: string;
}

export interface WrittenConfig {
  configFile: string;
  credentialsFile: string;
  profiles: EmulatorProfile[];
}

export interface ConfigFileInput {
  stateDir: string;
  endpoint: string;
  world: EmulatorWorld;
  /** Static keys per account id, for the `-keys` profiles. */
  staticKeys: ReadonlyMap<string, IssuedCredentials>;
}

export async function writeAwsConfigFiles(input: ConfigFileInput): Promise<WrittenConfig> {
  const { stateDir, endpoint, world } = input;
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const region = world.regions[0] ?? 'us-east-1';
  // auditdesk_regions is Auditdesk's own setting (the SDK ignores it): the demo covers every region
  // of its world, as an auditor would set it for an organisation that works in several.
  const common = [`region = ${region}`, `endpoint_url = ${endpoint}`, 'output = json', `auditdesk_regions = ${world.regions.join(', ')}`];
  const config: string[] = [
    `# Written by the Auditdesk emulator (seed "${world.seed}") for ${endpoint}; rewritten on every start.`,
    '',
    `[sso-session ${SSO_SESSION_NAME}]`,
    `sso_start_url = ${world.sso.startUrl}`,
    `sso_region = ${world.sso.region}`,
    'sso_registration_scopes = sso:account:access',
    '',
  ];
  const credentials: string[] = ['# Emulator-issued keys: they work only against the Auditdesk emulator.', ''];
  const profiles: EmulatorProfile[] = [];

  for (const account of world.accounts) {
    const role = account.ssoRoles.includes('AuditReadOnly') ? 'AuditReadOnly' : account.ssoRoles[0];
    if (role !== undefined) {
      const name = `demo-${account.name}`;
      config.push(`[profile ${name}]`, `sso_session = ${SSO_SESSION_NAME}`, `sso_account_id = ${account.id}`, `sso_role_name = ${role}`, ...common, '');
      profiles.push({ name, kind: 'sso', accountId: account.id });
    }
    const keys = input.staticKeys.get(account.id);
    if (keys) {
      const name = `demo-${account.name}-keys`;
      config.push(`[profile ${name}]`, ...common, '');
      credentials.push(`[${name}]`, `aws_access_key_id = ${keys.accessKeyId}`, `aws_secret_access_key = ${keys.secretAccessKey}`, '');
      profiles.push({ name, kind: 'keys', accountId: account.id });
    }
  }

  // Role chaining across accounts: keys in one account, AuditdeskReadOnly in another.
  const source = world.accounts.find((a) => !a.isManagement && input.staticKeys.has(a.id));
  const target = world.accounts.find((a) => a !== source && !a.isManagement);
  if (source && target) {
    config.push(
      `[profile ${ROLE_CHAIN_PROFILE}]`,
      `source_profile = demo-${source.name}-keys`,
      `role_arn = arn:aws:iam::${target.id}:role/AuditdeskReadOnly`,
      'role_session_name = auditdesk-demo',
      ...common,
      '',
    );
    profiles.push({ name: ROLE_CHAIN_PROFILE, kind: 'keys', accountId: target.id });
  }

  const configFile = join(stateDir, 'config');
  const credentialsFile = join(stateDir, 'credentials');
  await writePrivate(configFile, config.join('\n'));
  await writePrivate(credentialsFile, credentials.join('\n'));
  return { configFile, credentialsFile, profiles };
}

/** Write-then-rename so a reader never sees half a file; 0600 because the credentials file holds secrets. */
async function writePrivate(path: string, content: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}
