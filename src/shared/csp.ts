/**
 * The one Content-Security-Policy for the renderer, in Electron (meta tag and response header)
 * and browser mode (response header). No eval, no remote scripts, no framing; network only to
 * our own origin. Inline styles are allowed because React and recharts set style attributes.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
