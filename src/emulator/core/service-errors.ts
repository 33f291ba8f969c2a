import { AwsError } from './types';

/**
 * The errors the core raises before a service sees the request (authentication and faults).
 * AWS spells each differently per protocol family, and the SDK only types the exception when the
 * code matches its model, so the table is keyed by signing name.
 */
export type CoreErrorKind =
  | 'unknown-key'
  | 'bad-signature'
  | 'incomplete-signature'
  | 'expired'
  | 'throttle'
  | 'access-denied'
  | 'server-error';

type Family = 'query' | 'awsJson' | 'restJson' | 'restXml' | 'sso' | 'oidc';

const FAMILY_BY_SIGNING_NAME: Record<string, Family> = {
  sts: 'query',
  cloudtrail: 'awsJson',
  'access-analyzer': 'restJson',
  s3: 'restXml',
  sso: 'sso',
  awsssoportal: 'sso',
  'sso-oauth': 'oidc',
};

type Entry = [code: string, status: number, message: string];

const SIGNATURE_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const TABLE: Record<Family, Record<CoreErrorKind, Entry>> = {
  query: {
    'unknown-key': ['InvalidClientTokenId', 403, 'The security token included in the request is invalid.'],
    'bad-signature': ['SignatureDoesNotMatch', 403, SIGNATURE_MESSAGE],
    'incomplete-signature': ['IncompleteSignature', 400, 'Request is missing Authentication Token'],
    expired: ['ExpiredToken', 403, 'The security token included in the request is expired'],
    throttle: ['Throttling', 400, 'Rate exceeded'],
    'access-denied': ['AccessDenied', 403, 'User is not authorized to perform this operation'],
    'server-error': ['InternalFailure', 500, 'An internal error occurred. Try again.'],
  },
  awsJson: {
    'unknown-key': ['UnrecognizedClientException', 400, 'The security token included in the request is invalid.'],
    'bad-signature': ['InvalidSignatureException', 400, SIGNATURE_MESSAGE],
    'incomplete-signature': ['IncompleteSignatureException', 400, 'Authorization header requires \'Credential\' parameter.'],
    expired: ['ExpiredTokenException', 400, 'The security token included in the request is expired'],
    throttle: ['ThrottlingException', 400, 'Rate exceeded'],
    'access-denied': ['AccessDeniedException', 400, 'User is not authorized to perform this operation'],
    'server-error': ['InternalFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.'],
  },
  restJson: {
    'unknown-key': ['UnrecognizedClientException', 403, 'The security token included in the request is invalid.'],
    'bad-signature': ['InvalidSignatureException', 403, SIGNATURE_MESSAGE],
    'incomplete-signature': ['IncompleteSignatureException', 403, 'Authorization header requires \'Credential\' parameter.'],
    expired: ['ExpiredTokenException', 403, 'The security token included in the request is expired'],
    throttle: ['ThrottlingException', 429, 'Rate exceeded'],
    'access-denied': ['AccessDeniedException', 403, 'User is not authorized to perform this operation'],
    'server-error': ['InternalServerException', 500, 'Internal server error'],
  },
  restXml: {
    'unknown-key': ['InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.'],
    'bad-signature': ['SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
    'incomplete-signature': ['AuthorizationHeaderMalformed', 400, 'The authorization header is malformed.'],
    expired: ['ExpiredToken', 400, 'The provided token has expired.'],
    throttle: ['SlowDown', 503, 'Please reduce your request rate.'],
    'access-denied': ['AccessDenied', 403, 'Access Denied'],
    'server-error': ['InternalError', 500, 'We encountered an internal error. Please try again.'],
  },
  sso: {
    'unknown-key': ['UnauthorizedException', 401, 'Session token not found or invalid'],
    'bad-signature': ['UnauthorizedException', 401, 'Session token not found or invalid'],
    'incomplete-signature': ['UnauthorizedException', 401, 'Session token not found or invalid'],
    expired: ['UnauthorizedException', 401, 'Session token not found or invalid'],
    throttle: ['TooManyRequestsException', 429, 'HTTP 429 Unknown Code'],
    // Real IAM Identity Center answers an unassigned account/role with this unmodelled code.
    'access-denied': ['ForbiddenException', 403, 'No access'],
    'server-error': ['InternalServerException', 500, 'Internal server error'],
  },
  oidc: {
    'unknown-key': ['InvalidClientException', 401, 'Invalid client'],
    'bad-signature': ['InvalidClientException', 401, 'Invalid client'],
    'incomplete-signature': ['InvalidRequestException', 400, 'Invalid request'],
    expired: ['ExpiredTokenException', 400, 'Token is expired'],
    throttle: ['SlowDownException', 400, 'Client is polling too quickly'],
    'access-denied': ['AccessDeniedException', 400, 'Access denied'],
    'server-error': ['InternalServerException', 500, 'Internal server error'],
  },
};

/** The AwsError the core raises for `kind` on a request for `signingName`. */
export function coreError(signingName: string, kind: CoreErrorKind, extra: Record<string, unknown> = {}): AwsError {
  const family = FAMILY_BY_SIGNING_NAME[signingName] ?? 'restJson';
  const [code, status, message] = TABLE[family][kind];
  return new AwsError(code, message, status, extra);
}

export function protocolFamily(signingName: string): Family {
  return FAMILY_BY_SIGNING_NAME[signingName] ?? 'restJson';
}
