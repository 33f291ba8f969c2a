/**
 * Which service an unsigned request is for. Signed requests name their service in the SigV4
 * scope; the few AWS calls that are never signed are recognised the way AWS's own front ends
 * tell them apart: by the SSO bearer header, the OIDC paths, and the STS query form.
 */
export const SSO_PORTAL = 'sso';
export const SSO_OIDC = 'sso-oauth';
/** The emulator's own sign-in pages (device code and authorization code): not an AWS API. */
export const SSO_PAGES = 'sso-pages';

const OIDC_PATHS = new Set(['/client/register', '/device_authorization', '/token']);
const PAGE_PATHS = new Set(['/device', '/authorize', '/start']);

export function routeUnsigned(method: string, path: string, headers: Record<string, string>, query: URLSearchParams): string | undefined {
  if (headers['x-amz-sso_bearer_token'] !== undefined) return SSO_PORTAL;
  if (method === 'POST' && OIDC_PATHS.has(path)) return SSO_OIDC;
  if ((method === 'GET' || method === 'POST') && PAGE_PATHS.has(path)) return SSO_PAGES;
  // AssumeRoleWithWebIdentity is deliberately unsigned; it arrives as an STS query form.
  const form = (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  if ((method === 'POST' && form) || (method === 'GET' && query.has('Action'))) return 'sts';
  return undefined;
}
