import { LogoutCommand, type SSOClient } from '@aws-sdk/client-sso';
import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { DeviceCodePrompt, SignInFlow } from '../../../shared/ipc/channels/sessions';
import { awsErrorName, describeAwsError, SignInRequiredError } from '../aws-errors';
import { type ClientRegistration, getClientRegistration } from './client-registration';
import { deviceSignIn } from './device-sign-in';
import { pkceSignIn } from './pkce-sign-in';
import { createOidcClient, createPortalClient } from './sso-clients';
import type { SsoTarget } from './sso-target';
import { type CachedSsoToken, deleteCachedToken, readCachedToken, writeCachedToken } from './token-cache';
import type { TokenGrant } from './token-grant';

/** Tokens are renewed this long before they expire (the SDK's and the CLI's window). */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000;
/** After a failed refresh, wait this long before trying again on demand (the SDK's throttle). */
const REFRESH_RETRY_MS = 30 * 1000;

export interface SignInOptions {
  flow: SignInFlow;
  /** Opens the system browser; omitted for the demo's device sign-in, which approves by itself. */
  openExternal?: (url: string) => Promise<void>;
  onDeviceCode?: (prompt: Omit<DeviceCodePrompt, 'sessionId'>) => void;
  onAuthorizeUrl?: (url: string) => void;
  signal?: AbortSignal;
}

export type TokenChange = 'signed-in' | 'renewed' | 'renewal-failed' | 'rejected' | 'signed-out';

export interface SsoTokenManager {
  /** The portal client for a session's region and endpoint (shared, closed with the manager). */
  portal(target: SsoTarget): SSOClient;
  /** The cached token as it is on disk, without refreshing it. */
  peek(target: SsoTarget): Promise<CachedSsoToken | undefined>;
  /** A valid access token, renewed first if it is about to expire; SignInRequiredError if there is none. */
  accessToken(target: SsoTarget, opts?: { signal?: AbortSignal; forceRefresh?: boolean }): Promise<string>;
  signIn(target: SsoTarget, opts: SignInOptions): Promise<CachedSsoToken>;
  /** Logout at IAM Identity Center (best effort) and delete the cache file. */
  signOut(target: SsoTarget): Promise<void>;
  /** Why the last renewal failed, if it did and nothing succeeded since. */
  lastError(targetId: string): string | undefined;
  /**
   * IAM Identity Center refused the token although the cache says it is valid (revoked, or the
   * session ended early): treat it as expired until the next sign-in or renewal.
   */
  markRejected(target: SsoTarget, message: string): void;
  isRejected(targetId: string): boolean;
  /** Forgets timers and errors: the workspace (and so the cache folder) changed. */
  reset(): void;
  /** Keeps the token renewed in the background until it can no longer be (or close()). */
  watch(target: SsoTarget): Promise<void>;
  close(): void;
}

