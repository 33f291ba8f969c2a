import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { type AwsConfigSnapshot, profileEndpoint, profileRegion } from '../../aws/aws-config';
import type { CredentialsProvider } from '../../aws/credentials/aws-credentials';
import type { AwsConfigPaths } from '../profiles/config-paths';

/**
 * The SDK clients the sync and the S3 import need, per profile and region. CloudTrail clients
 * make exactly one attempt per send: LookupEvents' retries go through the account-region's rate
 * gate (rate-gate.ts), so the SDK must not retry a throttled call behind the scheduler's back.
 */
export interface SyncClients {
  cloudTrail(profile: string, region: string): Promise<CloudTrailClient>;
  /** Region default: the profile's (S3 follows a bucket's region redirect by itself). */
  s3(profile: string, region?: string): Promise<S3Client>;
  sts(profile: string): Promise<STSClient>;
}

export interface SdkClientsDeps {
  snapshot: () => Promise<AwsConfigSnapshot>;
  /**
   * Credentials for a profile. Default: the SDK's own ini chain (fromIni) over the workspace's
   * files, which serves static keys, roles and cached SSO tokens without Auditdesk's sign-in.
   */
  credentials?: (profile: string, paths: AwsConfigPaths) => CredentialsProvider;
  /** Called on every client made, e.g. to add a request-log middleware in tests. */
  onClient?: (client: CloudTrailClient | S3Client | STSClient, info: { service: string; profile: string; region: string }) => void;
}

export function createSdkClients(deps: SdkClientsDeps): SyncClients {
  const cache = new Map<string, Promise<CloudTrailClient | S3Client | STSClient>>();
  const credentialsFor =
    deps.credentials ??
    ((profile: string, paths: AwsConfigPaths) => fromIni({ profile, filepath: paths.credentialsFile, configFilepath: paths.configFile, ignoreCache: true }));

  function get<C extends CloudTrailClient | S3Client | STSClient>(
    service: string,
    profile: string,
    region: string | undefined,
    build: (s: { region: string; endpoint?: string; credentials: CredentialsProvider }) => C,
  ): Promise<C> {
    const key = `${service}|${profile}|${region ?? ''}`;
    let client = cache.get(key);
    if (!client) {
      client = (async () => {
        const snapshot = await deps.snapshot();
        const resolvedRegion = region ?? profileRegion(snapshot, profile);
        const endpoint = profileEndpoint(snapshot, profile);
        const made = build({ region: resolvedRegion, ...(endpoint ? { endpoint } : {}), credentials: credentialsFor(profile, snapshot.paths) });
        deps.onClient?.(made, { service, profile, region: resolvedRegion });
        return made;
      })();
      // A failed build (an unreadable config file) must not stick.
      client.catch(() => cache.delete(key));
      cache.set(key, client);
    }
    return client as Promise<C>;
  }

  return {
    cloudTrail: (profile, region) => get('cloudtrail', profile, region, (s) => new CloudTrailClient({ ...s, maxAttempts: 1 })),
    // An endpoint override is an IP and port (the emulator): buckets go in the path, not the host.
    s3: (profile, region) => get('s3', profile, region, (s) => new S3Client({ ...s, forcePathStyle: Boolean(s.endpoint), followRegionRedirects: true })),
    sts: (profile) => get('sts', profile, undefined, (s) => new STSClient(s)),
  };
}
