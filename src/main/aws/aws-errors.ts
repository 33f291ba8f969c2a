import { AppError } from '../../shared/ipc/result';
import { redactSecrets } from '../core/redact';

/**
 * Errors the sessions code throws, and the questions asked of errors the SDK throws. Codes are
 * stable (the renderer branches on them); messages never carry a token or a key.
 */
export const SessionErrorCode = {
  /** The profile cannot be used as written (cycle, missing sso_region, unknown sso-session…). */
  profileConfig: 'sessions:profile-config',
  unknownProfile: 'sessions:unknown-profile',
  unknownSession: 'sessions:unknown-session',
  /** The profile has nothing to sign in to (static keys, a process…). */
  notSso: 'sessions:not-sso',
  /** No valid token: the user must sign in (again). */
  signInRequired: 'sessions:sign-in-required',
  signInFailed: 'sessions:sign-in-failed',
  signInDenied: 'sessions:sign-in-denied',
  signInCancelled: 'sessions:sign-in-cancelled',
  signInTimeout: 'sessions:sign-in-timeout',
  mfaCancelled: 'sessions:mfa-cancelled',
  credentials: 'sessions:credentials',
  profileExists: 'sessions:profile-exists',
  notInMemory: 'sessions:not-in-memory',
} as const;

export class SignInRequiredError extends AppError {
  constructor(
    readonly sessionId: string,
    message: string,
  ) {
    super(SessionErrorCode.signInRequired, message);
    this.name = 'SignInRequiredError';
  }
}

/** The `name` an SDK error carries (its shape name), or undefined for anything else. */
export function awsErrorName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { Code?: unknown }).Code;
  if (typeof code === 'string' && code) return code;
  return error.name && error.name !== 'Error' ? error.name : undefined;
}

const TOKEN_EXPIRED = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'UnauthorizedException',
  'InvalidGrantException',
  'RequestExpired',
  'TokenRefreshRequired',
]);

/**
 * Errors that mean "the credentials or the SSO token behind them ran out", as opposed to
 * "not allowed": the cure is fresh credentials (or a new sign-in), not a different call.
 */
export function isTokenExpiredError(error: unknown): boolean {
  if (error instanceof SignInRequiredError) return true;
  const name = awsErrorName(error);
  if (name && TOKEN_EXPIRED.has(name)) return true;
  // The SDK's token and credential providers say it in words only.
  return error instanceof Error && /token (is |has )?expired|security token included in the request is expired/i.test(error.message);
}

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'ForbiddenException', 'AuthorizationError']);

export function isAccessDeniedError(error: unknown): boolean {
  const name = awsErrorName(error);
  return name !== undefined && DENIED.has(name);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'CanceledError');
}

/** A short, secret-free description of an SDK error for a status line. */
export function describeAwsError(error: unknown): string {
  if (error instanceof AppError) return redactSecrets(error.message);
  const name = awsErrorName(error);
  const message = error instanceof Error ? error.message : String(error);
  return redactSecrets(name && message && !message.startsWith(name) ? `${name}: ${message}` : message || name || 'Unknown error');
}
