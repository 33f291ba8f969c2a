import { randomUUID } from 'node:crypto';
import { AwsError, type EmulatorResponse } from '../../core/types';

/**
 * SSO OIDC errors follow OAuth 2.0 (RFC 6749 §5.2): the body is `{"error","error_description"}`
 * with no `message`, and the shape name travels in `x-amzn-errortype`, which is what the SDK
 * reads to raise AuthorizationPendingException, SlowDownException and the rest.
 */
const OAUTH_ERROR: Record<string, string> = {
  AuthorizationPendingException: 'authorization_pending',
  SlowDownException: 'slow_down',
  ExpiredTokenException: 'expired_token',
  AccessDeniedException: 'access_denied',
  InvalidClientException: 'invalid_client',
  InvalidGrantException: 'invalid_grant',
  InvalidRequestException: 'invalid_request',
  InvalidScopeException: 'invalid_scope',
  UnauthorizedClientException: 'unauthorized_client',
  UnsupportedGrantTypeException: 'unsupported_grant_type',
  InvalidClientMetadataException: 'invalid_client_metadata',
  InvalidRedirectUriException: 'invalid_redirect_uri',
  InternalServerException: 'server_error',
};

const STATUS: Record<string, number> = { InvalidClientException: 401, InternalServerException: 500 };

export function oidcError(code: string, description: string): AwsError {
  return new AwsError(code, description, STATUS[code] ?? 400, {
    error: OAUTH_ERROR[code] ?? 'invalid_request',
    error_description: description,
  });
}

export function oidcErrorResponse(err: AwsError): EmulatorResponse {
  const error = typeof err.extra['error'] === 'string' ? err.extra['error'] : (OAUTH_ERROR[err.code] ?? 'server_error');
  const description = typeof err.extra['error_description'] === 'string' ? err.extra['error_description'] : err.message;
  const body: Record<string, unknown> = { ...err.extra, error, error_description: description };
  return {
    status: err.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': err.code,
      'x-amzn-requestid': randomUUID(),
    },
    body: JSON.stringify(body),
  };
}
