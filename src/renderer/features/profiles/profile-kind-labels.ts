import type { ProfileKind } from '../../../shared/ipc/channels/profiles';

export type BadgeTone = 'blue' | 'indigo' | 'violet' | 'amber' | 'teal' | 'cyan' | 'slate' | 'neutral';

interface KindInfo {
  label: string;
  tone: BadgeTone;
  /** What the kind means, for the badge's tooltip. */
  explanation: string;
}

const kinds: Record<ProfileKind, KindInfo> = {
  sso: { label: 'SSO', tone: 'blue', explanation: 'IAM Identity Center through an sso-session: short-lived role credentials after a browser sign-in.' },
  'sso-legacy': { label: 'SSO (legacy)', tone: 'indigo', explanation: 'IAM Identity Center configured on the profile itself (no sso-session); tokens cannot be refreshed.' },
  role: { label: 'Role', tone: 'violet', explanation: 'Assumes an IAM role from another profile or from the environment.' },
  static: { label: 'Static keys', tone: 'amber', explanation: 'Long-lived access keys stored in a file. Auditors usually want these replaced with SSO.' },
  'credential-process': { label: 'Credential process', tone: 'teal', explanation: 'An external program prints the credentials (aws-vault, a password manager, …).' },
  'web-identity': { label: 'Web identity', tone: 'cyan', explanation: 'Assumes a role with an OIDC token file (CI systems, Kubernetes service accounts).' },
  'login-session': { label: 'Console sign-in', tone: 'slate', explanation: 'Uses an AWS console sign-in session (aws login).' },
  unknown: { label: 'Unknown', tone: 'neutral', explanation: 'The profile has no setting that provides credentials.' },
};

export function kindInfo(kind: ProfileKind): KindInfo {
  return kinds[kind];
}
