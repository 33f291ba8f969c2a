import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { type AwsConfigSnapshot, profileEndpoint, profileRegion } from './aws-config';
import type { AwsCredentials } from './credentials/aws-credentials';

/** What every client needs from the workspace. */
export interface ClientFactoryDeps {
  snapshot: () => Promise<AwsConfigSnapshot>;
  credentials: (profile: string) => Promise<AwsCredentials>;
}

export interface AwsClients {
  cloudTrail(profile: string, region?: string): Promise<CloudTrailClient>;
  accessAnalyzer(profile: string, region?: string): Promise<AccessAnalyzerClient>;
  s3(profile: string, region?: string): Promise<S3Client>;
  sts(profile: string, region?: string): Promise<STSClient>;
  /** Closes the clients of one profile (or all), e.g. when its configuration changed. */
  invalidate(profile?: string): void;
  close(): void;
}

interface ClientSettings {
  region: string;
  endpoint?: string;
  credentials: () => Promise<AwsCredentials>;
}

type Destroyable = { destroy(): void };

/**
 * One SDK client per (service, profile, region), configured from the profile: its region, its
 * endpoint_url, and our credential cache as the provider. The provider is marked as memoized so
 * the SDK asks our cache on every request: once we drop expired or refused credentials, the very
 * next call (a retry included) signs with new ones.
 */
export function createClientFactory(deps: ClientFactoryDeps): AwsClients {
  const clients = new Map<string, { profile: string; client: Destroyable }>();

  async function get<C extends Destroyable>(service: string, profile: string, region: string | undefined, build: (s: ClientSettings) => C): Promise<C> {
    const snapshot = await deps.snapshot();
    const resolvedRegion = region ?? profileRegion(snapshot, profile);
    const key = `${service}|${profile}|${resolvedRegion}`;
    const existing = clients.get(key);
    if (existing) return existing.client as C;
    const provider = Object.assign(() => deps.credentials(profile), { memoized: true });
    const endpoint = profileEndpoint(snapshot, profile);
    const client = build({ region: resolvedRegion, ...(endpoint ? { endpoint } : {}), credentials: provider });
    clients.set(key, { profile, client });
    return client;
  }

  return {
    cloudTrail: (profile, region) => get('cloudtrail', profile, region, (s) => new CloudTrailClient(s)),
    accessAnalyzer: (profile, region) => get('access-analyzer', profile, region, (s) => new AccessAnalyzerClient(s)),
    // An endpoint override is an IP and port (the emulator): buckets go in the path, not the host name.
    s3: (profile, region) => get('s3', profile, region, (s) => new S3Client({ ...s, forcePathStyle: Boolean(s.endpoint), followRegionRedirects: true })),
    sts: (profile, region) => get('sts', profile, region, (s) => new STSClient(s)),
    invalidate(profile) {
      for (const [key, entry] of clients) {
        if (profile !== undefined && entry.profile !== profile) continue;
        entry.client.destroy();
        clients.delete(key);
      }
    },
    close() {
      for (const entry of clients.values()) entry.client.destroy();
      clients.clear();
    },
  };
}
