import { webRoutes, webTokenParam, type AuditdeskBridge } from '../../shared/ipc/bridge';
import type { IpcResult } from '../../shared/ipc/result';

const TOKEN_KEY = 'auditdesk.webToken';

/**
 * Browser mode's bridge: the same contract over loopback HTTP. The token comes in the URL the
 * server printed; it is moved to sessionStorage and taken out of the address bar at once so it
 * does not linger in history or get copied with the URL.
 */
export function createHttpBridge(location: Location, storage: Storage, history: History): AuditdeskBridge {
  const token = takeToken(location, storage, history);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let stream: AbortController | undefined;

  function ensureStream() {
    if (stream) return;
    stream = new AbortController();
    void readEvents(stream.signal, headers, (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  }

  return {
    async invoke(channel, input) {
      try {
        const response = await fetch(`${webRoutes.invoke}${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as IpcResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'offline', message: 'Lost the connection to Auditdesk. Is `auditdesk web` still running?' } };
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      ensureStream();
      return () => set.delete(listener);
    },
  };
}

function takeToken(location: Location, storage: Storage, history: History): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(webTokenParam);
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete(webTokenParam);
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

/** Server-sent events read with fetch (EventSource cannot send the token header); reconnects. */
async function readEvents(signal: AbortSignal, headers: Record<string, string>, deliver: (event: string, payload: unknown) => void) {
  while (!signal.aborted) {
    try {
      const response = await fetch(webRoutes.events, { headers, signal });
      if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const parsed = parseSseBlock(block);
          if (parsed) deliver(parsed.event, parsed.data);
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export function parseSseBlock(block: string): { event: string; data: unknown } | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return undefined;
  try {
    return { event, data: JSON.parse(data.join('\n')) };
  } catch {
    return undefined;
  }
}
