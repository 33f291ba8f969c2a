import { startRuntime, type EmulatorOptions, type RunningEmulator } from './core/start-runtime';
import { createAccessAnalyzerService } from './services/accessanalyzer/accessanalyzer-service';
import { createCloudTrailService } from './services/cloudtrail/cloudtrail-service';
import { createS3Service } from './services/s3/s3-service';

/**
 * A local AWS on loopback that the real AWS SDK v3 clients cannot tell from AWS, for the
 * operations Auditdesk uses: STS, IAM Identity Center (SSO portal + OIDC), CloudTrail, S3
 * (trail logs) and IAM Access Analyzer. See src/emulator/core/start-runtime.ts for the assembly.
 *
 * Knobs, in process through `admin` or over HTTP on the same port (JSON, loopback only):
 *   GET  /__admin/world                  the seeded world
 *   GET  /__admin/faults, POST /__admin/faults {latencyMs?, errorRate5xx?, throttleNext?, accessDenied?, resetConnectionNext?} (merged)
 *   POST /__admin/reset-faults           back to no faults
 *   POST /__admin/expire-token           {accessToken?} SSO token | {accessKeyId?|sessionToken?} AWS keys | {all: true}
 *   POST /__admin/approve                {userCode, deny?} a pending device-code sign-in
 *   GET  /__admin/pending-authorizations
 *   POST /__admin/sign-in                an SSO token in the AWS CLI cache format, no browser needed
 * Sign-in pages: /device (device code) and /authorize (authorization code + PKCE).
 * MFA: AuditdeskMfaRole requires SerialNumber + TokenCode; the emulator accepts 123456.
 */
export type { EmulatorOptions, RunningEmulator } from './core/start-runtime';
export type { EmulatorAdmin, ExpireTarget, PendingAuthorization, SsoCacheToken } from './core/admin';
export type { FaultSettings, AccessDeniedRule } from './core/faults';
export type { EmulatorProfile } from './core/aws-config-files';
export { SSO_SESSION_NAME, ROLE_CHAIN_PROFILE } from './core/aws-config-files';
export { EMULATOR_MFA_CODE } from './world/iam-roles';

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  return startRuntime(opts, [createCloudTrailService, createS3Service, createAccessAnalyzerService]);
}
