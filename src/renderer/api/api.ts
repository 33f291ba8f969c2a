import type { AuditdeskBridge } from '../../shared/ipc/bridge';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { createHttpBridge } from './http-bridge';

/**
 * The renderer's only way to the core. Typed by the contract; errors arrive as AppError with
 * the core's code, message and detail. Which transport carries it is decided once, at start-up.
 */
export interface Api {
  face: 'electron' | 'web';
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

declare global {
  interface Window {
    auditdesk?: AuditdeskBridge;
  }
}

export function createApi(bridge: AuditdeskBridge, face: Api['face']): Api {
  return {
    face,
    async invoke(channel, input) {
      const result = await bridge.invoke(channel, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.detail);
      return result.data as ChannelOutput<typeof channel>;
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<typeof event>));
    },
  };
}

/** The preload's bridge inside Electron, loopback HTTP in browser mode. */
export function createDefaultApi(): Api {
  if (window.auditdesk) return createApi(window.auditdesk, 'electron');
  return createApi(createHttpBridge(window.location, window.sessionStorage, window.history), 'web');
}
