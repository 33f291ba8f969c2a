import { z } from 'zod';
import type { EmulatorWorld } from '../world/world-types';
import type { FaultController, FaultSettings } from './faults';
import type { IdentityRegistry } from './identity';
import type { EmulatorRequest, EmulatorResponse } from './types';

/**
 * The emulator's control surface, for in-process tests (this object) and for other processes
 * (the same actions as JSON under /__admin/*): fault knobs, token expiry, sign-in approval.
 */
export interface PendingAuthorization {
  kind: 'device' | 'browser';
  /** Device flow: the code to approve. Browser flow: the request id. */
  userCode: string;
  clientName: string;
  expiresAt: string;
}

/** An SSO token in the AWS CLI v2 cache format (~/.aws/sso/cache/<sha1(session)>.json). */
export interface SsoCacheToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: string;
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: string;
  refreshToken?: string;
}

export interface ExpireTarget {
  /** An SSO access token (OIDC). */
  accessToken?: string;
  /** Temporary AWS credentials, by key id or by session token. */
  accessKeyId?: string;
  sessionToken?: string;
  /** Every SSO access token and every temporary credential. */
  all?: boolean;
}

export interface EmulatorAdmin {
  world(): EmulatorWorld;
  faults(): FaultSettings;
  /** Merges into the current settings. */
  setFaults(patch: Partial<FaultSettings>): FaultSettings;
  resetFaults(): FaultSettings;
  expireToken(target: ExpireTarget): { expired: number };
  approve(userCode: string): boolean;
  deny(userCode: string): boolean;
  pendingAuthorizations(): PendingAuthorization[];
  /** Signs the demo user in without a browser: a token ready for the SSO cache. */
  signIn(): SsoCacheToken;
}

/** What the admin needs from the SSO side, kept narrow so core does not depend on its internals. */
export interface SsoAdminHooks {
  expireAccessTokens(target: { accessToken?: string; all?: boolean }): number;
  decideDevice(userCode: string, approve: boolean): boolean;
  pending(): PendingAuthorization[];
  signIn(): SsoCacheToken;
}

export function createAdmin(deps: { world: EmulatorWorld; faults: FaultController; identities: IdentityRegistry; sso: SsoAdminHooks }): EmulatorAdmin {
  const { world, faults, identities, sso } = deps;
  return {
    world: () => world,
    faults: () => faults.get(),
    setFaults: (patch) => faults.update(patch),
    resetFaults: () => faults.reset(),
    expireToken: (target) => {
      let expired = 0;
      if (target.all) {
        expired += sso.expireAccessTokens({ all: true });
        expired += identities.expireAllSessions();
        return { expired };
      }
      if (target.accessToken) expired += sso.expireAccessTokens({ accessToken: target.accessToken });
      if (target.accessKeyId && identities.expireKey(target.accessKeyId)) expired++;
      if (target.sessionToken && identities.expireToken(target.sessionToken)) expired++;
      return { expired };
    },
    approve: (userCode) => sso.decideDevice(userCode, true),
    deny: (userCode) => sso.decideDevice(userCode, false),
    pendingAuthorizations: () => sso.pending(),
    signIn: () => sso.signIn(),
  };
}

const AccessDeniedRuleSchema = z.object({ accountId: z.string().optional(), operation: z.string().optional() });
const FaultPatchSchema = z
  .object({
    latencyMs: z.number().min(0),
    errorRate5xx: z.number().min(0).max(1),
    throttleNext: z.number().int().min(0),
    accessDenied: z.array(AccessDeniedRuleSchema),
    resetConnectionNext: z.number().int().min(0),
  })
  .partial()
  .strict();
const ExpireSchema = z
  .object({ accessToken: z.string(), accessKeyId: z.string(), sessionToken: z.string(), all: z.boolean() })
  .partial()
  .strict();
const ApproveSchema = z.object({ userCode: z.string().min(1), deny: z.boolean().optional() }).strict();

/** The HTTP face of the admin; JSON in, JSON out. POSTs must be JSON, which a cross-site form cannot send. */
export function adminHttpHandler(admin: EmulatorAdmin): (req: EmulatorRequest) => Promise<EmulatorResponse> {
  return async (req) => {
    const route = `${req.method} ${req.path.slice('/__admin'.length)}`;
    if (req.method === 'POST' && !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return reply(415, { error: 'Content-Type must be application/json' });
    }
    let body: unknown = {};
    if (req.method === 'POST' && req.body.length > 0) {
      try {
        body = JSON.parse(req.body.toString('utf8')) as unknown;
      } catch {
        return reply(400, { error: 'Body is not valid JSON' });
      }
    }
    switch (route) {
      case 'GET /world':
        return reply(200, admin.world());
      case 'GET /faults':
        return reply(200, admin.faults());
      case 'POST /faults': {
        const patch = FaultPatchSchema.safeParse(body);
        return patch.success ? reply(200, admin.setFaults(patch.data)) : reply(400, { error: patch.error.message });
      }
      case 'POST /reset-faults':
        return reply(200, admin.resetFaults());
      case 'POST /expire-token': {
        const target = ExpireSchema.safeParse(body);
        return target.success ? reply(200, admin.expireToken(target.data)) : reply(400, { error: target.error.message });
      }
      case 'POST /approve': {
        const input = ApproveSchema.safeParse(body);
        if (!input.success) return reply(400, { error: input.error.message });
        const done = input.data.deny ? admin.deny(input.data.userCode) : admin.approve(input.data.userCode);
        return done ? reply(200, { ok: true }) : reply(404, { error: 'No pending authorization with that code' });
      }
      case 'GET /pending-authorizations':
        return reply(200, admin.pendingAuthorizations());
      case 'POST /sign-in':
        return reply(200, admin.signIn());
      default:
        return reply(404, { error: `Unknown admin route ${route}` });
    }
  };
}

function reply(status: number, body: unknown): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}
