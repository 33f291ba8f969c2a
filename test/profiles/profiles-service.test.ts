import { chmod, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveAwsConfigPaths } from '../../src/main/services/profiles/config-paths';
import { createProfilesService } from '../../src/main/services/profiles/profiles-service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auditdesk-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listWith(config: string, credentials = '') {
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  await writeFile(configFile, config);
  await writeFile(credentialsFile, credentials);
  const service = createProfilesService({ paths: () => resolveAwsConfigPaths({ AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile }, dir) });
  return service.list();
}

const EVERY_KIND = `
[default]
region = eu-west-1

[sso-session corp]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile audit-sso]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = AuditReadOnly
region = us-east-1

[profile legacy-sso]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 222222222222
sso_role_name = ReadOnly

[profile chained]
role_arn = arn:aws:iam::333333333333:role/Audit
source_profile = audit-sso
mfa_serial = arn:aws:iam::111111111111:mfa/alice

[profile from-instance]
role_arn = arn:aws:iam::333333333333:role/Audit
credential_source = Ec2InstanceMetadata

[profile proc]
credential_process = /usr/local/bin/get-creds --account 4

[profile web]
role_arn = arn:aws:iam::444444444444:role/Web
web_identity_token_file = /var/run/token

[profile console]
login_session = arn:aws:iam::555555555555:user/alice

[profile emulator]
endpoint_url = http://127.0.0.1:4566
region = us-east-1
`;

describe('profiles service', () => {
  it('lists every profile kind with the settings the UI shows', async () => {
    const listing = await listWith(EVERY_KIND, '[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
    const kinds = Object.fromEntries(listing.profiles.map((p) => [p.name, p.kind]));
    expect(kinds).toEqual({
      default: 'unknown',
      'audit-sso': 'sso',
      'legacy-sso': 'sso-legacy',
      chained: 'role',
      'from-instance': 'role',
      proc: 'credential-process',
      web: 'web-identity',
      console: 'login-session',
      emulator: 'unknown',
      keys: 'static',
    });
    expect(listing.profiles[0]?.name).toBe('default');
    const sso = listing.profiles.find((p) => p.name === 'audit-sso');
    expect(sso).toMatchObject({ ssoSession: 'corp', ssoStartUrl: 'https://d-1234567890.awsapps.com/start', ssoAccountId: '111111111111', region: 'us-east-1', sources: ['config'] });
    expect(listing.profiles.find((p) => p.name === 'chained')).toMatchObject({ sourceProfile: 'audit-sso', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' });
    expect(listing.profiles.find((p) => p.name === 'console')?.problem).toMatch(/login_session/);
    expect(listing.problems).toEqual([]);
  });

  it('never returns a secret, only names and settings', async () => {
    const listing = await listWith('', '[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\naws_session_token = FQoGZXIvYXdzEXAMPLETOKEN\n');
    const text = JSON.stringify(listing);
    expect(text).not.toContain('wJalrXUtnFEMI');
    expect(text).not.toContain('FQoGZXIvYXdzEXAMPLETOKEN');
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(listing.profiles).toEqual([expect.objectContaining({ name: 'keys', kind: 'static', sources: ['credentials'] })]);
  });

  it('reports malformed lines by file and line and keeps the other profiles', async () => {
    const listing = await listWith(
      ['[profile good]', 'region = us-east-1', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', '', '[profile broken', 'region = eu-west-1', '[profile ok2]', 'this line has no equals sign', 'credential_process = /bin/true'].join('\n'),
    );
    expect(listing.profiles.map((p) => p.name)).toEqual(expect.arrayContaining(['good', 'ok2']));
    expect(listing.problems).toEqual([
      { file: join(dir, 'config'), line: 5, message: expect.stringMatching(/not closed/) },
      { file: join(dir, 'config'), line: 8, message: expect.stringMatching(/key = value/) },
    ]);
  });

  it('does not quote a malformed line, which may hold a secret', async () => {
    const listing = await listWith('', '[keys]\naws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
    expect(listing.problems).toHaveLength(1);
    expect(JSON.stringify(listing.problems)).not.toContain('wJalrXUtnFEMI');
  });

  it('names source_profile cycles, missing sso_region and unknown sso-sessions', async () => {
    const listing = await listWith(`
[sso-session no-region]
sso_start_url = https://x.awsapps.com/start

[profile a]
role_arn = arn:aws:iam::111111111111:role/A
source_profile = b

[profile b]
role_arn = arn:aws:iam::111111111111:role/B
source_profile = a

[profile dangling]
role_arn = arn:aws:iam::111111111111:role/C
source_profile = nowhere

[profile no-region]
sso_session = no-region
sso_account_id = 111111111111
sso_role_name = R

[profile unknown-session]
sso_session = missing
sso_account_id = 111111111111
sso_role_name = R
`);
    const problem = (name: string) => listing.profiles.find((p) => p.name === name)?.problem;
    expect(problem('a')).toBe('source_profile cycle: a → b → a.');
    expect(problem('dangling')).toMatch(/"nowhere" does not exist/);
    expect(problem('no-region')).toMatch(/no sso_region/);
    expect(problem('unknown-session')).toMatch(/sso-session "missing", which is not defined/);
  });

  it('returns an empty listing when there are no files', async () => {
    const service = createProfilesService({ paths: () => ({ configFile: join(dir, 'nope'), credentialsFile: join(dir, 'nope2') }) });
    await expect(service.list()).resolves.toMatchObject({ profiles: [], problems: [] });
  });

  it('says when a file exists but cannot be read', async () => {
    const configFile = join(dir, 'config-dir');
    await mkdir(configFile);
    const service = createProfilesService({ paths: () => ({ configFile, credentialsFile: join(dir, 'none') }) });
    const listing = await service.list();
    expect(listing.problems).toEqual([{ file: configFile, message: expect.stringMatching(/Cannot read the file \(EISDIR\)/) }]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a permission error', async () => {
    const configFile = join(dir, 'config');
    await writeFile(configFile, '[default]\nregion = us-east-1\n');
    await chmod(configFile, 0o000);
    const service = createProfilesService({ paths: () => ({ configFile, credentialsFile: join(dir, 'none') }) });
    expect((await service.list()).problems[0]?.message).toMatch(/EACCES/);
  });
});

describe('config paths', () => {
  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, with ~ expanded', () => {
    expect(resolveAwsConfigPaths({ AWS_CONFIG_FILE: '~/x/config', AWS_SHARED_CREDENTIALS_FILE: '/abs/creds' }, '/home/u')).toEqual({ configFile: '/home/u/x/config', credentialsFile: '/abs/creds' });
    expect(resolveAwsConfigPaths({}, '/home/u')).toEqual({ configFile: '/home/u/.aws/config', credentialsFile: '/home/u/.aws/credentials' });
  });
});
