import { createHash, randomBytes } from 'node:crypto';
import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { AppError } from '../../../shared/ipc/result';
import { SessionErrorCode } from '../aws-errors';
import type { ClientRegistration } from './client-registration';
import { startLoopbackListener } from './loopback-listener';
import { authorizeEndpoint } from './sso-clients';
import type { SsoTarget } from './sso-target';
import { toTokenGrant, type TokenGrant } from './token-grant';

/** How long the browser may take: as long as AWS keeps the authorization request open. */
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Authorization code with PKCE (RFC 7636, S256), the CLI's default since v2.22: the system
 * browser signs in at the OIDC /authorize page and comes back to our loopback listener with a
 * one-time code, which only the holder of the code verifier can turn into a token.
 */
export async function pkceSignIn(deps: {
  oidc: SSOOIDCClient;
  target: SsoTarget;
  registration: ClientRegistration;
  openExternal: (url: string) => Promise<void>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Told the URL too, so a face can show it when no browser opens. */
  onAuthorizeUrl?: (url: string) => void;
}): Promise<TokenGrant> {
  const verifier = randomBytes(64).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(24).toString('base64url');
  const listener = await startLoopbackListener({ state, signal: deps.signal });
  const timeout = setTimeout(() => void listener.close(), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const url = new URL(authorizeEndpoint(deps.target));
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: deps.registration.clientId,
      redirect_uri: listener.redirectUri,
      state,
      code_challenge_method: 'S256',
      scopes: deps.target.scopes.join(' '),
      code_challenge: challenge,
    }).toString();
    deps.onAuthorizeUrl?.(url.toString());
    await deps.openExternal(url.toString());
    let code: string;
    try {
      code = await listener.code;
    } catch (error) {
      if (error instanceof AppError && error.code === SessionErrorCode.signInCancelled && !deps.signal?.aborted) {
        throw new AppError(SessionErrorCode.signInTimeout, 'The browser sign-in took too long. Start it again.');
      }
      throw error;
    }
    const out = await deps.oidc.send(
      new CreateTokenCommand({
        clientId: deps.registration.clientId,
        clientSecret: deps.registration.clientSecret,
        grantType: 'authorization_code',
        code,
        redirectUri: listener.redirectUri,
        codeVerifier: verifier,
      }),
      { abortSignal: deps.signal },
    );
    return toTokenGrant(out);
  } finally {
    clearTimeout(timeout);
    await listener.close();
  }
}
