import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorRequest, EmulatorResponse, ServiceModule } from '../../core/types';
import { oidcError, oidcErrorResponse } from './oidc-errors';
import { isLoopbackRedirect } from './redirect-uris';
import { DEVICE_CODE_TTL_SECONDS, pkceChallenge, type OidcClient, type SsoState } from './sso-state';

/**
 * SSO OIDC (restJson1, signing name `sso-oauth`): RegisterClient, StartDeviceAuthorization and
 * CreateToken for the device-code, authorization-code (PKCE) and refresh-token grants: what
 * `aws sso login` and the SDK's token refresh use.
 */
export const GRANT_DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';
const SUPPORTED_GRANTS = new Set([GRANT_DEVICE_CODE, 'authorization_code', 'refresh_token']);

const RegisterClientInput = z.object({
  clientName: z.string().min(1),
  clientType: z.string().min(1),
  scopes: z.array(z.string()).optional(),
  redirectUris: z.array(z.string()).optional(),
  grantTypes: z.array(z.string()).optional(),
  issuerUrl: z.string().optional(),
  entitledApplicationArn: z.string().optional(),
});

const StartDeviceAuthorizationInput = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  startUrl: z.string().min(1),
});

const CreateTokenInput = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  grantType: z.string().min(1),
  deviceCode: z.string().optional(),
  code: z.string().optional(),
  refreshToken: z.string().optional(),
  scope: z.array(z.string()).optional(),
  redirectUri: z.string().optional(),
  codeVerifier: z.string().optional(),
});

const OPERATIONS: Record<string, string> = {
  '/client/register': 'RegisterClient',
  '/device_authorization': 'StartDeviceAuthorization',
  '/token': 'CreateToken',
};

export function createSsoOidcService(state: SsoState): ServiceModule {
  return {
    signingNames: ['sso-oauth'],
    operationOf: (req) => (req.method === 'POST' ? OPERATIONS[req.path] : undefined),
    errorResponse: (err) => oidcErrorResponse(err),
    async handle(req) {
      const operation = req.method === 'POST' ? OPERATIONS[req.path] : undefined;
      if (operation === 'CreateToken' && req.query.has('aws_iam')) {
        throw oidcError('UnsupportedGrantTypeException', 'CreateTokenWithIAM is not supported by the emulator');
      }
      const body = parseJson(req);
      switch (operation) {
        case 'RegisterClient':
          return registerClient(state, body);
        case 'StartDeviceAuthorization':
          return startDeviceAuthorization(state, body);
        case 'CreateToken':
          return createToken(state, body, req);
        default:
          throw oidcError('InvalidRequestException', `No operation at ${req.method} ${req.path}`);
      }
    },
  };
}

function registerClient(state: SsoState, body: unknown): EmulatorResponse {
  const input = parseInput(RegisterClientInput, body);
  if (input.clientType !== 'public') throw oidcError('InvalidClientMetadataException', 'Invalid client type, only public clients are supported');
  const grantTypes = input.grantTypes ?? [];
  const unsupported = grantTypes.find((g) => !SUPPORTED_GRANTS.has(g));
  if (unsupported) throw oidcError('UnsupportedGrantTypeException', `Unsupported grant type: ${unsupported}`);
  const scopes = input.scopes ?? [];
  const badScope = scopes.find((s) => !isKnownScope(s));
  if (badScope) throw oidcError('InvalidScopeException', `Invalid scope: ${badScope}`);
  const redirectUris = input.redirectUris ?? [];
  // Only native-app loopback redirects (RFC 8252 §7.3): a desktop client never redirects to the web.
  const badRedirect = redirectUris.find((u) => !isLoopbackRedirect(u));
  if (badRedirect) throw oidcError('InvalidRedirectUriException', `Invalid redirect URI: ${badRedirect}`);
  if (grantTypes.includes('authorization_code') && redirectUris.length === 0) {
    throw oidcError('InvalidRedirectUriException', 'The authorization_code grant needs at least one redirect URI');
  }
  const client = state.registerClient({ clientName: input.clientName, scopes, grantTypes, redirectUris });
  const endpoint = state.opts.endpoint();
  return json({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: Math.floor(client.issuedAt.getTime() / 1000),
    clientSecretExpiresAt: Math.floor(client.secretExpiresAt.getTime() / 1000),
    ...(grantTypes.includes('authorization_code') ? { authorizationEndpoint: `${endpoint}/authorize` } : {}),
    tokenEndpoint: `${endpoint}/token`,
  });
}

function startDeviceAuthorization(state: SsoState, body: unknown): EmulatorResponse {
  const input = parseInput(StartDeviceAuthorizationInput, body);
  const client = authenticateClient(state, input.clientId, input.clientSecret);
  requireGrant(client, GRANT_DEVICE_CODE);
  if (!sameStartUrl(input.startUrl, state.world.sso.startUrl)) {
    throw oidcError('InvalidRequestException', 'Invalid start URL');
  }
  const device = state.startDeviceAuthorization(client.clientId);
  const endpoint = state.opts.endpoint();
  return json({
    deviceCode: device.deviceCode,
    userCode: device.userCode,
    verificationUri: `${endpoint}/device`,
    verificationUriComplete: `${endpoint}/device?user_code=${encodeURIComponent(device.userCode)}`,
    expiresIn: DEVICE_CODE_TTL_SECONDS,
    interval: device.intervalSeconds,
  });
}

