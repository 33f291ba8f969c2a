import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '../../shared/ipc/contract';
import type { Core } from '../core/create-core';

export interface HandlerContext {
  core: Core;
}

export type Handler<C extends Channel> = (
  input: z.infer<Contract[C]['input']>,
  ctx: HandlerContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** Handlers of one domain, declared next to the services they call. */
export type DomainHandlers<K extends Channel> = { [C in K]: Handler<C> };

export type HandlerMap = DomainHandlers<Channel>;
