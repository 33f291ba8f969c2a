import type { ProfileSettings } from './profile-kind';
import { classifyProfile } from './profile-kind';

interface Lookup {
  profile(name: string): ProfileSettings;
  ssoSession(name: string): ProfileSettings | undefined;
  exists(name: string): boolean;
}

/**
 * The mistakes the SDK would only report when credentials are first needed, found up front so
 * the profile list can say which profile is broken and why.
 */
export function findProfileProblem(name: string, lookup: Lookup): string | undefined {
  const settings = lookup.profile(name);
  switch (classifyProfile(settings)) {
    case 'sso': {
      const session = lookup.ssoSession(settings.sso_session ?? '');
      if (!session) return `Refers to sso-session "${settings.sso_session}", which is not defined in the config file.`;
      if (!session.sso_region) return `sso-session "${settings.sso_session}" has no sso_region.`;
      if (!session.sso_start_url) return `sso-session "${settings.sso_session}" has no sso_start_url.`;
      return undefined;
    }
    case 'sso-legacy': {
      const missing = ['sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'].filter((key) => !settings[key]);
      return missing.length ? `SSO profile is missing ${missing.join(', ')}.` : undefined;
    }
    case 'role':
      return roleProblem(name, lookup);
    case 'login-session':
      return 'Console sign-in profiles (login_session) are recognised but not supported yet: use an SSO or role profile for this account.';
    case 'unknown':
      return 'Has no credentials: no SSO settings, role, credential_process or keys.';
    default:
      return undefined;
  }
}

function roleProblem(name: string, lookup: Lookup): string | undefined {
  const settings = lookup.profile(name);
  if (!settings.source_profile && !settings.credential_source) {
    return 'Role profile needs source_profile or credential_source.';
  }
  const seen = [name];
  let current = settings;
  while (current.source_profile && current.role_arn) {
    const next = current.source_profile;
    // A profile naming itself with static keys is the SDK's documented way to chain from its own keys.
    if (next === seen[seen.length - 1] && current.aws_access_key_id) return undefined;
    if (seen.includes(next)) return `source_profile cycle: ${[...seen, next].join(' → ')}.`;
    if (!lookup.exists(next)) return `source_profile "${next}" does not exist.`;
    seen.push(next);
    current = lookup.profile(next);
  }
  return undefined;
}
