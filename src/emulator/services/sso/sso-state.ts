import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { EmulatorWorld } from '../../world/world-types';

/**
 * IAM Identity Center's sign-in state, shared by the OIDC API, the portal API, the verification
 * pages and the admin API: registered clients, pending device and browser authorisations, and
 * the tokens they produced. In memory only; a restart signs everybody out, as a new AWS session would.
 */
export interface OidcClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[];
  grantTypes: string[];
  redirectUris: string[];
  issuedAt: Date;
  secretExpiresAt: Date;
}

export type AuthorizationStatus = 'pending' | 'approved' | 'denied' | 'consumed';

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAt: Date;
  intervalSeconds: number;
  lastPollAt?: Date;
  status: AuthorizationStatus;
  /**
   * Set when the approval page is shown and required by its form: a page on another site cannot
   * read it, so it cannot approve an attacker's code in the user's browser (device-code phishing).
   */
  pageNonce?: string;
}

/** A browser sign-in waiting on the "Allow" button of /authorize. */
export interface BrowserAuthorization {
  /** Opaque id carried by the page's form; also stops cross-site form posts. */
  id: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: string[];
  expiresAt: Date;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  expiresAt: Date;
  used: boolean;
}

export interface SsoAccessToken {
  token: string;
  clientId: string;
  scopes: string[];
  expiresAt: Date;
  revoked: boolean;
}

export interface SsoRefreshToken {
  token: string;
  clientId: string;
  scopes: string[];
  revoked: boolean;
}

export interface SsoStateOptions {
  world: EmulatorWorld;
  clock: () => Date;
  /** The emulator's base URL, known only once the server listens. */
  endpoint: () => string;
  autoApprove: boolean;
  accessTokenTtlSeconds: number;
}

/** Device codes live ten minutes, as AWS's do; the SDK/CLI poll every second. */
export const DEVICE_CODE_TTL_SECONDS = 600;
export const DEVICE_POLL_INTERVAL_SECONDS = 1;
const AUTH_CODE_TTL_SECONDS = 300;
const CLIENT_SECRET_TTL_SECONDS = 90 * 24 * 3600;
/** No vowels or look-alikes, so a user code never spells a word or gets misread. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

export class SsoState {
  readonly clients = new Map<string, OidcClient>();
  readonly devices = new Map<string, DeviceAuthorization>();
  readonly browserRequests = new Map<string, BrowserAuthorization>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly accessTokens = new Map<string, SsoAccessToken>();
  readonly refreshTokens = new Map<string, SsoRefreshToken>();

  constructor(readonly opts: SsoStateOptions) {}

  get world(): EmulatorWorld {
    return this.opts.world;
  }

  now(): Date {
    return this.opts.clock();
  }

  registerClient(input: Pick<OidcClient, 'clientName' | 'scopes' | 'grantTypes' | 'redirectUris'>): OidcClient {
    const issuedAt = this.now();
    const client: OidcClient = {
      ...input,
      clientId: opaque('', 22),
      clientSecret: opaque('eyJraWQiOiJrZXktMTU2', 96),
      issuedAt,
      secretExpiresAt: new Date(issuedAt.getTime() + CLIENT_SECRET_TTL_SECONDS * 1000),
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  startDeviceAuthorization(clientId: string): DeviceAuthorization {
    const device: DeviceAuthorization = {
      deviceCode: opaque('', 86),
      userCode: this.newUserCode(),
      clientId,
      expiresAt: new Date(this.now().getTime() + DEVICE_CODE_TTL_SECONDS * 1000),
      intervalSeconds: DEVICE_POLL_INTERVAL_SECONDS,
      status: this.opts.autoApprove ? 'approved' : 'pending',
    };
    this.devices.set(device.deviceCode, device);
    return device;
  }

  findDeviceByUserCode(userCode: string): DeviceAuthorization | undefined {
    const wanted = normaliseUserCode(userCode);
    for (const d of this.devices.values()) if (d.userCode === wanted) return d;
    return undefined;
  }

  /** The page's or the admin's decision on a pending device code; false if there is none to decide. */
  decideDevice(userCode: string, approve: boolean): boolean {
    const device = this.findDeviceByUserCode(userCode);
    if (!device || device.status !== 'pending' || device.expiresAt <= this.now()) return false;
    device.status = approve ? 'approved' : 'denied';
    return true;
  }

  addBrowserRequest(input: Omit<BrowserAuthorization, 'id' | 'expiresAt'>): BrowserAuthorization {
    const request: BrowserAuthorization = {
      ...input,
      id: opaque('', 32),
      expiresAt: new Date(this.now().getTime() + DEVICE_CODE_TTL_SECONDS * 1000),
    };
    this.browserRequests.set(request.id, request);
    return request;
  }

  /** Turns an approved browser request into a one-time authorization code. */
  issueCode(request: Omit<BrowserAuthorization, 'id' | 'expiresAt' | 'state'>): AuthorizationCode {
    const code: AuthorizationCode = {
      code: opaque('', 48),
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scopes: request.scopes,
      expiresAt: new Date(this.now().getTime() + AUTH_CODE_TTL_SECONDS * 1000),
      used: false,
    };
    this.codes.set(code.code, code);
    return code;
  }

  /** A new access token (and a refresh token when the client registered scopes, as AWS does). */
  issueTokens(clientId: string, scopes: string[]): { access: SsoAccessToken; refresh?: SsoRefreshToken } {
    const access: SsoAccessToken = {
      token: opaque('aoa', 140),
      clientId,
      scopes,
      expiresAt: new Date(this.now().getTime() + this.opts.accessTokenTtlSeconds * 1000),
      revoked: false,
    };
    this.accessTokens.set(access.token, access);
    const client = this.clients.get(clientId);
    if (!client || client.scopes.length === 0) return { access };
    const refresh: SsoRefreshToken = { token: opaque('aorAAAAAG', 300), clientId, scopes, revoked: false };
    this.refreshTokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  /** The live access token for a bearer value, or undefined (unknown, revoked, or expired). */
  validAccessToken(token: string | undefined): SsoAccessToken | undefined {
    if (!token) return undefined;
    const t = this.accessTokens.get(token);
    if (!t || t.revoked || t.expiresAt.getTime() <= this.now().getTime()) return undefined;
    return t;
  }

  /** Makes one or all access tokens expire now (admin); returns how many changed. */
  expireAccessTokens(target: { accessToken?: string; all?: boolean }): number {
    const now = this.now();
    let n = 0;
    for (const t of this.accessTokens.values()) {
      if (target.all || t.token === target.accessToken) {
        if (t.expiresAt > now) n++;
        t.expiresAt = new Date(now.getTime() - 1000);
      }
    }
    return n;
  }

  private newUserCode(): string {
    for (;;) {
      let raw = '';
      for (let i = 0; i < 8; i++) raw += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
      const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
      if (!this.findDeviceByUserCode(code)) return code;
    }
  }
}

export function normaliseUserCode(userCode: string): string {
  const raw = userCode.toUpperCase().replace(/[^A-Z]/g, '');
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : userCode.toUpperCase();
}

/** RFC 7636 S256: BASE64URL(SHA256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function opaque(prefix: string, length: number): string {
  return (prefix + randomBytes(length).toString('base64url')).slice(0, Math.max(length, prefix.length + 16));
}
