import type { CallerIdentity, ProfileSession, SsoSessionSummary } from '../../../shared/ipc/channels/sessions';
import { type AwsConfigSnapshot, profileKind, profileProblem, profileRegions } from '../../aws/aws-config';
import { targetForProfile, type SsoTarget } from '../../aws/sso/sso-target';
import type { CachedSsoToken } from '../../aws/sso/token-cache';
import { credentialState, ssoSessionState } from './session-status';

/** What the listing reads from the sessions service; plain data, so the listing is a pure function. */
export interface ListingFacts {
  snapshot: AwsConfigSnapshot;
  now: Date;
  activeProfiles: ReadonlySet<string>;
  tokens: ReadonlyMap<string, CachedSsoToken | undefined>;
  signingIn: (sessionId: string) => SsoSessionSummary['deviceCode'] | true | undefined;
  rejected: (sessionId: string) => boolean;
  sessionError: (sessionId: string) => string | undefined;
  identities: ReadonlyMap<string, CallerIdentity>;
  profileErrors: ReadonlyMap<string, string>;
  credentialExpiry: (profile: string) => { expiration?: Date } | undefined;
}

export function summarizeSession(facts: ListingFacts, target: SsoTarget, profiles: string[]): SsoSessionSummary {
  const signing = facts.signingIn(target.id);
  const state = ssoSessionState({
    token: facts.tokens.get(target.id),
    signingIn: signing !== undefined,
    rejected: facts.rejected(target.id),
    error: facts.sessionError(target.id),
    now: facts.now,
  });
  return {
    id: target.id,
    ...(target.sessionName ? { ssoSession: target.sessionName } : {}),
    startUrl: target.startUrl,
    region: target.region,
    ...state,
    profiles,
    ...(typeof signing === 'object' ? { deviceCode: signing } : {}),
  };
}

export function summarizeProfile(facts: ListingFacts, sessions: ReadonlyMap<string, SsoSessionSummary>, name: string): ProfileSession {
  const { snapshot } = facts;
  const kind = profileKind(snapshot, name);
  const identity = facts.identities.get(name);
  const base = {
    profile: name,
    kind,
    regions: profileRegions(snapshot, name),
    active: facts.activeProfiles.has(name),
    inMemory: snapshot.inMemory.has(name),
    ...(identity ? { identity } : {}),
  };
  const problem = profileProblem(snapshot, name);
  if (problem) return { ...base, status: 'error', message: problem };
  const target = targetForProfile(snapshot, name);
  const error = facts.profileErrors.get(name);
  if (target) {
    const session = sessions.get(target.id);
    const status = session?.status ?? 'signed-out';
    const failed = error !== undefined && (status === 'signed-in' || status === 'expiring');
    return {
      ...base,
      sessionId: target.id,
      status: failed ? 'error' : status,
      ...(session?.expiresAt ? { expiresAt: session.expiresAt } : {}),
      ...(failed ? { message: error } : session?.message ? { message: session.message } : {}),
    };
  }
  const cached = facts.credentialExpiry(name);
  const state = credentialState({ kind, expiration: cached?.expiration, cached: cached !== undefined, error, now: facts.now });
  return { ...base, status: state.status, ...(state.expiresAt ? { expiresAt: state.expiresAt } : {}), ...(state.message ? { message: state.message } : {}) };
}
