import type { SessionStatus } from '../../../shared/ipc/channels/sessions';
import type { CachedSsoToken } from '../../aws/sso/token-cache';

/** Below this, a session shows as "expiring" and the renderer's countdown turns urgent. */
export const EXPIRING_WINDOW_MS = 15 * 60 * 1000;

export interface StatusFacts {
  token?: CachedSsoToken;
  signingIn: boolean;
  /** IAM Identity Center refused the cached token. */
  rejected: boolean;
  /** Why the last renewal or sign-in failed. */
  error?: string;
  now: Date;
}

export interface SessionState {
  status: SessionStatus;
  expiresAt?: string;
  refreshable: boolean;
  message?: string;
}

/** The status of one SSO sign-in, from its cache file and what happened to it this run. */
export function ssoSessionState(facts: StatusFacts): SessionState {
  const { token } = facts;
  const refreshable = Boolean(token?.refreshToken && token.clientId && token.clientSecret);
  const expiresAt = token?.expiresAt;
  const base = { refreshable, ...(expiresAt ? { expiresAt } : {}) };
  if (facts.signingIn) return { ...base, status: 'signing-in' };
  if (!token) return { ...base, status: 'signed-out', ...(facts.error ? { message: facts.error } : {}) };
  const left = Date.parse(token.expiresAt) - facts.now.getTime();
  if (facts.rejected) return { ...base, status: 'expired', message: facts.error ?? 'IAM Identity Center no longer accepts this sign-in. Sign in again.' };
  if (left <= 0) {
    return { ...base, status: 'expired', message: facts.error ?? (refreshable ? 'Expired; it is renewed on next use if IAM Identity Center allows.' : 'Expired. Sign in again.') };
  }
  if (left < EXPIRING_WINDOW_MS) {
    return { ...base, status: 'expiring', message: refreshable ? 'Renews automatically before it expires.' : 'Expires soon. Sign in again to keep working.' };
  }
  return { ...base, status: 'signed-in' };
}

/** The status of credentials that need no sign-in (keys, a process, roles from them). */
export function credentialState(facts: { kind: string; expiration?: Date; cached: boolean; error?: string; now: Date }): SessionState {
  const expiresAt = facts.expiration?.toISOString();
  const base = { refreshable: facts.kind !== 'static', ...(expiresAt ? { expiresAt } : {}) };
  if (facts.error) return { ...base, status: 'error', message: facts.error };
  if (facts.kind === 'static') return { ...base, status: 'signed-in' };
  if (!facts.cached) return { ...base, status: 'signed-out', message: 'Credentials are fetched when first needed.' };
  const left = facts.expiration ? facts.expiration.getTime() - facts.now.getTime() : Number.POSITIVE_INFINITY;
  if (left <= 0) return { ...base, status: 'expired' };
  if (left < EXPIRING_WINDOW_MS) return { ...base, status: 'expiring', message: 'Renewed automatically on next use.' };
  return { ...base, status: 'signed-in' };
}
