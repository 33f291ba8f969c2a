import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One profile of each kind the Profiles view labels, two that are broken as profiles (a missing
 * source profile, an unsupported console session) and one broken section header, so the file
 * problem panel has a line number to show. Keys are AWS's documented example keys.
 */
export const typicalConfig = `# Auditdesk E2E fixture
[default]
region = eu-west-1
sso_session = corp
sso_account_id = 111111111111
sso_role_name = AuditReadOnly

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile legacy-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 222222222222
sso_role_name = SecurityAudit

[profile prod-audit]
role_arn = arn:aws:iam::333333333333:role/OrganizationAuditor
source_profile = default
mfa_serial = arn:aws:iam::111111111111:mfa/auditor
region = eu-central-1

[profile ci-deployer]
role_arn = arn:aws:iam::444444444444:role/GitHubActionsDeploy
web_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token
region = us-west-2

[profile vault]
credential_process = /usr/local/bin/aws-vault export --format=json audit
region = eu-west-1

[profile console]
login_session = arn:aws:iam::555555555555:user/alice
region = eu-west-1

[profile orphan-role]
role_arn = arn:aws:iam::666666666666:role/Ghost
source_profile = does-not-exist
region = us-east-2

[profile half-written
output = json
`;

/** The line of the unclosed "[profile half-written" header above (1-based). */
export const brokenHeaderLine = typicalConfig.split('\n').indexOf('[profile half-written') + 1;

export const typicalCredentials = `[static-keys]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
region = us-east-1
`;

export interface AwsFixture {
  dir: string;
  configFile: string;
  credentialsFile: string;
  dataDir: string;
  remove(): Promise<void>;
}

/** A temp folder with an AWS config and credentials file (absent when `empty`), and a data dir. */
export async function createAwsFixture(variant: 'typical' | 'empty'): Promise<AwsFixture> {
  const dir = await mkdtemp(join(tmpdir(), `auditdesk-e2e-${variant}-`));
  const configFile = join(dir, 'aws', 'config');
  const credentialsFile = join(dir, 'aws', 'credentials');
  if (variant === 'typical') {
    await mkdir(join(dir, 'aws'));
    await writeFile(configFile, typicalConfig);
    await writeFile(credentialsFile, typicalCredentials);
  }
  return { dir, configFile, credentialsFile, dataDir: join(dir, 'data'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The environment for an app under test: this process's, minus every AWS and Auditdesk setting
 * (so the machine's real profiles can never leak in), plus the fixture's files and home.
 */
export function envForFixture(fixture: AwsFixture): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_') && !key.startsWith('AUDITDESK_')) env[key] = value;
  }
  return { ...env, AWS_CONFIG_FILE: fixture.configFile, AWS_SHARED_CREDENTIALS_FILE: fixture.credentialsFile, HOME: fixture.dir };
}
