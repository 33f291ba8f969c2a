import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsConfigPaths } from '../services/profiles/config-paths';
import { classifyProfile, type ProfileSettings } from '../services/profiles/profile-kind';
import { findProfileProblem } from '../services/profiles/profile-problems';
import type { ProfileKind } from '../../shared/ipc/channels/profiles';

/**
 * The AWS config and credentials files as the SDK reads them (same loader, same merge: the
 * credentials file wins per key), plus the profiles added in the app for this run only.
 */
export interface AwsConfigSnapshot {
  paths: AwsConfigPaths;
  /** Every profile by name, file profiles and in-memory ones. */
  profiles: Record<string, ProfileSettings>;
  /** `[sso-session NAME]` sections by name. */
  ssoSessions: Record<string, ProfileSettings>;
  /** Names of profiles that exist only in memory (added from discovery). */
  inMemory: ReadonlySet<string>;
}

export async function loadAwsConfig(paths: AwsConfigPaths, inMemory: Record<string, ProfileSettings> = {}): Promise<AwsConfigSnapshot> {
  // ignoreCache: the files change under us (profiles:write, the demo rewriting its file on start).
  const loaded = await loadSharedConfigFiles({ configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true });
  const config = loaded.configFile as Record<string, ProfileSettings>;
  const credentials = loaded.credentialsFile as Record<string, ProfileSettings>;
  const profiles: Record<string, ProfileSettings> = {};
  const ssoSessions: Record<string, ProfileSettings> = {};
  for (const [name, settings] of Object.entries(config)) {
    if (name.startsWith('sso-session.')) ssoSessions[name.slice('sso-session.'.length)] = settings;
    else if (!name.startsWith('services.')) profiles[name] = { ...settings };
  }
  for (const [name, settings] of Object.entries(credentials)) profiles[name] = { ...profiles[name], ...settings };
  const added = new Set<string>();
  for (const [name, settings] of Object.entries(inMemory)) {
    // A profile written to the file since it was added is the file's from then on.
    if (profiles[name]) continue;
    profiles[name] = { ...settings };
    added.add(name);
  }
  return { paths, profiles, ssoSessions, inMemory: added };
}

export function profileKind(snapshot: AwsConfigSnapshot, name: string): ProfileKind {
  const settings = snapshot.profiles[name];
  return settings ? classifyProfile(settings) : 'unknown';
}

/** What is wrong with a profile as written, in the words the profile list uses; undefined if usable. */
export function profileProblem(snapshot: AwsConfigSnapshot, name: string): string | undefined {
  if (!snapshot.profiles[name]) return `Profile "${name}" is not in ${snapshot.paths.configFile} or ${snapshot.paths.credentialsFile}.`;
  return findProfileProblem(name, {
    profile: (n) => snapshot.profiles[n] ?? {},
    ssoSession: (n) => snapshot.ssoSessions[n],
    exists: (n) => n in snapshot.profiles,
  });
}

/**
 * The profiles from `name` down its source_profile chain to the profile that holds the first
 * credentials (keys, SSO, a process…). Call only on profiles without a problem: cycles are
 * caught by profileProblem.
 */
export function sourceChain(snapshot: AwsConfigSnapshot, name: string): string[] {
  const chain = [name];
  let current = snapshot.profiles[name] ?? {};
  while (current.role_arn && current.source_profile && !current.web_identity_token_file) {
    const next = current.source_profile;
    // A profile naming itself holds its own keys: the SDK's way to assume a role from them.
    if (next === chain[chain.length - 1] || chain.includes(next)) break;
    chain.push(next);
    current = snapshot.profiles[next] ?? {};
  }
  return chain;
}

/** The profile's `endpoint_url`, or the first one found down its source chain (the demo sets it on every profile). */
export function profileEndpoint(snapshot: AwsConfigSnapshot, name: string): string | undefined {
  for (const link of sourceChain(snapshot, name)) {
    const endpoint = snapshot.profiles[link]?.endpoint_url;
    if (endpoint) return endpoint;
  }
  return undefined;
}

/** us-east-1 is always covered: IAM, STS and console sign-in events are recorded there. */
export const HOME_REGION = 'us-east-1';

/**
 * Regions a profile's views and jobs cover: us-east-1, the profile's region, and the extra
 * regions listed in its `auditdesk_regions` setting (comma separated; the SDK ignores the key).
 */
export function profileRegions(snapshot: AwsConfigSnapshot, name: string): string[] {
  const settings = snapshot.profiles[name] ?? {};
  const extra = (settings.auditdesk_regions ?? '').split(/[\s,]+/).filter((r) => /^[a-z]{2}(-[a-z]+)+-\d$/.test(r));
  const own = settings.region ?? settings.sso_region;
  return [...new Set([HOME_REGION, ...(own ? [own] : []), ...extra])];
}

/** The region SDK clients for this profile use when the caller names none. */
export function profileRegion(snapshot: AwsConfigSnapshot, name: string): string {
  for (const link of sourceChain(snapshot, name)) {
    const region = snapshot.profiles[link]?.region;
    if (region) return region;
  }
  return HOME_REGION;
}
