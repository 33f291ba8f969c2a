import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient, type AssumeRoleCommandInput, type AssumeRoleWithWebIdentityCommandInput } from '@aws-sdk/client-sts';
import type { AwsCredentials } from './aws-credentials';

export interface StsLocation {
  region: string;
  /** The profile's endpoint_url, so chained roles are assumed at the same (emulated) STS. */
  endpoint?: string;
}

/** sts:AssumeRole with the given source credentials; the shape fromIni's `roleAssumer` takes. */
export async function assumeRole(where: StsLocation, source: AwsCredentials, params: AssumeRoleCommandInput): Promise<AwsCredentials> {
  const sts = new STSClient({ region: where.region, ...(where.endpoint ? { endpoint: where.endpoint } : {}), credentials: source });
  try {
    const out = await sts.send(new AssumeRoleCommand(params));
    return toCredentials(out.Credentials, params.RoleArn);
  } finally {
    sts.destroy();
  }
}

/** sts:AssumeRoleWithWebIdentity (unsigned); the shape fromIni's `roleAssumerWithWebIdentity` takes. */
export async function assumeRoleWithWebIdentity(where: StsLocation, params: AssumeRoleWithWebIdentityCommandInput): Promise<AwsCredentials> {
  const sts = new STSClient({ region: where.region, ...(where.endpoint ? { endpoint: where.endpoint } : {}) });
  try {
    const out = await sts.send(new AssumeRoleWithWebIdentityCommand(params));
    return toCredentials(out.Credentials, params.RoleArn);
  } finally {
    sts.destroy();
  }
}

function toCredentials(
  creds: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date } | undefined,
  roleArn: string | undefined,
): AwsCredentials {
  if (!creds?.AccessKeyId || !creds.SecretAccessKey) throw new Error(`STS returned no credentials for ${roleArn ?? 'the role'}.`);
  const accountId = /^arn:[^:]+:iam::(\d{12}):/.exec(roleArn ?? '')?.[1];
  return {
    accessKeyId: creds.AccessKeyId,
    secretAccessKey: creds.SecretAccessKey,
    ...(creds.SessionToken ? { sessionToken: creds.SessionToken } : {}),
    ...(creds.Expiration ? { expiration: creds.Expiration } : {}),
    ...(accountId ? { accountId } : {}),
  };
}
