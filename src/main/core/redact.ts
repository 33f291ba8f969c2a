/**
 * Last line of defence for text that leaves the main process (error messages, logs): anything
 * shaped like an AWS secret is replaced. Services should never put a secret in a message in the
 * first place; this catches what an SDK or a library might echo.
 */
const PATTERNS: Array<[RegExp, string]> = [
  // Access key ids are not secret on their own, but paired with anything else they help an attacker.
  [/\b((?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{4})[A-Z0-9]{12}\b/g, '$1…'],
  // Secret access keys: 40 characters of base64.
  [/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted]'],
  // Session tokens, SSO access and refresh tokens: long opaque base64/url-safe runs.
  [/[A-Za-z0-9/+_\-=.]{100,}/g, '[redacted]'],
  // key = value or "key": "value" forms of the secret settings.
  [/((?:aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken|accessToken|refreshToken|clientSecret|client_secret|refresh_token|access_token)["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1[redacted]'],
];

export function redactSecrets(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
