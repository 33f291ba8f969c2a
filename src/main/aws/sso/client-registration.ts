import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { z } from 'zod';
import type { SignInFlow } from '../../../shared/ipc/channels/sessions';
import { readJson, ssoCacheDir, writePrivateJson } from './token-cache';
import type { SsoTarget } from './sso-target';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** Registered without a port: a native app binds whatever port is free at sign-in (RFC 8252 §7.3), as the CLI does. */
export const REDIRECT_PATH = '/oauth/callback';
const REGISTERED_REDIRECT = `http://127.0.0.1${REDIRECT_PATH}`;
const CLIENT_NAME = 'Auditdesk';
/** A registration this close to its end is replaced, so it cannot lapse in the middle of a sign-in (botocore's window). */
const EXPIRY_WINDOW_MS = 15 * 60 * 1000;

const Registration = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** When the client secret stops working (the CLI's registration cache field). */
  expiresAt: z.string(),
  scopes: z.array(z.string()).optional(),
  grantTypes: z.array(z.string()).optional(),
});
export type ClientRegistration = z.infer<typeof Registration>;

/**
 * An OIDC client for this start URL, region, scopes and flow: the cached RegisterClient result
 * while it is valid (the CLI keeps it next to the tokens), a new registration otherwise.
 */
export async function getClientRegistration(deps: {
  oidc: SSOOIDCClient;
  target: SsoTarget;
  flow: SignInFlow;
  home: string;
  now: () => Date;
  signal?: AbortSignal;
  /** Ignore the cached registration: IAM Identity Center no longer knows it (InvalidClientException). */
  forceNew?: boolean;
}): Promise<ClientRegistration> {
  const { target, flow } = deps;
  const grantTypes = grantTypesFor(target, flow);
  const path = join(ssoCacheDir(deps.home), `${registrationCacheKey(target, grantTypes)}.json`);
  const cached = await readJson(path, Registration);
  if (cached && !deps.forceNew && Date.parse(cached.expiresAt) - deps.now().getTime() > EXPIRY_WINDOW_MS) return cached;
  const out = await deps.oidc.send(
    new RegisterClientCommand({
      clientName: CLIENT_NAME,
      clientType: 'public',
      ...(target.scopes.length ? { scopes: target.scopes } : {}),
      ...(grantTypes.length ? { grantTypes } : {}),
      ...(flow === 'pkce' ? { redirectUris: [REGISTERED_REDIRECT], issuerUrl: target.startUrl } : {}),
    }),
    { abortSignal: deps.signal },
  );
  if (!out.clientId || !out.clientSecret || !out.clientSecretExpiresAt) throw new Error('RegisterClient returned an incomplete registration.');
  const registration: ClientRegistration = {
    clientId: out.clientId,
    clientSecret: out.clientSecret,
    expiresAt: new Date(out.clientSecretExpiresAt * 1000).toISOString(),
    scopes: target.scopes,
    grantTypes,
  };
  await writePrivateJson(path, registration);
  return registration;
}

/** Legacy profiles register without scopes or grants (device code only, no refresh), as the CLI does. */
function grantTypesFor(target: SsoTarget, flow: SignInFlow): string[] {
  const refresh = target.scopes.length ? ['refresh_token'] : [];
  if (flow === 'pkce') return ['authorization_code', ...refresh];
  return target.scopes.length ? [DEVICE_GRANT, ...refresh] : [];
}

/** Our own key (tool "auditdesk"), so we never pick up or overwrite a registration the CLI made for itself. */
function registrationCacheKey(target: SsoTarget, grantTypes: string[]): string {
  const args = { grantTypes, region: target.region, scopes: target.scopes, session_name: target.sessionName ?? null, startUrl: target.startUrl, tool: 'auditdesk' };
  return createHash('sha1').update(JSON.stringify(args)).digest('hex');
}
