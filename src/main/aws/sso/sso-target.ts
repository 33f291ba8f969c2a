import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/ipc/result';
import { type AwsConfigSnapshot, profileKind, profileProblem, sourceChain } from '../aws-config';
import { SessionErrorCode } from '../aws-errors';

/**
 * One IAM Identity Center sign-in: an `[sso-session]` (shared by its profiles, refreshable) or a
 * legacy profile that carries sso_start_url itself (no scopes, so no refresh token, as the CLI).
 */
export interface SsoTarget {
  /** `sso-session:<name>` or `sso-legacy:<start url>`. */
  id: string;
  sessionName?: string;
  startUrl: string;
  region: string;
  /** Registration scopes; empty for legacy profiles. */
  scopes: string[];
  /** endpoint_url for the OIDC and portal clients (the emulator), when configured. */
  endpoint?: string;
  /** The AWS CLI v2 cache file name: sha1 of the session name, or of the start URL for legacy. */
  cacheKey: string;
}

export const DEFAULT_SSO_SCOPES = ['sso:account:access'];

export function sessionTargetById(snapshot: AwsConfigSnapshot, id: string): SsoTarget {
  if (id.startsWith('sso-session:')) return sessionTarget(snapshot, id.slice('sso-session:'.length));
  if (id.startsWith('sso-legacy:')) {
    const startUrl = id.slice('sso-legacy:'.length);
    const profile = Object.keys(snapshot.profiles).find((n) => !snapshot.profiles[n]?.sso_session && snapshot.profiles[n]?.sso_start_url === startUrl);
    if (profile) return legacyTarget(snapshot, profile);
  }
  throw new AppError(SessionErrorCode.unknownSession, `No SSO session "${id}" in ${snapshot.paths.configFile}.`);
}

/** The `[sso-session NAME]` section as a sign-in target. */
export function sessionTarget(snapshot: AwsConfigSnapshot, name: string): SsoTarget {
  const session = snapshot.ssoSessions[name];
  if (!session) throw new AppError(SessionErrorCode.unknownSession, `sso-session "${name}" is not defined in ${snapshot.paths.configFile}.`);
  if (!session.sso_region) throw new AppError(SessionErrorCode.profileConfig, `sso-session "${name}" has no sso_region.`);
  if (!session.sso_start_url) throw new AppError(SessionErrorCode.profileConfig, `sso-session "${name}" has no sso_start_url.`);
  const scopes = (session.sso_registration_scopes ?? '').split(/[\s,]+/).filter(Boolean);
  // The section itself may name the endpoint; otherwise the profiles that use it do (the demo's file).
  const endpoint =
    session.endpoint_url ?? Object.values(snapshot.profiles).find((p) => p.sso_session === name && p.endpoint_url)?.endpoint_url;
  return {
    id: `sso-session:${name}`,
    sessionName: name,
    startUrl: session.sso_start_url,
    region: session.sso_region,
    scopes: scopes.length ? scopes : DEFAULT_SSO_SCOPES,
    ...(endpoint ? { endpoint } : {}),
    cacheKey: sha1(name),
  };
}

function legacyTarget(snapshot: AwsConfigSnapshot, profile: string): SsoTarget {
  const settings = snapshot.profiles[profile] ?? {};
  const startUrl = settings.sso_start_url ?? '';
  return {
    id: `sso-legacy:${startUrl}`,
    startUrl,
    region: settings.sso_region ?? '',
    scopes: [],
    ...(settings.endpoint_url ? { endpoint: settings.endpoint_url } : {}),
    cacheKey: sha1(startUrl),
  };
}

/**
 * The sign-in behind a profile: its own SSO settings, or those of the SSO profile at the root of
 * its role chain. Undefined for profiles whose credentials need no sign-in (keys, a process…).
 * Throws the profile's configuration problem, in the profile list's words, when it has one.
 */
export function targetForProfile(snapshot: AwsConfigSnapshot, profile: string): SsoTarget | undefined {
  const problem = profileProblem(snapshot, profile);
  if (problem) {
    const code = snapshot.profiles[profile] ? SessionErrorCode.profileConfig : SessionErrorCode.unknownProfile;
    throw new AppError(code, `Profile "${profile}": ${problem}`);
  }
  const root = sourceChain(snapshot, profile).at(-1) ?? profile;
  const settings = snapshot.profiles[root] ?? {};
  switch (profileKind(snapshot, root)) {
    case 'sso':
      return sessionTarget(snapshot, settings.sso_session ?? '');
    case 'sso-legacy':
      return legacyTarget(snapshot, root);
    default:
      return undefined;
  }
}

/** Every sign-in the workspace's profiles use, once each, with the profiles that use it. */
export function allTargets(snapshot: AwsConfigSnapshot): Array<{ target: SsoTarget; profiles: string[] }> {
  const byId = new Map<string, { target: SsoTarget; profiles: string[] }>();
  for (const name of Object.keys(snapshot.ssoSessions)) {
    try {
      const target = sessionTarget(snapshot, name);
      byId.set(target.id, { target, profiles: [] });
    } catch {
      // A broken section is reported on the profiles that use it.
    }
  }
  for (const profile of Object.keys(snapshot.profiles).sort()) {
    let target: SsoTarget | undefined;
    try {
      target = targetForProfile(snapshot, profile);
    } catch {
      continue;
    }
    if (!target) continue;
    const entry = byId.get(target.id) ?? { target, profiles: [] };
    entry.profiles.push(profile);
    byId.set(target.id, entry);
  }
  return [...byId.values()];
}

function sha1(value: string): string {
  return createHash('sha1').update(value).digest('hex');
}
