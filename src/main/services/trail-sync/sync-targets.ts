import { type AwsConfigSnapshot, profileRegions, sourceChain } from '../../aws/aws-config';

/** One account-region to sync, and the profiles that reach it (the first is tried first). */
export interface SyncTarget {
  accountId: string;
  region: string;
  profiles: string[];
}

export interface TargetFailure {
  profile: string;
  error: unknown;
}

/**
 * The account of a profile without a call where the config says it: an SSO profile names its
 * account, a role profile's ARN holds it. Keys and processes need sts:GetCallerIdentity.
 */
export function accountFromConfig(snapshot: AwsConfigSnapshot, profile: string): string | undefined {
  const settings = snapshot.profiles[profile] ?? {};
  if (settings.sso_account_id && /^\d{12}$/.test(settings.sso_account_id)) return settings.sso_account_id;
  const roleArn = settings.role_arn;
  const fromArn = roleArn ? /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn)?.[1] : undefined;
  if (fromArn) return fromArn;
  // A profile chained from an SSO profile without a role of its own: the SSO profile's account.
  const root = sourceChain(snapshot, profile).at(-1);
  return root && root !== profile && !roleArn ? accountFromConfig(snapshot, root) : undefined;
}

/**
 * How a sync finds a profile's account and regions from the AWS files alone (the CLI and tests;
 * the app uses the sessions service, which also knows the profiles added this run).
 */
export function snapshotLookups(snapshot: () => Promise<AwsConfigSnapshot>, identity: (profile: string, signal?: AbortSignal) => Promise<string>) {
  return {
    regionsOf: async (profile: string) => profileRegions(await snapshot(), profile),
    accountOf: async (profile: string, signal?: AbortSignal) => accountFromConfig(await snapshot(), profile) ?? (await identity(profile, signal)),
  };
}

/**
 * Every account × region the profiles cover, once: two profiles of the same account share one
 * account-region (and so one rate limit). Regions: the explicit list when given, else each
 * profile's own (us-east-1, its region, its auditdesk_regions).
 */
export async function resolveTargets(opts: {
  profiles: readonly string[];
  regions?: readonly string[];
  regionsOf: (profile: string) => Promise<string[]>;
  accountOf: (profile: string) => Promise<string>;
}): Promise<{ targets: SyncTarget[]; failures: TargetFailure[] }> {
  const byKey = new Map<string, SyncTarget>();
  const failures: TargetFailure[] = [];
  const accounts = await Promise.all(
    opts.profiles.map(async (profile) => {
      try {
        const regions = opts.regions?.length ? [...new Set(opts.regions)] : await opts.regionsOf(profile);
        return { profile, accountId: await opts.accountOf(profile), regions };
      } catch (error) {
        failures.push({ profile, error });
        return undefined;
      }
    }),
  );
  for (const entry of accounts) {
    if (!entry) continue;
    for (const region of entry.regions) {
      const key = `${entry.accountId}/${region}`;
      const target = byKey.get(key);
      if (target) target.profiles.push(entry.profile);
      else byKey.set(key, { accountId: entry.accountId, region, profiles: [entry.profile] });
    }
  }
  return { targets: [...byKey.values()], failures };
}
