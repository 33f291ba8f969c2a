/**
 * Last line of defence for text that leaves the main process (error messages, logs): anything
 * shaped like an AWS secret is replaced. Services should never put a secret in a message in the
 * first place; this catches what an SDK or a library might echo.
 */
const PATTERNS: Array<[RegExp, string | ((match: string) => string)]> = [
  // Access key ids are not secret on their own, but paired with anything else they help an attacker.
  [/\b((?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{4})[A-Z0-9]{12}\b/g, '$1…'],
  // Secret access keys: 40 characters of base64. Not all letters (a 40-letter API name such as
  // GetBucketIntelligentTieringConfiguration) and not all hex (a SHA-1 thumbprint).
  [/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, (m) => (/^(?:[A-Za-z]+|[0-9a-fA-F]+)$/.test(m) ? m : '[redacted]')],
  // Session tokens, SSO access and refresh tokens: long opaque base64/url-safe runs. A run whose
  // inner "/"-separated segments hold "-", "_" or "." is a path (a CloudTrail log object key):
  // base64 has "/" but never those, and base64url (JWTs) has those but never "/".
  [/[A-Za-z0-9/+_\-=.]{100,}/g, (m) => (m.split('/').slice(1, -1).some((segment) => /[-_.]/.test(segment)) ? m : '[redacted]')],
  // key = value or "key": "value" forms of the secret settings.
  [/((?:aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken|accessToken|refreshToken|clientSecret|client_secret|refresh_token|access_token|x-amz-security-token)["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1[redacted]'],
];

export function redactSecrets(text: string): string {
  return PATTERNS.reduce(
    (out, [pattern, replacement]) => (typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement)),
    text,
  );
}
