import type { CallerIdentity, DeviceCodePrompt, DiscoveredAccount, SsoSessionSummary } from '../../../shared/ipc/channels/sessions';
import { AppError } from '../../../shared/ipc/result';
import { type AwsConfigSnapshot, loadAwsConfig, profileProblem, profileRegion, profileRegions, sourceChain } from '../../aws/aws-config';
import { describeAwsError, SessionErrorCode, SignInRequiredError } from '../../aws/aws-errors';
import { createClientFactory } from '../../aws/client-factory';
import type { AwsCredentials } from '../../aws/credentials/aws-credentials';
import { createCredentialCache } from '../../aws/credentials/credential-cache';
import { createMfaBroker } from '../../aws/credentials/mfa-broker';
import { resolveProfileCredentials } from '../../aws/credentials/profile-credentials';
import { getCallerIdentity } from '../../aws/identity';
import { runPreflight } from '../../aws/preflight';
import { withSignInRetry } from '../../aws/sign-in-retry';
import { withPortalToken } from '../../aws/sso/with-portal-token';
import { allTargets, sessionTarget, sessionTargetById, targetForProfile, type SsoTarget } from '../../aws/sso/sso-target';
import { createSsoTokenManager, describeTarget } from '../../aws/sso/sso-token-manager';
import type { CachedSsoToken } from '../../aws/sso/token-cache';
import { openExternalUrl } from '../../core/external-url';
import { redactSecrets } from '../../core/redact';
import { resolveAwsConfigPaths } from '../profiles/config-paths';
import type { ProfileSettings } from '../profiles/profile-kind';
import { defaultProfileName, discoveredProfileSettings } from './discovered-profile';
import { discoverAccounts } from './discovery';
import { appendText, writeProfileSection } from './profile-writer';
import { type ListingFacts, summarizeProfile, summarizeSession } from './session-listing';
import type { SessionSpec, SessionsService, SessionsServiceDeps } from './sessions-types';
import { createSignInWaiters } from './sign-in-waiters';

export type { SessionSpec, SessionsListing, SessionsService, SessionsServiceDeps, SignInRequest } from './sessions-types';

interface SignInRun {
  controller: AbortController;
  promise: Promise<SsoSessionSummary>;
  /** Set once a device-code sign-in has its code, so the listing can show it. */
  prompt: { deviceCode?: DeviceCodePrompt };
}

/**
 * Sign-in, credentials and status for every profile of the workspace: IAM Identity Center
 * sessions (PKCE or device code, renewed before they expire), role chains with MFA, and the
 * other kinds through the SDK. Credentials stay in this process; the renderer sees status only.
 */
