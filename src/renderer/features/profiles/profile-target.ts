import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';

/** What a profile signs in to, split for the table's Account and Access columns. */
export interface ProfileTarget {
  account?: string;
  /** The role name, where there is one. */
  role?: string;
  /** The full role ARN, for the tooltip and for copying. */
  roleArn?: string;
  /** How the credentials are obtained, in a few words. */
  via: string;
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(.+)$/;

export function parseRoleArn(arn: string | undefined): { account: string; role: string } | undefined {
  const match = arn ? ROLE_ARN.exec(arn) : null;
  if (!match?.[1] || !match[2]) return undefined;
  // Role paths (`role/service/Deployer`) are shown by their last segment: the name people use.
  return { account: match[1], role: match[2].split('/').pop() ?? match[2] };
}

export function describeTarget(p: ProfileSummary): ProfileTarget {
  switch (p.kind) {
    case 'sso':
      return { account: p.ssoAccountId, role: p.ssoRoleName, via: p.ssoSession ? `SSO session “${p.ssoSession}”` : 'SSO session' };
    case 'sso-legacy':
      return { account: p.ssoAccountId, role: p.ssoRoleName, via: p.ssoStartUrl ? `Start URL ${hostOf(p.ssoStartUrl)}` : 'SSO start URL' };
    case 'role':
    case 'web-identity': {
      const parsed = parseRoleArn(p.roleArn);
      return { account: parsed?.account, role: parsed?.role ?? p.roleArn, roleArn: p.roleArn, via: roleSource(p) };
    }
    case 'static':
      return { via: 'Long-lived access keys' };
    case 'credential-process':
      return { via: 'External credential process' };
    case 'login-session':
      return { via: 'Console sign-in session' };
    default:
      return { via: 'No credential settings' };
  }
}

function roleSource(p: ProfileSummary): string {
  const mfa = p.mfaSerial ? ' · MFA' : '';
  if (p.kind === 'web-identity') return `Web identity token${mfa}`;
  if (p.sourceProfile) return `From profile “${p.sourceProfile}”${mfa}`;
  if (p.credentialSource) return `From ${p.credentialSource}${mfa}`;
  return `No source configured${mfa}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
