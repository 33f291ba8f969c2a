import { contract, isChannel } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import type { HandlerContext, HandlerMap } from './handler-types';
import { toIpcError } from './to-ipc-error';

export type Dispatch = (channel: unknown, input: unknown) => Promise<IpcResult<unknown>>;

/**
 * The single entry for every call from a renderer, whichever transport brought it (Electron IPC
 * or browser-mode HTTP). The transport has already checked who is calling; this checks what.
 * Outputs are parsed too: a field a schema does not declare never crosses the boundary.
 */
export function createDispatcher(handlers: HandlerMap, ctx: HandlerContext, log: (message: string) => void = () => {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown-channel', message: 'Unknown channel.' } };
    const schema = contract[channel];
    const parsedInput = schema.input.safeParse(input ?? {});
    if (!parsedInput.success) return { ok: false, error: toIpcError(parsedInput.error) };
    try {
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
      const output = await handler(parsedInput.data, ctx);
      const parsedOutput = schema.output.safeParse(output);
      if (!parsedOutput.success) throw new Error(`Output of ${channel} does not match the contract: ${parsedOutput.error.message}`);
      return { ok: true, data: parsedOutput.data };
    } catch (error) {
      const ipcError = toIpcError(error);
      if (ipcError.code === 'internal') log(`${channel}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: ipcError };
    }
  };
}