export function createSsoTokenManager(deps: {
  home: () => string;
  now: () => Date;
  log: (line: string) => void;
  /** A target's token changed: a sign-in or a renewal (jobs waiting on it may go on), or a loss. */
  onChange: (targetId: string, reason: TokenChange) => void;
}): SsoTokenManager {
  const refreshing = new Map<string, Promise<CachedSsoToken | undefined>>();
  const lastAttempt = new Map<string, number>();
  const errors = new Map<string, string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const rejected = new Set<string>();
  const oidcClients = new Map<string, SSOOIDCClient>();
  const portalClients = new Map<string, SSOClient>();
  let closed = false;

  const clientKey = (t: SsoTarget) => `${t.region}|${t.endpoint ?? ''}`;
  const oidcFor = (t: SsoTarget) => getOrCreate(oidcClients, clientKey(t), () => createOidcClient(t));
  const portalFor = (t: SsoTarget) => getOrCreate(portalClients, clientKey(t), () => createPortalClient(t));
  const msLeft = (token: CachedSsoToken) => Date.parse(token.expiresAt) - deps.now().getTime();
  const canRefresh = (token: CachedSsoToken) =>
    Boolean(token.refreshToken && token.clientId && token.clientSecret) &&
    (!token.registrationExpiresAt || Date.parse(token.registrationExpiresAt) > deps.now().getTime());

  async function store(target: SsoTarget, grant: TokenGrant, registration: Pick<CachedSsoToken, 'clientId' | 'clientSecret' | 'registrationExpiresAt'>) {
    const token: CachedSsoToken = {
      startUrl: target.startUrl,
      region: target.region,
      accessToken: grant.accessToken,
      expiresAt: new Date(deps.now().getTime() + grant.expiresIn * 1000).toISOString(),
      ...registration,
      ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
    };
    await writeCachedToken(deps.home(), target.cacheKey, token);
    errors.delete(target.id);
    rejected.delete(target.id);
    return readCachedToken(deps.home(), target.cacheKey).then((written) => written ?? token);
  }

  function refresh(target: SsoTarget, token: CachedSsoToken): Promise<CachedSsoToken | undefined> {
    const inFlight = refreshing.get(target.id);
    if (inFlight) return inFlight;
    const run = (async () => {
      lastAttempt.set(target.id, deps.now().getTime());
      try {
        const out = await oidcFor(target).send(
          new CreateTokenCommand({ clientId: token.clientId, clientSecret: token.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken }),
        );
        if (!out.accessToken || !out.expiresIn) throw new Error('CreateToken returned no token.');
        const renewed = await store(
          target,
          // Refresh tokens rotate; keep the old one only if the service did not send a new one.
          { accessToken: out.accessToken, expiresIn: out.expiresIn, refreshToken: out.refreshToken ?? token.refreshToken },
          { clientId: token.clientId, clientSecret: token.clientSecret, registrationExpiresAt: token.registrationExpiresAt },
        );
        deps.log(`sso: renewed the token of ${target.id}; valid until ${renewed.expiresAt}`);
        deps.onChange(target.id, 'renewed');
        schedule(target, renewed);
        return renewed;
      } catch (error) {
        errors.set(target.id, `Could not renew the sign-in: ${describeAwsError(error)}`);
        deps.log(`sso: renewing ${target.id} failed: ${describeAwsError(error)}`);
        deps.onChange(target.id, 'renewal-failed');
        return undefined;
      } finally {
        refreshing.delete(target.id);
      }
    })();
    refreshing.set(target.id, run);
    return run;
  }

  function schedule(target: SsoTarget, token: CachedSsoToken) {
    clearTimeout(timers.get(target.id));
    timers.delete(target.id);
    if (closed || !canRefresh(token)) return;
    const left = msLeft(token);
    if (left <= 0) return;
    // Half-way for tokens shorter than the window, so a short-lived token is not renewed in a loop.
    const delay = Math.max(left - REFRESH_WINDOW_MS, left / 2);
    // setTimeout holds at most ~24.8 days; a token never lives that long, but stay in range.
    const timer = setTimeout(() => {
      timers.delete(target.id);
      void readCachedToken(deps.home(), target.cacheKey).then((current) => {
        if (current && current.accessToken === token.accessToken) return refresh(target, current);
        if (current) schedule(target, current);
        return undefined;
      });
    }, Math.min(delay, 2 ** 31 - 1));
    // A pending renewal must not keep the CLI (or a test) alive.
    timer.unref();
    timers.set(target.id, timer);
  }

  return {
    portal: portalFor,

    peek: (target) => readCachedToken(deps.home(), target.cacheKey),

    async accessToken(target, opts = {}) {
      const token = await readCachedToken(deps.home(), target.cacheKey);
      if (!token) throw new SignInRequiredError(target.id, `Sign in to ${describeTarget(target)} first.`);
      if (rejected.has(target.id) && !opts.forceRefresh) {
        throw new SignInRequiredError(target.id, `The sign-in to ${describeTarget(target)} is no longer accepted. Sign in again.`);
      }
      const left = msLeft(token);
      const recentlyFailed = deps.now().getTime() - (lastAttempt.get(target.id) ?? 0) < REFRESH_RETRY_MS && errors.has(target.id);
      if ((opts.forceRefresh || left < REFRESH_WINDOW_MS) && canRefresh(token) && !recentlyFailed) {
        const renewed = await refresh(target, token);
        if (renewed) return renewed.accessToken;
      }
      if (left <= 0 || rejected.has(target.id)) throw new SignInRequiredError(target.id, `The sign-in to ${describeTarget(target)} has expired. Sign in again.`);
      return token.accessToken;
    },

    async signIn(target, opts) {
      const oidc = oidcFor(target);
      const register = (forceNew: boolean) =>
        getClientRegistration({ oidc, target, flow: opts.flow, home: deps.home(), now: deps.now, signal: opts.signal, forceNew });
      const obtainGrant = async (registration: ClientRegistration) =>
        opts.flow === 'pkce'
          ? await pkceSignIn({
              oidc,
              target,
              registration,
              openExternal: opts.openExternal ?? (async () => undefined),
              signal: opts.signal,
              onAuthorizeUrl: opts.onAuthorizeUrl,
            })
          : await deviceSignIn({
              oidc,
              target,
              registration,
              openExternal: opts.openExternal,
              onCode: (prompt) => opts.onDeviceCode?.(prompt),
              now: deps.now,
              signal: opts.signal,
            });
      let registration = await register(false);
      let grant: Awaited<ReturnType<typeof obtainGrant>>;
      try {
        grant = await obtainGrant(registration);
      } catch (error) {
        // A cached registration the service no longer knows (revoked, or another instance of
        // IAM Identity Center behind the same start URL) fails with InvalidClientException:
        // register again once, as the AWS CLI does, instead of failing every sign-in until it expires.
        if (awsErrorName(error) !== 'InvalidClientException') throw error;
        registration = await register(true);
        grant = await obtainGrant(registration);
      }
      const token = await store(target, grant, {
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        registrationExpiresAt: registration.expiresAt,
      });
      lastAttempt.delete(target.id);
      deps.log(`sso: signed in to ${target.id} (${opts.flow}); valid until ${token.expiresAt}`);
      schedule(target, token);
      deps.onChange(target.id, 'signed-in');
      return token;
    },

    async signOut(target) {
      const token = await readCachedToken(deps.home(), target.cacheKey);
      clearTimeout(timers.get(target.id));
      timers.delete(target.id);
      if (token) {
        try {
          await portalFor(target).send(new LogoutCommand({ accessToken: token.accessToken }));
        } catch (error) {
          // The token may already be dead; signing out locally is what the user asked for.
          deps.log(`sso: Logout for ${target.id} failed (${describeAwsError(error)}); removing the cached token anyway`);
        }
      }
      await deleteCachedToken(deps.home(), target.cacheKey);
      errors.delete(target.id);
      rejected.delete(target.id);
      deps.log(`sso: signed out of ${target.id}`);
      deps.onChange(target.id, 'signed-out');
    },

    lastError: (id) => errors.get(id),

    markRejected(target, message) {
      if (rejected.has(target.id)) return;
      rejected.add(target.id);
      errors.set(target.id, message);
      deps.log(`sso: ${target.id} was refused by IAM Identity Center; a new sign-in is needed`);
      deps.onChange(target.id, 'rejected');
    },

    isRejected: (id) => rejected.has(id),

    reset() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      errors.clear();
      rejected.clear();
      lastAttempt.clear();
    },

    async watch(target) {
      if (timers.has(target.id)) return;
      const token = await readCachedToken(deps.home(), target.cacheKey);
      if (token) schedule(target, token);
    },

    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const client of [...oidcClients.values(), ...portalClients.values()]) client.destroy();
      oidcClients.clear();
      portalClients.clear();
    },
  };
}

export function describeTarget(target: SsoTarget): string {
  return target.sessionName ? `sso-session "${target.sessionName}"` : target.startUrl;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
