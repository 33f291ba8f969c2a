import type { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import type { JobContext } from '../jobs/job-runner';

/**
 * What the findings service needs from AWS, as a port: the sessions service provides it in the
 * app (findings-core-deps.ts), tests may pass anything that talks to the emulator.
 */
export interface FindingsAws {
  /** An Access Analyzer client for the profile in a region (endpoint_url and credentials from the profile). */
  accessAnalyzer(profile: string, region: string): Promise<AccessAnalyzerClient>;
  /** sts:GetCallerIdentity: the account to sync and the ARN triage records as "who". */
  identity(profile: string, signal?: AbortSignal): Promise<{ account: string; arn: string }>;
  /** The profile's own regions: us-east-1, its region, its auditdesk_regions. */
  regions(profile: string): Promise<string[]>;
  /** The account a profile is set up for, from its configuration, for when STS cannot be asked. */
  accountHint(profile: string): Promise<string | undefined>;
  /** Runs one call of a job so that an expired sign-in pauses the job instead of failing it. */
  withSignInRetry<T>(profile: string, ctx: JobContext, fn: () => Promise<T>): Promise<T>;
}
