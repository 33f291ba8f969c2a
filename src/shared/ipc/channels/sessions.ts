import { z } from 'zod';
import { ProfileKind } from './profiles';

/**
 * Sign-in state as the renderer may see it: names, account ids, ARNs and expiry times. Access
 * tokens, refresh tokens and keys stay in the main process (shared/STYLE.md "Security baseline").
 */
export const SessionStatus = z.enum([
  /** A valid token (SSO) or valid credentials. */
  'signed-in',
  /** Valid for less than 15 minutes and not renewable without the user. */
  'expiring',
  /** Past its expiry; sign in again. */
  'expired',
  /** No token in the cache, or credentials not fetched yet. */
  'signed-out',
  /** A sign-in is waiting for the browser or the device code. */
  'signing-in',
  /** The profile cannot be used as configured, or the last attempt failed; see `message`. */
  'error',
]);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const SignInFlow = z.enum(['pkce', 'device']);
export type SignInFlow = z.infer<typeof SignInFlow>;

export const DeviceCodePrompt = z.object({
  /** The session the code is for (see SsoSessionSummary.id). */
  sessionId: z.string(),
  /** The code the user checks on the verification page. */
  userCode: z.string(),
  /** The page to open; the user enters or checks the code there. */
  verificationUri: z.string(),
  /** The same page with the code filled in, when the service offers one. */
  verificationUriComplete: z.string().optional(),
  /** When the code stops working (ISO 8601). */
  expiresAt: z.string(),
});
export type DeviceCodePrompt = z.infer<typeof DeviceCodePrompt>;

export const SsoSessionSummary = z.object({
  /** Stable id: `sso-session:<name>`, or `sso-legacy:<start url>` for profiles that carry the start URL. */
  id: z.string(),
  /** The `[sso-session NAME]` this is; absent for legacy profiles. */
  ssoSession: z.string().optional(),
  startUrl: z.string(),
  /** The region IAM Identity Center lives in. */
  region: z.string(),
  status: SessionStatus,
  /** When the access token expires (ISO 8601); the renderer counts down to it. */
  expiresAt: z.string().optional(),
  /** True when the session renews itself with a refresh token before it expires. */
  refreshable: z.boolean(),
  /** Profiles (from the files or added this run) that get their credentials from this session. */
  profiles: z.array(z.string()),
  /** While a device-code sign-in waits: the code to show. */
  deviceCode: DeviceCodePrompt.optional(),
  /** Why the status is `error`, or what the user should do. */
  message: z.string().optional(),
});
export type SsoSessionSummary = z.infer<typeof SsoSessionSummary>;

export const CallerIdentity = z.object({
  /** 12-digit account id. */
  account: z.string(),
  arn: z.string(),
  userId: z.string(),
});
export type CallerIdentity = z.infer<typeof CallerIdentity>;

export const ProfileSession = z.object({
  profile: z.string(),
  kind: ProfileKind,
  /** The SSO session its credentials come from, also for roles chained from an SSO profile. */
  sessionId: z.string().optional(),
  status: SessionStatus,
  /** When its token or credentials expire (ISO 8601). */
  expiresAt: z.string().optional(),
  /** From sts:GetCallerIdentity, once known. */
  identity: CallerIdentity.optional(),
  /** Regions this profile's views and jobs cover: us-east-1 always, then its own, then extras. */
  regions: z.array(z.string()),
  /** Switched on in the workspace. */
  active: z.boolean(),
  /** Added from account discovery for this run only; not in the config file. */
  inMemory: z.boolean(),
  message: z.string().optional(),
});
export type ProfileSession = z.infer<typeof ProfileSession>;

export const DiscoveredAccount = z.object({
  accountId: z.string(),
  accountName: z.string(),
  emailAddress: z.string().optional(),
  /** Permission sets the signed-in user may take in this account. */
  roles: z.array(z.string()),
  /** Profiles already set up for an account/role pair, by role name. */
  profiles: z.record(z.string(), z.string()),
});
export type DiscoveredAccount = z.infer<typeof DiscoveredAccount>;

export const PreflightCheck = z.object({
  /** IAM action, e.g. `cloudtrail:LookupEvents`. */
  action: z.string(),
  /** What the call was tried on (a trail, an analyzer, a bucket), when it needs one. */
  resource: z.string().optional(),
  status: z.enum(['allowed', 'denied', 'not-applicable', 'error']),
  /** The AWS error code for `denied` and `error`. */
  errorCode: z.string().optional(),
  message: z.string().optional(),
});
export type PreflightCheck = z.infer<typeof PreflightCheck>;

