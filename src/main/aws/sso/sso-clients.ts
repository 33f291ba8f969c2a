import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { SsoTarget } from './sso-target';

/**
 * The two IAM Identity Center APIs a sign-in talks to, in the session's own region and at its
 * configured endpoint (the emulator in the demo). Neither is signed: OIDC takes the client
 * secret in the body, the portal the access token in a header.
 */
export function createOidcClient(target: SsoTarget): SSOOIDCClient {
  return new SSOOIDCClient({ region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}) });
}

export function createPortalClient(target: SsoTarget): SSOClient {
  return new SSOClient({ region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}) });
}

/** Where the browser goes for the authorization-code flow: the OIDC endpoint's /authorize, as the CLI builds it. */
export function authorizeEndpoint(target: SsoTarget): string {
  const base = target.endpoint ?? `https://oidc.${target.region}.amazonaws.com`;
  return `${base.replace(/\/+$/, '')}/authorize`;
}
