import { z } from 'zod';

/** How a profile gets its credentials; decides what signing in means for it. */
export const ProfileKind = z.enum([
  'sso',
  'sso-legacy',
  'role',
  'static',
  'credential-process',
  'web-identity',
  'login-session',
  'unknown',
]);
export type ProfileKind = z.infer<typeof ProfileKind>;

/** A profile as the renderer may see it: names and settings, never a key or token. */
export const ProfileSummary = z.object({
  name: z.string(),
  kind: ProfileKind,
  /**
   * Where it was found: the config file, the credentials file, or both; `app` for a profile
   * added in Auditdesk from account discovery, kept in memory for this run until it is written.
   */
  sources: z.array(z.enum(['config', 'credentials', 'app'])),
  region: z.string().optional(),
  /** For SSO profiles: the session (or start URL) and the account/role it signs in to. */
  ssoSession: z.string().optional(),
  ssoStartUrl: z.string().optional(),
  ssoAccountId: z.string().optional(),
  ssoRoleName: z.string().optional(),
  /** For role profiles: the role and what it is assumed from. */
  roleArn: z.string().optional(),
  sourceProfile: z.string().optional(),
  credentialSource: z.string().optional(),
  mfaSerial: z.string().optional(),
  /** A configured endpoint override (the demo emulator uses one). */
  endpointUrl: z.string().optional(),
  /** Set when the profile cannot be used as written, with the reason. */
  problem: z.string().optional(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const ConfigFileProblem = z.object({
  /** Absolute path of the file. */
  file: z.string(),
  /** 1-based line, when the problem is on one line. */
  line: z.number().optional(),
  message: z.string(),
});

export const profilesChannels = {
  /** The profiles in the AWS config and credentials files, read with the SDK's own loader. */
  'profiles:list': {
    input: z.object({}).strict(),
    output: z.object({
      configFile: z.string(),
      credentialsFile: z.string(),
      profiles: z.array(ProfileSummary),
      /** Files that could not be read as a whole or in part; the other profiles stay usable. */
      problems: z.array(ConfigFileProblem),
    }),
  },
} as const;
