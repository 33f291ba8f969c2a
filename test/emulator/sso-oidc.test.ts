import {
  AccessDeniedException,
  AuthorizationPendingException,
  CreateTokenCommand,
  ExpiredTokenException,
  InvalidClientException,
  InvalidClientMetadataException,
  InvalidGrantException,
  InvalidRedirectUriException,
  InvalidRequestException,
  InvalidScopeException,
  RegisterClientCommand,
  SlowDownException,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  UnauthorizedClientException,
} from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './core-harness';
import { formField, manualClock, pkcePair, postForm, rawRequest } from './sso-test-helpers';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const SCOPES = ['sso:account:access'];

describe('SSO OIDC against the emulator', () => {
  const clock = manualClock();
  let emu: TestEmulator;
  let oidc: SSOOIDCClient;

  beforeAll(async () => {
    emu = await startTestEmulator({ clock: clock.now });
    oidc = new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.endpoint, maxAttempts: 1 });
  });
  afterAll(async () => emu.stop());

  const register = (grantTypes: string[], redirectUris: string[] = []) =>
    oidc.send(new RegisterClientCommand({ clientName: 'auditdesk-test', clientType: 'public', scopes: SCOPES, grantTypes, redirectUris }));

  it('registers a public client with loopback redirects', async () => {
    const client = await register(['authorization_code', 'refresh_token'], ['http://127.0.0.1/oauth/callback']);
    expect(client.clientId).toBeTruthy();
    expect(client.clientSecret).toBeTruthy();
    expect(client.clientSecretExpiresAt).toBeGreaterThan(client.clientIdIssuedAt ?? 0);
    expect(client.authorizationEndpoint).toBe(`${emu.endpoint}/authorize`);
    expect(client.tokenEndpoint).toBe(`${emu.endpoint}/token`);
  });

  it('refuses invalid registrations with the typed exceptions', async () => {
    await expect(oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' }))).rejects.toBeInstanceOf(InvalidClientMetadataException);
    await expect(register(['authorization_code'], ['https://evil.example/cb'])).rejects.toBeInstanceOf(InvalidRedirectUriException);
    await expect(
      oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', scopes: ['admin:everything'] })),
    ).rejects.toBeInstanceOf(InvalidScopeException);
  });

  it('runs the device flow end to end through the verification page', async () => {
    const client = await register([DEVICE_GRANT, 'refresh_token']);
    const creds = { clientId: client.clientId, clientSecret: client.clientSecret };
    const start = await oidc.send(new StartDeviceAuthorizationCommand({ ...creds, startUrl: emu.world.sso.startUrl }));
    expect(start.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(start.verificationUriComplete).toBe(`${emu.endpoint}/device?user_code=${start.userCode}`);
    expect(start).toMatchObject({ expiresIn: 600, interval: 1 });

    const poll = () => oidc.send(new CreateTokenCommand({ ...creds, grantType: DEVICE_GRANT, deviceCode: start.deviceCode }));
    const pending = await poll().catch((e: unknown) => e);
    expect(pending).toBeInstanceOf(AuthorizationPendingException);
    expect(pending).toMatchObject({ error: 'authorization_pending' });
    await expect(poll()).rejects.toBeInstanceOf(SlowDownException);
    expect(emu.admin.pendingAuthorizations().map((p) => p.userCode)).toContain(start.userCode);

    const pageResponse = await fetch(start.verificationUriComplete ?? '');
    const html = await pageResponse.text();
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain(start.userCode);
    expect(html).toContain('>Approve</button>');
    const form = { user_code: formField(html, 'user_code'), nonce: formField(html, 'nonce'), decision: 'approve' };
    // Device-code phishing: a page on another site posting the attacker's code is refused.
    const crossSite = await rawRequest(`${emu.endpoint}/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams(form).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect((await postForm(`${emu.endpoint}/device`, { ...form, nonce: 'guessed' })).status).toBe(403);
    const approved = await postForm(`${emu.endpoint}/device`, form);
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('Request approved');

    clock.advance(2);
    const token = await poll();
    expect(token.tokenType).toBe('Bearer');
    expect(token.expiresIn).toBe(8 * 3600);
    expect(token.accessToken).toBeTruthy();
    expect(token.refreshToken).toBeTruthy();
    // A device code is good for one token.
    await expect(poll()).rejects.toBeInstanceOf(InvalidGrantException);
  });

  it('reports denial, expiry and a wrong client secret as AWS does', async () => {
    const client = await register([DEVICE_GRANT]);
    const creds = { clientId: client.clientId, clientSecret: client.clientSecret };
    const denied = await oidc.send(new StartDeviceAuthorizationCommand({ ...creds, startUrl: emu.world.sso.startUrl }));
    expect(emu.admin.deny(denied.userCode ?? '')).toBe(true);
    await expect(oidc.send(new CreateTokenCommand({ ...creds, grantType: DEVICE_GRANT, deviceCode: denied.deviceCode }))).rejects.toBeInstanceOf(
      AccessDeniedException,
    );

    const late = await oidc.send(new StartDeviceAuthorizationCommand({ ...creds, startUrl: emu.world.sso.startUrl }));
    clock.advance(601);
    await expect(oidc.send(new CreateTokenCommand({ ...creds, grantType: DEVICE_GRANT, deviceCode: late.deviceCode }))).rejects.toBeInstanceOf(
      ExpiredTokenException,
    );

    await expect(
      oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: 'wrong', startUrl: emu.world.sso.startUrl })),
    ).rejects.toBeInstanceOf(InvalidClientException);
    await expect(oidc.send(new StartDeviceAuthorizationCommand({ ...creds, startUrl: 'https://d-0000000000.awsapps.com/start' }))).rejects.toBeInstanceOf(
      InvalidRequestException,
    );
    // The client registered for the device code only.
    await expect(oidc.send(new CreateTokenCommand({ ...creds, grantType: 'refresh_token', refreshToken: 'x' }))).rejects.toBeInstanceOf(
      UnauthorizedClientException,
    );
  });

  it('sends OIDC errors as AWS does: x-amzn-errortype plus an OAuth body', async () => {
    const client = await register([DEVICE_GRANT]);
    const start = await oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: emu.world.sso.startUrl }));
    clock.advance(5);
    const res = await fetch(`${emu.endpoint}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: DEVICE_GRANT, deviceCode: start.deviceCode }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('AuthorizationPendingException');
    expect(await res.json()).toEqual({ error: 'authorization_pending', error_description: expect.any(String) });
  });

  it('runs the authorization-code flow with PKCE through /authorize, and rotates refresh tokens', async () => {
    const client = await register(['authorization_code', 'refresh_token'], ['http://127.0.0.1/oauth/callback']);
    const creds = { clientId: client.clientId ?? '', clientSecret: client.clientSecret ?? '' };
    const redirectUri = 'http://127.0.0.1:54321/oauth/callback';
    const authorize = async (challenge: string): Promise<string> => {
      const url = new URL(`${emu.endpoint}/authorize`);
      const params = { response_type: 'code', client_id: creds.clientId, redirect_uri: redirectUri, state: 'st-1', code_challenge: challenge, code_challenge_method: 'S256', scopes: 'sso:account:access' };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      const pageRes = await fetch(url, { redirect: 'manual' });
      const html = await pageRes.text();
      expect(pageRes.status).toBe(200);
      expect(html).toContain('>Allow</button>');
      const res = await postForm(`${emu.endpoint}/authorize`, { request_id: formField(html, 'request_id'), decision: 'allow' });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect(location.searchParams.get('state')).toBe('st-1');
      return location.searchParams.get('code') ?? '';
    };

    const pkce = pkcePair();
    const code = await authorize(pkce.challenge);
    const token = await oidc.send(new CreateTokenCommand({ ...creds, grantType: 'authorization_code', code, redirectUri, codeVerifier: pkce.verifier }));
    expect(token.accessToken).toBeTruthy();
    // Codes are single use.
    await expect(
      oidc.send(new CreateTokenCommand({ ...creds, grantType: 'authorization_code', code, redirectUri, codeVerifier: pkce.verifier })),
    ).rejects.toBeInstanceOf(InvalidGrantException);

    const other = pkcePair();
    const code2 = await authorize(other.challenge);
    await expect(
      oidc.send(new CreateTokenCommand({ ...creds, grantType: 'authorization_code', code: code2, redirectUri, codeVerifier: pkce.verifier })),
    ).rejects.toBeInstanceOf(InvalidGrantException);
    const code3 = await authorize(other.challenge);
    await expect(
      oidc.send(new CreateTokenCommand({ ...creds, grantType: 'authorization_code', code: code3, redirectUri: 'http://127.0.0.1:1/other', codeVerifier: other.verifier })),
    ).rejects.toBeInstanceOf(InvalidGrantException);

    const refreshed = await oidc.send(new CreateTokenCommand({ ...creds, grantType: 'refresh_token', refreshToken: token.refreshToken }));
    expect(refreshed.accessToken).not.toBe(token.accessToken);
    expect(refreshed.refreshToken).not.toBe(token.refreshToken);
    await expect(oidc.send(new CreateTokenCommand({ ...creds, grantType: 'refresh_token', refreshToken: token.refreshToken }))).rejects.toBeInstanceOf(
      InvalidGrantException,
    );
  });

  it('never redirects to an unregistered URI, and redirects errors to a registered one', async () => {
    const client = await register(['authorization_code'], ['http://127.0.0.1/oauth/callback']);
    const base = `${emu.endpoint}/authorize?response_type=code&client_id=${client.clientId}&state=s&code_challenge=${pkcePair().challenge}&code_challenge_method=S256`;
    const foreign = await fetch(`${base}&redirect_uri=${encodeURIComponent('http://evil.example/cb')}`, { redirect: 'manual' });
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
    const plain = await fetch(`${base.replace('S256', 'plain')}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/oauth/callback')}`, { redirect: 'manual' });
    expect(plain.status).toBe(302);
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    // A page on another origin reaching 127.0.0.1 through DNS rebinding carries its own Host.
    const rebound = await rawRequest(`${emu.endpoint}/device`, { headers: { host: 'evil.example' } });
    expect(rebound.status).toBe(403);
  });
});

