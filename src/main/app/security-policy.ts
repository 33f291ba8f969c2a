/**
 * The decisions behind the Electron security baseline, as plain functions with no Electron
 * import so they can be tested with tables of hostile inputs (shared/STYLE.md).
 */

/** The renderer is loaded from one place: the packaged file, or the dev server in development. */
export function isAppUrl(value: string | undefined, appUrl: string): boolean {
  if (!value) return false;
  let url: URL;
  let app: URL;
  try {
    url = new URL(value);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  // file: URLs have an opaque origin, so compare host and path: file://attacker/share/… is a
  // UNC path on Windows, with the same pathname as ours.
  if (app.protocol === 'file:') return url.protocol === 'file:' && url.host === app.host && url.pathname === app.pathname;
  return url.origin === app.origin;
}

/** IPC is answered only for the main frame of our own page: not iframes, not other origins. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, appUrl: string): boolean {
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, appUrl);
}

/** Navigation away from the app never happens in-window; redirects neither. */
export function shouldBlockNavigation(target: string, appUrl: string): boolean {
  return !isAppUrl(target, appUrl) || new URL(target).href !== new URL(appUrl).href;
}
