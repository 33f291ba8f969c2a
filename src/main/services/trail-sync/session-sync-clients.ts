import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { AwsClients } from '../../aws/client-factory';
import type { SyncClients } from './sync-clients';

/**
 * The sync's clients on top of the workspace's client factory (credentials from the sessions
 * service: SSO, roles with MFA, renewals). LookupEvents gets a client of its own built from the
 * factory's settings with one attempt per send: its retries belong to the rate gate.
 */
export function syncClientsFromFactory(aws: AwsClients): SyncClients {
  return {
    async cloudTrail(profile, region) {
      const base = await aws.cloudTrail(profile, region);
      const { config } = base;
      return new CloudTrailClient({
        region: config.region,
        credentials: config.credentials,
        ...(config.isCustomEndpoint && config.endpoint ? { endpoint: config.endpoint } : {}),
        maxAttempts: 1,
      });
    },
    s3: (profile, region) => aws.s3(profile, region),
    sts: (profile) => aws.sts(profile),
  };
}
