import { BrowserWindow, nativeTheme } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The one window. Everything that reaches it goes through the preload's invoke/on. */
export function createMainWindow(opts: { preloadPath: string; appUrl: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Auditdesk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(opts.appUrl);
  return window;
}

/** The renderer's URL: the dev server while developing, the built file otherwise. */
export function rendererUrl(mainDir: string, devServerUrl: string | undefined): string {
  if (devServerUrl) return devServerUrl;
  // pathToFileURL, not `file://${path}`: Windows drive letters and characters such as # or % in
  // the install path must be encoded, or the URL the window reports will not equal this one.
  return pathToFileURL(join(mainDir, '..', 'renderer', 'index.html')).href;
}
