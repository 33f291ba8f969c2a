import type { IpcResult } from './result';

/**
 * The whole surface between a page and the core: what the Electron preload exposes as
 * `window.auditdesk`, and what the browser-mode HTTP client implements. Nothing else.
 */
export interface AuditdeskBridge {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  /** Subscribes to a push event; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Browser-mode routes, shared by the server and the renderer's HTTP client. */
export const webRoutes = {
  invoke: '/api/invoke/',
  events: '/api/events',
} as const;

/** Name of the query parameter that carries the browser-mode token in the URL printed at start. */
export const webTokenParam = 'token';
