import { fromIni } from '@aws-sdk/credential-providers';
import type { SSOClient } from '@aws-sdk/client-sso';
import { AppError } from '../../../shared/ipc/result';
import { type AwsConfigSnapshot, profileEndpoint, profileRegion, sourceChain } from '../aws-config';
import { describeAwsError, SessionErrorCode } from '../aws-errors';
import { targetForProfile, type SsoTarget } from '../sso/sso-target';
import type { PortalTokenSource } from '../sso/with-portal-token';
import type { AwsCredentials } from './aws-credentials';
import { assumeRole, assumeRoleWithWebIdentity, type StsLocation } from './role-assumer';
import { ssoRoleCredentials } from './sso-role-credentials';

export interface ProfileCredentialsDeps {
  snapshot: () => Promise<AwsConfigSnapshot>;
  /** The sessions' access tokens (renewed when needed). */
  tokens: PortalTokenSource;
  portal: (target: SsoTarget) => SSOClient;
  /** Asks the user for a code for `mfaSerial` on behalf of `profile`. */
  mfaCode: (profile: string, mfaSerial: string) => Promise<string>;
}

/**
 * Fresh credentials for one profile, of any kind. Keys, processes, web identity and role chains
 * from them go through the SDK's fromIni (with our MFA prompt and our STS at the profile's
 * endpoint). SSO, and role chains whose root is SSO, are resolved here, because the SDK's fromSSO
 * only reads $HOME/.aws/sso/cache and the workspace keeps its tokens elsewhere (the demo's home).
 */
export async function resolveProfileCredentials(deps: ProfileCredentialsDeps, profile: string): Promise<AwsCredentials> {
  const snapshot = await deps.snapshot();
  const target = targetForProfile(snapshot, profile);
  const sts: StsLocation = { region: profileRegion(snapshot, profile), ...optionalEndpoint(profileEndpoint(snapshot, profile)) };
  try {
    if (target) return await fromSsoChain(deps, snapshot, profile, target, sts);
    const provider = fromIni({
      profile,
      filepath: snapshot.paths.credentialsFile,
      configFilepath: snapshot.paths.configFile,
      ignoreCache: true,
      mfaCodeProvider: (serial) => deps.mfaCode(profile, serial),
      roleAssumer: (source, params) => assumeRole(sts, source, params),
      roleAssumerWithWebIdentity: (params) => assumeRoleWithWebIdentity(sts, params),
    });
    return await provider();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Keep the SDK's own error (its name tells expiry from denial) but never its stack in a message.
    if (error instanceof Error && '$metadata' in error) throw error;
    throw new AppError(SessionErrorCode.credentials, `Could not get credentials for profile "${profile}": ${describeAwsError(error)}`);
  }
}

async function fromSsoChain(
  deps: ProfileCredentialsDeps,
  snapshot: AwsConfigSnapshot,
  profile: string,
  target: SsoTarget,
  sts: StsLocation,
): Promise<AwsCredentials> {
  const chain = sourceChain(snapshot, profile);
  const rootName = chain.at(-1) ?? profile;
  const root = snapshot.profiles[rootName] ?? {};
  let creds = await ssoRoleCredentials({
    portal: deps.portal(target),
    tokens: deps.tokens,
    target,
    accountId: root.sso_account_id ?? '',
    roleName: root.sso_role_name ?? '',
  });
  // Walk back up the chain: each role is assumed with the credentials of the one below it.
  for (const name of chain.slice(0, -1).reverse()) {
    const hop = snapshot.profiles[name] ?? {};
    const mfaSerial = hop.mfa_serial;
    creds = await assumeRole(sts, creds, {
      RoleArn: hop.role_arn,
      RoleSessionName: hop.role_session_name || `auditdesk-${Date.now()}`,
      ...(hop.external_id ? { ExternalId: hop.external_id } : {}),
      ...(hop.duration_seconds ? { DurationSeconds: Number.parseInt(hop.duration_seconds, 10) } : {}),
      ...(mfaSerial ? { SerialNumber: mfaSerial, TokenCode: await deps.mfaCode(profile, mfaSerial) } : {}),
    });
  }
  return creds;
}

function optionalEndpoint(endpoint: string | undefined): { endpoint?: string } {
  return endpoint ? { endpoint } : {};
}