/** Exactly one of profile / ssoSession names what to sign in to. */
const SessionTarget = z
  .object({
    /** A profile: its SSO session (or the SSO profile at the root of its role chain). */
    profile: z.string().min(1).max(200).optional(),
    /** An `[sso-session NAME]` from the config file. */
    ssoSession: z.string().min(1).max(200).optional(),
  })
  .strict();
const oneTarget = (v: { profile?: string; ssoSession?: string }) => (v.profile === undefined) !== (v.ssoSession === undefined);
const oneTargetMessage = { message: 'Give either profile or ssoSession.' };

const ProfileName = z.string().min(1).max(200);

export const sessionsChannels = {
  /** Every SSO session of the workspace and the status of each profile in it. */
  'sessions:list': {
    input: z.object({}).strict(),
    output: z.object({ sessions: z.array(SsoSessionSummary), profiles: z.array(ProfileSession) }),
  },
  /**
   * Signs in to IAM Identity Center in the system browser (authorization code with PKCE) or with
   * a device code shown in the app. Resolves once signed in; progress arrives as
   * `sessions:changed` and `sessions:device-code`.
   */
  'sessions:sign-in': {
    input: SessionTarget.extend({ flow: SignInFlow.optional() }).strict().refine(oneTarget, oneTargetMessage),
    output: SsoSessionSummary,
  },
  /** Stops a sign-in that is waiting for the browser or the device code. */
  'sessions:cancel-sign-in': {
    input: SessionTarget.refine(oneTarget, oneTargetMessage),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Signs out at IAM Identity Center and deletes the cached token. */
  'sessions:sign-out': {
    input: SessionTarget.refine(oneTarget, oneTargetMessage),
    output: SsoSessionSummary,
  },
  /** The answer to `sessions:mfa-required`: a code, or a cancel. */
  'sessions:provide-mfa': {
    input: z
      .object({
        requestId: z.string().min(1).max(100),
        code: z.string().regex(/^\d{6}$/, 'An MFA code is six digits.').optional(),
        cancel: z.literal(true).optional(),
      })
      .strict()
      .refine((v) => (v.code === undefined) !== (v.cancel === undefined), { message: 'Give either code or cancel.' }),
    output: z.object({ accepted: z.boolean() }),
  },
  /** Accounts and roles the signed-in user can reach through a session (all pages). */
  'sessions:discover': {
    input: SessionTarget.refine(oneTarget, oneTargetMessage),
    output: z.object({ sessionId: z.string(), accounts: z.array(DiscoveredAccount) }),
  },
  /** Adds an account/role from discovery as a profile for this run and switches it on. */
  'sessions:add-discovered': {
    input: z
      .object({
        sessionId: z.string().min(1).max(400),
        accountId: z.string().regex(/^\d{12}$/),
        roleName: z.string().min(1).max(64),
        /** Default: `<account name>-<role>`. */
        profileName: z.string().regex(/^[A-Za-z0-9_.+=@-]{1,100}$/).optional(),
        region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).optional(),
      })
      .strict(),
    output: ProfileSession,
  },
  /** Tries each read call Auditdesk needs, once, and reports what the profile may do. */
  'sessions:preflight': {
    input: z.object({ profile: ProfileName, region: z.string().max(30).optional() }).strict(),
    output: z.object({ profile: z.string(), region: z.string(), checks: z.array(PreflightCheck) }),
  },
  /** sts:GetCallerIdentity for a profile (asks for an MFA code or a sign-in if it needs one). */
  'sessions:identity': {
    input: z.object({ profile: ProfileName }).strict(),
    output: CallerIdentity.extend({ profile: z.string() }),
  },
  /** The exact text `profiles:write` would append to the config file for a profile added this run. */
  'profiles:write-preview': {
    input: z.object({ profile: ProfileName }).strict(),
    output: z.object({ configFile: z.string(), text: z.string() }),
  },
  /** Appends that text to the config file, after a timestamped backup copy of it. */
  'profiles:write': {
    input: z.object({ profile: ProfileName }).strict(),
    output: z.object({ configFile: z.string(), backupFile: z.string().optional(), text: z.string() }),
  },
} as const;

export const sessionsEvents = {
  /** A session or a profile's status changed; views call `sessions:list` again. */
  'sessions:changed': z.object({ sessionId: z.string().optional(), profile: z.string().optional() }),
  /** A role needs an MFA code; answer with `sessions:provide-mfa`. */
  'sessions:mfa-required': z.object({ requestId: z.string(), profile: z.string(), mfaSerial: z.string() }),
  /** The MFA request was answered, cancelled or timed out: close its dialog. */
  'sessions:mfa-closed': z.object({ requestId: z.string() }),
  /** A device-code sign-in started: show the code and the page. */
  'sessions:device-code': DeviceCodePrompt,
} as const;
