import type { AwsCredentials } from './aws-credentials';

/** Credentials are replaced this long before they expire, so a call never starts with dying keys. */
export const CREDENTIALS_REFRESH_WINDOW_MS = 5 * 60 * 1000;

export interface CredentialCache {
  /** The profile's credentials: cached while they have more than five minutes left, fetched otherwise. */
  get(profile: string): Promise<AwsCredentials>;
  /** When the cached credentials expire, without fetching; undefined if none are cached. */
  peek(profile: string): { expiration?: Date } | undefined;
  /** Drops one profile's credentials (or all), e.g. after they were refused or on sign-out. */
  invalidate(profile?: string): void;
}

/**
 * One set of credentials per profile, in memory only. Concurrent callers share one fetch, so a
 * role with an MFA device asks for one code, not one per parallel request.
 */
export function createCredentialCache(deps: { resolve: (profile: string) => Promise<AwsCredentials>; now: () => Date }): CredentialCache {
  const cached = new Map<string, AwsCredentials>();
  const inFlight = new Map<string, Promise<AwsCredentials>>();
  // Bumped on invalidate, so a fetch that started before it cannot put stale credentials back.
  const generation = new Map<string, number>();
  let allGeneration = 0;

  const fresh = (creds: AwsCredentials) =>
    !creds.expiration || creds.expiration.getTime() - deps.now().getTime() > CREDENTIALS_REFRESH_WINDOW_MS;

  return {
    get(profile) {
      const hit = cached.get(profile);
      if (hit && fresh(hit)) return Promise.resolve(hit);
      const running = inFlight.get(profile);
      if (running) return running;
      const startedAt = `${allGeneration}:${generation.get(profile) ?? 0}`;
      const fetch = deps
        .resolve(profile)
        .then((creds) => {
          if (startedAt === `${allGeneration}:${generation.get(profile) ?? 0}`) cached.set(profile, creds);
          return creds;
        })
        .finally(() => {
          if (inFlight.get(profile) === fetch) inFlight.delete(profile);
        });
      inFlight.set(profile, fetch);
      return fetch;
    },
    peek(profile) {
      const hit = cached.get(profile);
      return hit ? { ...(hit.expiration ? { expiration: hit.expiration } : {}) } : undefined;
    },
    invalidate(profile) {
      if (profile === undefined) {
        allGeneration++;
        cached.clear();
        inFlight.clear();
        return;
      }
      generation.set(profile, (generation.get(profile) ?? 0) + 1);
      cached.delete(profile);
      inFlight.delete(profile);
    },
  };
}
