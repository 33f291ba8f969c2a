import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';
import { lintConfigFile, type ConfigProblem } from './config-file-lint';
import type { AwsConfigPaths } from './config-paths';
import { classifyProfile, type ProfileSettings } from './profile-kind';
import { findProfileProblem } from './profile-problems';

export interface ProfilesListing {
  configFile: string;
  credentialsFile: string;
  profiles: ProfileSummary[];
  problems: ConfigProblem[];
}

export interface ProfilesService {
  list(): Promise<ProfilesListing>;
}

export interface ProfilesServiceDeps {
  paths: () => AwsConfigPaths;
  /**
   * Profiles added in the app for this run (account discovery), by name. Listed after the files'
   * with the source `app`, so they can be switched on and off like any other; a name the files
   * now hold is the files' (as in aws-config.ts).
   */
  added?: () => Record<string, ProfileSettings>;
}

/** Profiles as the AWS SDK sees them, plus what it would silently skip, plus those added in the app. */
export function createProfilesService(deps: ProfilesServiceDeps): ProfilesService {
  return {
    async list() {
      const { configFile, credentialsFile } = deps.paths();
      const [loaded, configProblems, credentialsProblems] = await Promise.all([
        loadSharedConfigFiles({ configFilepath: configFile, filepath: credentialsFile, ignoreCache: true }),
        lintConfigFile(configFile, 'config'),
        lintConfigFile(credentialsFile, 'credentials'),
      ]);
      const config = loaded.configFile as Record<string, ProfileSettings>;
      const credentials = loaded.credentialsFile as Record<string, ProfileSettings>;
      const ssoSessions = pickPrefixed(config, 'sso-session.');
      const names = new Set(
        [...Object.keys(config), ...Object.keys(credentials)].filter((name) => !name.includes('.') || !isSpecialSection(name)),
      );
      const added = Object.entries(deps.added?.() ?? {}).filter(([name]) => !names.has(name));
      const inApp = new Map(added);
      const merged = (name: string): ProfileSettings => inApp.get(name) ?? { ...config[name], ...credentials[name] };
      const exists = (name: string) => names.has(name) || inApp.has(name);
      const ordered = [...[...names].sort(byName), ...[...inApp.keys()].sort(byName)];
      const profiles = ordered.map((name): ProfileSummary => {
        const settings = merged(name);
        const session = settings.sso_session ? ssoSessions[settings.sso_session] : undefined;
        return {
          name,
          kind: classifyProfile(settings),
          sources: inApp.has(name) ? ['app'] : [...(config[name] ? (['config'] as const) : []), ...(credentials[name] ? (['credentials'] as const) : [])],
          region: settings.region ?? settings.sso_region,
          ssoSession: settings.sso_session,
          ssoStartUrl: settings.sso_start_url ?? session?.sso_start_url,
          ssoAccountId: settings.sso_account_id,
          ssoRoleName: settings.sso_role_name,
          roleArn: settings.role_arn,
          sourceProfile: settings.source_profile,
          credentialSource: settings.credential_source,
          mfaSerial: settings.mfa_serial,
          endpointUrl: settings.endpoint_url,
          problem: findProfileProblem(name, { profile: merged, ssoSession: (n) => ssoSessions[n], exists }),
        };
      });
      return { configFile, credentialsFile, profiles, problems: [...configProblems, ...credentialsProblems] };
    },
  };
}

function isSpecialSection(name: string): boolean {
  return name.startsWith('sso-session.') || name.startsWith('services.');
}

function pickPrefixed(config: Record<string, ProfileSettings>, prefix: string): Record<string, ProfileSettings> {
  return Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

function byName(a: string, b: string): number {
  if (a === 'default') return -1;
  if (b === 'default') return 1;
  return a.localeCompare(b);
}