function createToken(state: SsoState, body: unknown, req: EmulatorRequest): EmulatorResponse {
  const input = parseInput(CreateTokenInput, body);
  const client = authenticateClient(state, input.clientId, input.clientSecret);
  if (!SUPPORTED_GRANTS.has(input.grantType)) throw oidcError('UnsupportedGrantTypeException', `Unsupported grant type: ${input.grantType}`);
  requireGrant(client, input.grantType);
  const now = req.now;
  let scopes: string[];
  if (input.grantType === GRANT_DEVICE_CODE) {
    const device = input.deviceCode !== undefined ? state.devices.get(input.deviceCode) : undefined;
    if (!device || device.clientId !== client.clientId || device.status === 'consumed') {
      throw oidcError('InvalidGrantException', 'Invalid device code provided');
    }
    if (device.expiresAt <= now) throw oidcError('ExpiredTokenException', 'Device code has expired');
    if (device.status === 'denied') throw oidcError('AccessDeniedException', 'The user denied the authorization request');
    if (device.status === 'pending') {
      const last = device.lastPollAt;
      device.lastPollAt = now;
      if (last && now.getTime() - last.getTime() < device.intervalSeconds * 1000) {
        throw oidcError('SlowDownException', 'Client is polling too quickly');
      }
      throw oidcError('AuthorizationPendingException', 'Authorization is still pending');
    }
    device.status = 'consumed';
    scopes = client.scopes;
  } else if (input.grantType === 'authorization_code') {
    const code = input.code !== undefined ? state.codes.get(input.code) : undefined;
    if (!code || code.used || code.clientId !== client.clientId || code.expiresAt <= now) {
      throw oidcError('InvalidGrantException', 'Invalid authorization code provided');
    }
    // One attempt per code, right or wrong, so a leaked code cannot be brute-forced with verifiers.
    code.used = true;
    if (input.redirectUri !== code.redirectUri) throw oidcError('InvalidGrantException', 'Redirect URI does not match the authorization request');
    if (input.codeVerifier === undefined || pkceChallenge(input.codeVerifier) !== code.codeChallenge) {
      throw oidcError('InvalidGrantException', 'Code verifier does not match the code challenge');
    }
    scopes = code.scopes;
  } else {
    const refresh = input.refreshToken !== undefined ? state.refreshTokens.get(input.refreshToken) : undefined;
    if (!refresh || refresh.revoked || refresh.clientId !== client.clientId) throw oidcError('InvalidGrantException', 'Invalid refresh token provided');
    // Refresh tokens rotate: the old one is spent, so a copy stolen from a cache file stops working.
    refresh.revoked = true;
    scopes = refresh.scopes;
  }
  const { access, refresh } = state.issueTokens(client.clientId, scopes);
  return json({
    accessToken: access.token,
    tokenType: 'Bearer',
    expiresIn: Math.round((access.expiresAt.getTime() - now.getTime()) / 1000),
    ...(refresh ? { refreshToken: refresh.token } : {}),
  });
}

function authenticateClient(state: SsoState, clientId: string, clientSecret: string): OidcClient {
  const client = state.clients.get(clientId);
  if (!client || client.clientSecret !== clientSecret) throw oidcError('InvalidClientException', 'Invalid client');
  if (client.secretExpiresAt <= state.now()) throw oidcError('InvalidClientException', 'Client secret has expired');
  return client;
}

/** Clients registered without grant types (the legacy device flow) may use the device code only. */
function requireGrant(client: OidcClient, grantType: string): void {
  const allowed = client.grantTypes.length > 0 ? client.grantTypes : [GRANT_DEVICE_CODE];
  if (!allowed.includes(grantType)) throw oidcError('UnauthorizedClientException', `Client is not authorized to use grant type ${grantType}`);
}

function isKnownScope(scope: string): boolean {
  return scope === 'openid' || /^sso(-portal)?:[a-z*]+(:[a-z_*]+)*$/.test(scope) || /^codewhisperer:[a-z_]+$/.test(scope);
}

function sameStartUrl(given: string, expected: string): boolean {
  const norm = (u: string): string => u.replace(/#.*$/, '').replace(/\/+$/, '');
  return norm(given) === norm(expected);
}

function parseJson(req: EmulatorRequest): unknown {
  if (req.body.length === 0) return {};
  try {
    return JSON.parse(req.body.toString('utf8')) as unknown;
  } catch {
    throw oidcError('InvalidRequestException', 'The request body is not valid JSON');
  }
}

function parseInput<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'request';
    throw oidcError('InvalidRequestException', `Invalid request: ${field} is missing or invalid`);
  }
  return parsed.data;
}

function json(body: unknown): EmulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(body),
  };
}
