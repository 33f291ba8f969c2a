import { ListAnalyzersCommand, ListFindingsV2Command } from '@aws-sdk/client-accessanalyzer';
import { DescribeTrailsCommand, GetTrailStatusCommand, LookupEventsCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { PreflightCheck } from '../../shared/ipc/channels/sessions';
import { AppError } from '../../shared/ipc/result';
import { redactSecrets } from '../core/redact';
import { awsErrorName, describeAwsError, isAccessDeniedError } from './aws-errors';
import type { AwsClients } from './client-factory';
import { getCallerIdentity } from './identity';

/**
 * Tries, once each, the read calls Auditdesk makes (docs/iam-policy-readonly.json), so an auditor
 * learns what is missing before a sync fails half-way. Calls that need a resource (a trail, an
 * analyzer, a bucket) are not applicable when the account has none.
 */
export async function runPreflight(deps: {
  clients: AwsClients;
  /** Fetches the profile's credentials first, so a failed sign-in or MFA is reported as such, not as seven denied calls. */
  ensureCredentials: () => Promise<unknown>;
  profile: string;
  region: string;
  signal?: AbortSignal;
}): Promise<PreflightCheck[]> {
  const { clients, profile, region, signal } = deps;
  await deps.ensureCredentials();
  const checks: PreflightCheck[] = [];
  const opts = { abortSignal: signal };

  async function probe<T>(action: string, resource: string | undefined, call: () => Promise<T>): Promise<T | undefined> {
    try {
      const out = await call();
      checks.push({ action, ...(resource ? { resource } : {}), status: 'allowed' });
      return out;
    } catch (error) {
      // No credentials at all (not signed in, MFA cancelled): every check would say the same; say it once.
      if (error instanceof AppError) throw error;
      const errorCode = awsErrorName(error) ?? 'Error';
      checks.push({
        action,
        ...(resource ? { resource } : {}),
        status: isAccessDeniedError(error) ? 'denied' : 'error',
        errorCode,
        // The code has its own field; the message is AWS's sentence alone.
        message: error instanceof Error && error.message ? redactSecrets(error.message) : describeAwsError(error),
      });
      return undefined;
    }
  }
  const notApplicable = (action: string, message: string) => checks.push({ action, status: 'not-applicable', message });

  const sts = await clients.sts(profile, region);
  await probe('sts:GetCallerIdentity', undefined, () => getCallerIdentity(sts, signal));

  const cloudTrail = await clients.cloudTrail(profile, region);
  await probe('cloudtrail:LookupEvents', undefined, () => cloudTrail.send(new LookupEventsCommand({ MaxResults: 1 }), opts));
  const trails = await probe('cloudtrail:DescribeTrails', undefined, () => cloudTrail.send(new DescribeTrailsCommand({}), opts));
  const trail = pickTrail(trails?.trailList ?? [], region);
  if (trail) {
    const name = trail.TrailARN ?? trail.Name ?? '';
    await probe('cloudtrail:GetTrailStatus', name, () => cloudTrail.send(new GetTrailStatusCommand({ Name: name }), opts));
  } else {
    notApplicable('cloudtrail:GetTrailStatus', trails ? 'No trail in this account and region.' : 'DescribeTrails did not succeed.');
  }

  const analyzer = await clients.accessAnalyzer(profile, region);
  const analyzers = await probe('access-analyzer:ListAnalyzers', undefined, () => analyzer.send(new ListAnalyzersCommand({}), opts));
  const first = analyzers?.analyzers?.[0]?.arn;
  if (first) {
    await probe('access-analyzer:ListFindingsV2', first, () => analyzer.send(new ListFindingsV2Command({ analyzerArn: first, maxResults: 1 }), opts));
  } else {
    notApplicable('access-analyzer:ListFindingsV2', analyzers ? 'No analyzer in this account and region.' : 'ListAnalyzers did not succeed.');
  }

  const bucket = trail?.S3BucketName;
  if (bucket) {
    const s3 = await clients.s3(profile, trail.HomeRegion ?? region);
    const prefix = trail.S3KeyPrefix ? `${trail.S3KeyPrefix.replace(/\/+$/, '')}/AWSLogs/` : 'AWSLogs/';
    await probe('s3:ListBucket', bucket, () => s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 }), opts));
  } else {
    notApplicable('s3:ListBucket', 'No trail bucket to read.');
  }
  return checks;
}

/** The trail whose logs a sync would read: one homed in this region first, then any (organisation, multi-region). */
function pickTrail(trails: Trail[], region: string): Trail | undefined {
  return trails.find((t) => t.HomeRegion === region) ?? trails.find((t) => t.IsMultiRegionTrail) ?? trails[0];
}