describe('SSO OIDC with autoApproveSignIn', () => {
  let emu: TestEmulator;
  let oidc: SSOOIDCClient;
  beforeAll(async () => {
    emu = await startTestEmulator({ autoApproveSignIn: true });
    oidc = new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.endpoint, maxAttempts: 1 });
  });
  afterAll(async () => emu.stop());

  it('grants the device code on the first poll and redirects /authorize at once', async () => {
    const client = await oidc.send(
      new RegisterClientCommand({ clientName: 'auto', clientType: 'public', scopes: SCOPES, grantTypes: [DEVICE_GRANT, 'authorization_code'], redirectUris: ['http://127.0.0.1/cb'] }),
    );
    const creds = { clientId: client.clientId, clientSecret: client.clientSecret };
    const start = await oidc.send(new StartDeviceAuthorizationCommand({ ...creds, startUrl: emu.world.sso.startUrl }));
    const token = await oidc.send(new CreateTokenCommand({ ...creds, grantType: DEVICE_GRANT, deviceCode: start.deviceCode }));
    expect(token.accessToken).toBeTruthy();

    const pkce = pkcePair();
    const res = await fetch(
      `${emu.endpoint}/authorize?response_type=code&client_id=${client.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:4000/cb')}&state=a&code_challenge=${pkce.challenge}&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(302);
    const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const byCode = await oidc.send(
      new CreateTokenCommand({ ...creds, grantType: 'authorization_code', code, redirectUri: 'http://127.0.0.1:4000/cb', codeVerifier: pkce.verifier }),
    );
    expect(byCode.accessToken).toBeTruthy();
  });
});
