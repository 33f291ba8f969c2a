import { awsErrorName, SignInRequiredError } from '../aws-errors';
import type { SsoTarget } from './sso-target';

/** Where portal calls get their bearer token (the token manager). */
export interface PortalTokenSource {
  accessToken(target: SsoTarget, opts?: { forceRefresh?: boolean }): Promise<string>;
  markRejected(target: SsoTarget, message: string): void;
}

/**
 * Runs one SSO portal call with the session's access token. The cache can say "valid" while IAM
 * Identity Center has ended the session, so a refused token gets one forced renewal; if that is
 * refused too, the session is marked as needing a sign-in and the caller gets SignInRequiredError.
 */
export async function withPortalToken<T>(source: PortalTokenSource, target: SsoTarget, call: (token: string) => Promise<T>): Promise<T> {
  try {
    return await call(await source.accessToken(target));
  } catch (error) {
    if (awsErrorName(error) !== 'UnauthorizedException') throw error;
  }
  try {
    return await call(await source.accessToken(target, { forceRefresh: true }));
  } catch (error) {
    if (awsErrorName(error) !== 'UnauthorizedException' && !(error instanceof SignInRequiredError)) throw error;
    const message = 'IAM Identity Center no longer accepts this sign-in. Sign in again.';
    source.markRejected(target, message);
    throw new SignInRequiredError(target.id, message);
  }
}
