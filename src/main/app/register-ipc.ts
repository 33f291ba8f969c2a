import type { IpcMain, WebContents } from 'electron';
import type { Channel } from '../../shared/ipc/contract';
import type { EventBus } from '../core/event-bus';
import type { Dispatch } from '../ipc/dispatcher';
import { isTrustedSender } from './security-policy';

/**
 * Registers one ipcMain handler per contract channel (from the handler map, so the three lists
 * cannot drift) and forwards push events to the windows. A call from any frame other than our
 * page's main frame is refused before its input is even parsed.
 */
export function registerIpc(deps: {
  ipcMain: Pick<IpcMain, 'handle'>;
  channels: Channel[];
  dispatch: Dispatch;
  appUrl: () => string;
}): Channel[] {
  for (const channel of deps.channels) {
    deps.ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, deps.appUrl())) {
        return { ok: false, error: { code: 'forbidden', message: 'This window may not call Auditdesk.' } };
      }
      return deps.dispatch(channel, input);
    });
  }
  return deps.channels;
}

export function forwardEvents(bus: EventBus, windows: () => WebContents[]): () => void {
  return bus.subscribe((event, payload) => {
    for (const contents of windows()) if (!contents.isDestroyed()) contents.send(event, payload);
  });
}
