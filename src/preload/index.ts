import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AuditdeskBridge } from '../shared/ipc/bridge';
import { channelNames, eventNames } from '../shared/ipc/contract';

// Only contract channels and events pass; the page never gets ipcRenderer itself, nor
// process.env (which is how electron-toolkit's electronAPI would hand it AWS keys).
const allowedChannels = new Set<string>(channelNames);
const allowedEvents = new Set<string>(eventNames);

const bridge: AuditdeskBridge = {
  invoke(channel, input) {
    if (!allowedChannels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: 'Unknown channel.' } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (!allowedEvents.has(event)) throw new Error(`Unknown event: ${event}`);
    // The Electron event (with its sender) stays here; the page gets the payload only.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('auditdesk', bridge);
export const preloadAllowedChannels = [...allowedChannels];
