/**
 * AWS credentials as the SDK's providers return them (structurally the SDK's
 * AwsCredentialIdentity). They live in main-process memory only, in the credential cache.
 */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  accountId?: string;
}

export type CredentialsProvider = () => Promise<AwsCredentials>;
