import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from './core/create-core';
import { resolveDataDir } from './core/data-dir';
import { openExternalUrl } from './core/external-url';
import { createDispatcher } from './ipc/dispatcher';
import { handlers } from './ipc/handlers';
import type { Channel } from '../shared/ipc/contract';
import { createMainWindow, rendererUrl } from './app/create-main-window';
import { hardenAllWebContents } from './app/harden-web-contents';
import { forwardEvents, registerIpc } from './app/register-ipc';

// The Electron shell: windows, security handlers and IPC registration. Everything the app
// actually does lives in the Electron-free core (src/main/core, services, store).
app.enableSandbox();
// A second instance would open a second core on the same data folder (and index): hand over to
// the first one and stop before anything else starts.
if (!app.requestSingleInstanceLock()) {
  app.exit(0);
}

const { values } = parseArgs({ args: process.argv.slice(1), options: { 'data-dir': { type: 'string' } }, strict: false });
// The dev server URL is honoured only in development: in a packaged app an environment variable
// must not be able to load a remote page with our preload and IPC.
const appUrl = rendererUrl(__dirname, app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
hardenAllWebContents(() => appUrl);

app.whenReady().then(async () => {
  const dataDir = resolveDataDir({ flag: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined, env: process.env });
  const core = await createCore({
    dataDir,
    env: process.env,
    face: 'electron',
    log: (line) => console.error(line),
    openExternal: async (url) => {
      await openExternalUrl(url, (safe) => shell.openExternal(safe));
    },
  });
  const dispatch = createDispatcher(handlers, { core }, (line) => console.error(line));
  registerIpc({ ipcMain, channels: Object.keys(handlers) as Channel[], dispatch, appUrl: () => appUrl });
  forwardEvents(core.bus, () => BrowserWindow.getAllWindows().map((w) => w.webContents));

  const open = () => createMainWindow({ preloadPath: join(__dirname, '../preload/index.cjs'), appUrl });
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('before-quit', () => void core.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
