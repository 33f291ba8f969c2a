import { CreateTokenCommand, StartDeviceAuthorizationCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { DeviceCodePrompt } from '../../../shared/ipc/channels/sessions';
import { AppError } from '../../../shared/ipc/result';
import { awsErrorName, SessionErrorCode } from '../aws-errors';
import { DEVICE_GRANT, type ClientRegistration } from './client-registration';
import type { SsoTarget } from './sso-target';
import { abortableSleep, toTokenGrant, type TokenGrant } from './token-grant';

/** RFC 8628 §3.5: on slow_down the interval grows by five seconds. */
const SLOW_DOWN_STEP_S = 5;

/**
 * The device authorization grant: the fallback when no browser can come back to a loopback port
 * (a remote desktop, a locked-down browser). The user checks the code on the verification page;
 * we poll CreateToken at the interval the service asks for.
 */
export async function deviceSignIn(deps: {
  oidc: SSOOIDCClient;
  target: SsoTarget;
  registration: ClientRegistration;
  /** Opens the verification page; omitted when nobody needs to see it (the demo approves by itself). */
  openExternal?: (url: string) => Promise<void>;
  onCode: (prompt: Omit<DeviceCodePrompt, 'sessionId'>) => void;
  now: () => Date;
  signal?: AbortSignal;
}): Promise<TokenGrant> {
  const { registration } = deps;
  const start = await deps.oidc.send(
    new StartDeviceAuthorizationCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: deps.target.startUrl }),
    { abortSignal: deps.signal },
  );
  if (!start.deviceCode || !start.userCode || !start.verificationUri) {
    throw new AppError(SessionErrorCode.signInFailed, 'IAM Identity Center did not start the device sign-in.');
  }
  const deadline = deps.now().getTime() + (start.expiresIn ?? 600) * 1000;
  deps.onCode({
    userCode: start.userCode,
    verificationUri: start.verificationUri,
    ...(start.verificationUriComplete ? { verificationUriComplete: start.verificationUriComplete } : {}),
    expiresAt: new Date(deadline).toISOString(),
  });
  await deps.openExternal?.(start.verificationUriComplete ?? start.verificationUri);

  let intervalS = Math.max(1, start.interval ?? 5);
  for (;;) {
    await abortableSleep(intervalS * 1000, deps.signal);
    if (deps.now().getTime() >= deadline) throw expired();
    try {
      const out = await deps.oidc.send(
        new CreateTokenCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, grantType: DEVICE_GRANT, deviceCode: start.deviceCode }),
        { abortSignal: deps.signal },
      );
      return toTokenGrant(out);
    } catch (error) {
      switch (awsErrorName(error)) {
        case 'AuthorizationPendingException':
          continue;
        case 'SlowDownException':
          intervalS += SLOW_DOWN_STEP_S;
          continue;
        case 'ExpiredTokenException':
          throw expired();
        case 'AccessDeniedException':
          throw new AppError(SessionErrorCode.signInDenied, 'The sign-in was denied on the verification page.');
        default:
          throw error;
      }
    }
  }
}

function expired(): AppError {
  return new AppError(SessionErrorCode.signInTimeout, 'The code expired before it was approved. Start the sign-in again.');
}
