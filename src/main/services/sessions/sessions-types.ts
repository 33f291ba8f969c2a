import type {
  CallerIdentity,
  DeviceCodePrompt,
  DiscoveredAccount,
  PreflightCheck,
  ProfileSession,
  SignInFlow,
  SsoSessionSummary,
} from '../../../shared/ipc/channels/sessions';
import type { AwsClients } from '../../aws/client-factory';
import type { EventBus } from '../../core/event-bus';
import type { JobContext } from '../jobs/job-runner';
import type { ProfileSettings } from '../profiles/profile-kind';
import type { WorkspaceService } from '../workspace/workspace-service';

/** A profile, or an `[sso-session]` by name: what a sign-in, sign-out or discovery is about. */
export interface SessionSpec {
  profile?: string;
  ssoSession?: string;
}

export interface SignInRequest {
  /** Default: PKCE for sso-session profiles, device code for legacy ones (as the CLI). */
  flow?: SignInFlow;
  /** False when nobody needs the browser (the demo approves by itself). Default true. */
  openBrowser?: boolean;
  /** The CLI prints these, in case no browser opens. */
  onAuthorizeUrl?: (url: string) => void;
  onDeviceCode?: (prompt: DeviceCodePrompt) => void;
}

export interface SessionsListing {
  sessions: SsoSessionSummary[];
  profiles: ProfileSession[];
}

export interface SessionsService {
  list(): Promise<SessionsListing>;
  signIn(spec: SessionSpec, request?: SignInRequest): Promise<SsoSessionSummary>;
  cancelSignIn(spec: SessionSpec): Promise<boolean>;
  signOut(spec: SessionSpec): Promise<SsoSessionSummary>;
  provideMfa(requestId: string, code: string): boolean;
  cancelMfa(requestId: string): boolean;
  discover(spec: SessionSpec): Promise<{ sessionId: string; accounts: DiscoveredAccount[] }>;
  addDiscovered(input: { sessionId: string; accountId: string; roleName: string; profileName?: string; region?: string }): Promise<ProfileSession>;
  preflight(profile: string, region?: string, signal?: AbortSignal): Promise<{ profile: string; region: string; checks: PreflightCheck[] }>;
  identity(profile: string): Promise<CallerIdentity & { profile: string }>;
  writePreview(profile: string): Promise<{ configFile: string; text: string }>;
  writeProfile(profile: string): Promise<{ configFile: string; backupFile?: string; text: string }>;
  /** The profiles added from discovery for this run and not written yet, by name (a copy). */
  addedProfiles(): Record<string, ProfileSettings>;
  /** Regions a profile's jobs cover: us-east-1, its region, its auditdesk_regions. */
  regions(profile: string): Promise<string[]>;
  /** SDK clients for any profile of the workspace, credentials included. */
  clients: AwsClients;
  /** Runs a job's AWS call, pausing the job for a new sign-in if the session runs out (see sign-in-retry.ts). */
  withSignInRetry<T>(profile: string, ctx: JobContext, fn: () => Promise<T>): Promise<T>;
  waitForSignIn(sessionId: string, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export interface SessionsServiceDeps {
  workspace: WorkspaceService;
  bus: EventBus;
  openExternal: (url: string) => Promise<void>;
  clock?: () => Date;
  /** Diagnostics; every line is redacted again before it gets here. */
  log?: (line: string) => void;
}
