import { createPrng, type Prng } from './prng';

/** The fault knobs: set from options at start, changed at runtime through the admin API. */
export interface FaultSettings {
  /** Added before every AWS request is answered. */
  latencyMs: number;
  /** Share of requests (0..1) answered with a 5xx; drawn from a seeded PRNG, so runs repeat. */
  errorRate5xx: number;
  /** The next N requests get the service's throttling error. */
  throttleNext: number;
  /** Requests matching an entry (all fields given must match) get the service's AccessDenied. */
  accessDenied: AccessDeniedRule[];
  /** The next N responses are cut off: headers and part of the body, then the socket is destroyed. */
  resetConnectionNext: number;
}

export interface AccessDeniedRule {
  accountId?: string;
  /** Operation name as the model spells it (`LookupEvents`, `GetRoleCredentials`…). */
  operation?: string;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate5xx: 0,
  throttleNext: 0,
  accessDenied: [],
  resetConnectionNext: 0,
};

/** What the core should do to one request, decided before the service sees it. */
export type FaultDecision = { kind: 'none' } | { kind: 'throttle' } | { kind: 'server-error' } | { kind: 'access-denied' };

export class FaultController {
  private settings: FaultSettings;
  private readonly rng: Prng;

  constructor(seed: string, initial: Partial<FaultSettings> = {}) {
    this.rng = createPrng(`faults:${seed}`);
    this.settings = normalise({ ...NO_FAULTS, ...initial });
  }

  get(): FaultSettings {
    return { ...this.settings, accessDenied: this.settings.accessDenied.map((r) => ({ ...r })) };
  }

  /** Merges a partial update, as POST /__admin/faults does. */
  update(patch: Partial<FaultSettings>): FaultSettings {
    this.settings = normalise({ ...this.settings, ...patch });
    return this.get();
  }

  reset(): FaultSettings {
    this.settings = normalise({ ...NO_FAULTS });
    return this.get();
  }

  /** Decides the fate of one AWS request; consumes one `throttleNext` if it applies. */
  decide(accountId: string | undefined, operation: string | undefined): FaultDecision {
    // Always draw, so the 5xx pattern depends only on the request count, not on other knobs.
    const draw = this.rng.next();
    if (this.settings.throttleNext > 0) {
      this.settings.throttleNext--;
      return { kind: 'throttle' };
    }
    if (draw < this.settings.errorRate5xx) return { kind: 'server-error' };
    // A rule with neither field matches every request: "deny everything" is a useful knob too.
    const denied = this.settings.accessDenied.some(
      (r) => (r.accountId === undefined || r.accountId === accountId) && (r.operation === undefined || r.operation === operation),
    );
    return denied ? { kind: 'access-denied' } : { kind: 'none' };
  }

  /** Whether this response should be cut off mid-body; consumes one `resetConnectionNext`. */
  takeConnectionReset(): boolean {
    if (this.settings.resetConnectionNext <= 0) return false;
    this.settings.resetConnectionNext--;
    return true;
  }
}

function normalise(s: FaultSettings): FaultSettings {
  const count = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  const rate = typeof s.errorRate5xx === 'number' && Number.isFinite(s.errorRate5xx) ? Math.min(1, Math.max(0, s.errorRate5xx)) : 0;
  return {
    latencyMs: count(s.latencyMs),
    errorRate5xx: rate,
    throttleNext: count(s.throttleNext),
    resetConnectionNext: count(s.resetConnectionNext),
    accessDenied: Array.isArray(s.accessDenied)
      ? s.accessDenied
          .filter((r): r is AccessDeniedRule => typeof r === 'object' && r !== null)
          .map((r) => ({
            ...(typeof r.accountId === 'string' ? { accountId: r.accountId } : {}),
            ...(typeof r.operation === 'string' ? { operation: r.operation } : {}),
          }))
      : [],
  };
}
