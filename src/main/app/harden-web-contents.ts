import { app, session, shell, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import { openExternalUrl } from '../core/external-url';
import { shouldBlockNavigation } from './security-policy';

/**
 * Applied to every webContents as it is created (Actual's security.ts): no navigation, no
 * redirects, no new windows (http(s) links go to the system browser), no webviews, and every
 * permission request denied. Auditdesk needs no camera, geolocation or notifications.
 */
export function hardenAllWebContents(appUrl: () => string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (shouldBlockNavigation(url, appUrl())) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalUrl(url, (safe) => shell.openExternal(safe));
      return { action: 'deny' };
    });
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // The same policy as browser mode, as a response header on everything the session loads (the
    // dev server, and any protocol added later). file:// responses carry no headers, so the
    // packaged page relies on the meta tag in index.html as well.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
    });
  });
}