export function createSessionsService(deps: SessionsServiceDeps): SessionsService {
  const now = deps.clock ?? (() => new Date());
  const log = (line: string) => deps.log?.(redactSecrets(line));
  const emitChanged = (payload: { sessionId?: string; profile?: string }) => deps.bus.emit('sessions:changed', payload);

  const inMemory: Record<string, ProfileSettings> = {};
  const identities = new Map<string, CallerIdentity>();
  const profileErrors = new Map<string, string>();
  const sessionErrors = new Map<string, string>();
  const signIns = new Map<string, SignInRun>();
  const lastDiscovery = new Map<string, DiscoveredAccount[]>();
  const background = new Set<Promise<unknown>>();
  const waiters = createSignInWaiters();

  const paths = () => resolveAwsConfigPaths(deps.workspace.current().awsEnv, deps.workspace.current().awsHome);
  const snapshot = () => loadAwsConfig(paths(), inMemory);

  const tokens = createSsoTokenManager({
    home: () => deps.workspace.current().awsHome,
    now,
    log,
    onChange: (sessionId, reason) => {
      if (reason === 'signed-in' || reason === 'renewed') waiters.signedIn(sessionId);
      emitChanged({ sessionId });
    },
  });
  const mfa = createMfaBroker({
    onRequest: (request) => deps.bus.emit('sessions:mfa-required', request),
    onClosed: (requestId) => deps.bus.emit('sessions:mfa-closed', { requestId }),
  });
  const credentials = createCredentialCache({
    now,
    resolve: (profile) =>
      resolveProfileCredentials(
        {
          snapshot,
          tokens,
          portal: (target) => tokens.portal(target),
          mfaCode: (p, serial) => mfa.request(p, serial),
        },
        profile,
      ),
  });
  const clients = createClientFactory({ snapshot, credentials: (profile): Promise<AwsCredentials> => credentials.get(profile) });

  function inBackground(work: Promise<unknown>) {
    const tracked = work.catch((error: unknown) => log(`sessions: background task failed: ${describeAwsError(error)}`));
    background.add(tracked);
    void tracked.finally(() => background.delete(tracked));
  }

  async function resolveSpec(snap: AwsConfigSnapshot, spec: SessionSpec): Promise<SsoTarget> {
    if (spec.ssoSession !== undefined) return sessionTarget(snap, spec.ssoSession);
    const profile = spec.profile ?? '';
    const target = targetForProfile(snap, profile);
    if (!target) {
      throw new AppError(SessionErrorCode.notSso, `Profile "${profile}" does not use IAM Identity Center: there is nothing to sign in to.`);
    }
    return target;
  }

  async function listingFacts(snap: AwsConfigSnapshot, targets: SsoTarget[]): Promise<ListingFacts> {
    const cached = await Promise.all(targets.map(async (t) => [t.id, await tokens.peek(t)] as const));
    for (const t of targets) void tokens.watch(t);
    return {
      snapshot: snap,
      now: now(),
      activeProfiles: new Set(deps.workspace.current().activeProfiles),
      tokens: new Map<string, CachedSsoToken | undefined>(cached),
      signingIn: (id) => {
        const run = signIns.get(id);
        return run ? (run.prompt.deviceCode ?? true) : undefined;
      },
      rejected: (id) => tokens.isRejected(id),
      sessionError: (id) => sessionErrors.get(id) ?? tokens.lastError(id),
      identities,
      profileErrors,
      credentialExpiry: (p) => credentials.peek(p),
    };
  }

  async function sessionSummary(target: SsoTarget): Promise<SsoSessionSummary> {
    const snap = await snapshot();
    const profiles = allTargets(snap).find((e) => e.target.id === target.id)?.profiles ?? [];
    return summarizeSession(await listingFacts(snap, [target]), target, profiles);
  }

  /** Profiles whose credentials come from this session: their cached credentials are now stale. */
  async function dependents(target: SsoTarget): Promise<string[]> {
    return allTargets(await snapshot()).find((e) => e.target.id === target.id)?.profiles ?? [];
  }

  async function refreshIdentities(target: SsoTarget) {
    const snap = await snapshot();
    const active = new Set(deps.workspace.current().activeProfiles);
    for (const profile of await dependents(target)) {
      // Never ask for an MFA code nobody requested: identities of MFA roles wait for first use.
      const needsMfa = sourceChain(snap, profile).some((p) => snap.profiles[p]?.mfa_serial);
      if (!active.has(profile) || needsMfa) continue;
      await service.identity(profile).catch(() => undefined);
    }
  }

  /**
   * Resolves at the session's next sign-in, or at once if it is signed in already: a sign-in that
   * finished between a job's failed call and its wait must not leave the job waiting for another.
   */
  async function waitForSignIn(sessionId: string, signal: AbortSignal): Promise<void> {
    const waiting = waiters.wait(sessionId, signal);
    // A cancel during the check below rejects it before it is returned; that is not unhandled.
    waiting.catch(() => undefined);
    try {
      const target = sessionTargetById(await snapshot(), sessionId);
      const token = await tokens.peek(target);
      if (token && Date.parse(token.expiresAt) > now().getTime() && !tokens.isRejected(sessionId)) waiters.signedIn(sessionId);
    } catch {
      // An unknown session can still appear (the file is being edited); keep waiting.
    }
    return waiting;
  }

  function requireUsable(snap: AwsConfigSnapshot, profile: string) {
    const problem = profileProblem(snap, profile);
    if (problem) {
      throw new AppError(snap.profiles[profile] ? SessionErrorCode.profileConfig : SessionErrorCode.unknownProfile, `Profile "${profile}": ${problem}`);
    }
  }

  // The workspace decides which files and which token cache are in use; a switch starts afresh.
  const workspaceKey = () => {
    const ws = deps.workspace.current();
    return `${ws.kind}|${ws.awsHome}|${paths().configFile}|${ws.demo?.endpoint ?? ''}`;
  };
  let lastWorkspace = workspaceKey();
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event !== 'workspace:changed') return;
    const key = workspaceKey();
    if (key === lastWorkspace) return;
    lastWorkspace = key;
    for (const run of signIns.values()) run.controller.abort();
    mfa.cancelAll();
    tokens.reset();
    credentials.invalidate();
    clients.invalidate();
    identities.clear();
    profileErrors.clear();
    sessionErrors.clear();
    lastDiscovery.clear();
    for (const name of Object.keys(inMemory)) delete inMemory[name];
    emitChanged({});
    if (deps.workspace.current().kind === 'demo') inBackground(signInToDemo());
  });

  /**
   * The demo signs in by itself, through the real device flow: the emulator approves at once, so
   * nobody is sent to a browser. Tokens left from an earlier run belong to a stopped emulator.
   */
  async function signInToDemo() {
    for (const { target } of allTargets(await snapshot())) {
      if (!target.sessionName) continue;
      await service.signIn({ ssoSession: target.sessionName }, { flow: 'device', openBrowser: false }).catch((error: unknown) => {
        log(`sessions: demo sign-in to ${target.id} failed: ${describeAwsError(error)}`);
      });
    }
  }

  const service: SessionsService = {
    async list() {
      const snap = await snapshot();
      const entries = allTargets(snap);
      const facts = await listingFacts(
        snap,
        entries.map((e) => e.target),
      );
      const sessions = entries.map((e) => summarizeSession(facts, e.target, e.profiles));
      const byId = new Map(sessions.map((s) => [s.id, s]));
      const profiles = Object.keys(snap.profiles)
        .sort((a, b) => a.localeCompare(b))
        .map((name) => summarizeProfile(facts, byId, name));
      return { sessions, profiles };
    },

    async signIn(spec, request = {}) {
      const target = await resolveSpec(await snapshot(), spec);
      const running = signIns.get(target.id);
      if (running) return running.promise;
      const flow = request.flow ?? (target.sessionName ? 'pkce' : 'device');
      const controller = new AbortController();
      const prompt: SignInRun['prompt'] = {};
      const promise = (async () => {
        sessionErrors.delete(target.id);
        emitChanged({ sessionId: target.id });
        try {
          await tokens.signIn(target, {
            flow,
            ...(request.openBrowser === false ? {} : { openExternal: async (url: string) => void (await openExternalUrl(url, deps.openExternal)) }),
            onAuthorizeUrl: request.onAuthorizeUrl,
            onDeviceCode: (code) => {
              prompt.deviceCode = { sessionId: target.id, ...code };
              deps.bus.emit('sessions:device-code', prompt.deviceCode);
              emitChanged({ sessionId: target.id });
              request.onDeviceCode?.(prompt.deviceCode);
            },
            signal: controller.signal,
          });
        } catch (error) {
          sessionErrors.set(target.id, `Sign-in failed: ${describeAwsError(error)}`);
          log(`sessions: sign-in to ${target.id} failed: ${describeAwsError(error)}`);
          if (error instanceof AppError) throw error;
          throw new AppError(SessionErrorCode.signInFailed, `Sign-in to ${describeTarget(target)} failed: ${describeAwsError(error)}`);
        } finally {
          signIns.delete(target.id);
          emitChanged({ sessionId: target.id });
        }
        for (const profile of await dependents(target)) {
          credentials.invalidate(profile);
          profileErrors.delete(profile);
        }
        inBackground(refreshIdentities(target));
        return sessionSummary(target);
      })();
      signIns.set(target.id, { controller, promise, prompt });
      return promise;
    },

    async cancelSignIn(spec) {
      const target = await resolveSpec(await snapshot(), spec);
      const run = signIns.get(target.id);
      run?.controller.abort();
      return run !== undefined;
    },

    async signOut(spec) {
      const target = await resolveSpec(await snapshot(), spec);
      signIns.get(target.id)?.controller.abort();
      await tokens.signOut(target);
      for (const profile of await dependents(target)) {
        credentials.invalidate(profile);
        identities.delete(profile);
        profileErrors.delete(profile);
      }
      return sessionSummary(target);
    },

    provideMfa: (requestId, code) => mfa.provide(requestId, code),
    cancelMfa: (requestId) => mfa.cancel(requestId),

    async discover(spec) {
      const snap = await snapshot();
      const target = await resolveSpec(snap, spec);
      const accounts = await withPortalToken(tokens, target, (accessToken) => discoverAccounts({ portal: tokens.portal(target), accessToken, target, snapshot: snap }));
      lastDiscovery.set(target.id, accounts);
      return { sessionId: target.id, accounts };
    },

    async addDiscovered(input) {
      const snap = await snapshot();
      const target = sessionTargetById(snap, input.sessionId);
      const accountName = lastDiscovery.get(target.id)?.find((a) => a.accountId === input.accountId)?.accountName ?? input.accountId;
      const name = input.profileName ?? defaultProfileName(accountName, input.roleName);
      if (snap.profiles[name]) throw new AppError(SessionErrorCode.profileExists, `A profile named "${name}" already exists. Choose another name.`);
      const sibling = Object.values(snap.profiles).find((p) => p.sso_session && p.sso_session === target.sessionName && p.region)?.region;
      inMemory[name] = discoveredProfileSettings(target, input.accountId, input.roleName, input.region ?? sibling ?? target.region);
      log(`sessions: added profile ${name} (${input.accountId} ${input.roleName}) for this run`);
      deps.workspace.setActiveProfiles([...deps.workspace.current().activeProfiles, name]);
      emitChanged({ profile: name });
      inBackground(service.identity(name).catch(() => undefined));
      const after = await service.list();
      const added = after.profiles.find((p) => p.profile === name);
      if (!added) throw new Error(`Profile ${name} vanished after it was added.`);
      return added;
    },

    async preflight(profile, region, signal) {
      const snap = await snapshot();
      requireUsable(snap, profile);
      const where = region ?? profileRegion(snap, profile);
      const checks = await runPreflight({ clients, ensureCredentials: () => credentials.get(profile), profile, region: where, signal });
      return { profile, region: where, checks };
    },

    async identity(profile) {
      requireUsable(await snapshot(), profile);
      try {
        const identity = await getCallerIdentity(await clients.sts(profile));
        identities.set(profile, identity);
        profileErrors.delete(profile);
        emitChanged({ profile });
        return { profile, ...identity };
      } catch (error) {
        // A session that needs a sign-in shows that on the session; other failures belong to the profile.
        if (!(error instanceof SignInRequiredError)) {
          profileErrors.set(profile, describeAwsError(error));
          emitChanged({ profile });
        }
        throw error;
      }
    },

    async writePreview(profile) {
      const settings = inMemory[profile];
      if (!settings) throw new AppError(SessionErrorCode.notInMemory, `Profile "${profile}" is not one added in Auditdesk; it is already in the config file.`);
      const { configFile } = paths();
      return { configFile, text: await appendText(configFile, profile, settings) };
    },

    addedProfiles: () => structuredClone(inMemory),

    async writeProfile(profile) {
      const snap = await snapshot();
      const settings = inMemory[profile];
      if (!settings || !snap.inMemory.has(profile)) {
        throw new AppError(SessionErrorCode.notInMemory, `Profile "${profile}" is not one added in Auditdesk; it is already in the config file.`);
      }
      const { configFile } = paths();
      const written = await writeProfileSection(configFile, profile, settings, now());
      delete inMemory[profile];
      log(`sessions: wrote profile ${profile} to ${configFile}${written.backupFile ? ` (backup ${written.backupFile})` : ''}`);
      emitChanged({ profile });
      return { configFile, ...written };
    },

    regions: async (profile) => profileRegions(await snapshot(), profile),

    clients,

    withSignInRetry: (profile, ctx, fn) =>
      withSignInRetry(
        {
          sessionFor: async (p) => {
            const target = targetForProfile(await snapshot(), p);
            return target ? { id: target.id, label: describeTarget(target) } : undefined;
          },
          invalidate: (p) => credentials.invalidate(p),
          recover: (p) => credentials.get(p).then(
            () => true,
            () => false,
          ),
          waitForSignIn,
        },
        profile,
        ctx,
        fn,
      ),

    waitForSignIn,

    async close() {
      unsubscribe();
      for (const run of signIns.values()) run.controller.abort();
      mfa.cancelAll();
      await Promise.allSettled([...signIns.values()].map((r) => r.promise));
      await Promise.allSettled([...background]);
      tokens.close();
      clients.close();
    },
  };
  return service;
}
