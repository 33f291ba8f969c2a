import type { ProfileKind } from '../../../shared/ipc/channels/profiles';

export type ProfileSettings = Record<string, string | undefined>;

/**
 * How the SDK's credential chain would treat a profile, in the order it tries them
 * (@aws-sdk/credential-provider-ini): SSO, then role assumption, then a process, then keys.
 */
export function classifyProfile(settings: ProfileSettings): ProfileKind {
  if (settings.sso_session) return 'sso';
  if (settings.sso_start_url || settings.sso_account_id) return 'sso-legacy';
  if (settings.role_arn && settings.web_identity_token_file) return 'web-identity';
  if (settings.role_arn) return 'role';
  if (settings.credential_process) return 'credential-process';
  if (settings.aws_access_key_id) return 'static';
  if (settings.login_session) return 'login-session';
  return 'unknown';
}
