/**
 * Native-app redirect URIs (RFC 8252): only http on a loopback address. The port is not part of
 * the match, because a desktop app binds whatever port is free when the sign-in starts (§7.3);
 * the AWS CLI registers `http://127.0.0.1/oauth/callback` and then listens on a random port.
 */
export function isLoopbackRedirect(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname) && !url.username && !url.password;
}

/** Whether `requested` is allowed by one of the client's registered redirect URIs. */
export function redirectMatches(requested: string, registered: readonly string[]): boolean {
  if (!isLoopbackRedirect(requested)) return false;
  const r = new URL(requested);
  return registered.some((candidate) => {
    if (!isLoopbackRedirect(candidate)) return false;
    const c = new URL(candidate);
    return c.hostname === r.hostname && c.pathname === r.pathname;
  });
}
