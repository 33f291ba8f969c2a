import type { z } from 'zod';
import { appChannels } from './channels/app';
import { eventsChannels, eventsEvents } from './channels/events';
import { findingsChannels } from './channels/findings';
import { jobsChannels, jobsEvents } from './channels/jobs';
import { profilesChannels } from './channels/profiles';
import { reportsChannels } from './channels/reports';
import { sessionsChannels, sessionsEvents } from './channels/sessions';
import { workspaceChannels, workspaceEvents } from './channels/workspace';

/**
 * The one contract between the renderer and the core. Each domain declares its channels in
 * channels/<domain>.ts; this file only assembles them. The Electron preload, the IPC
 * registration, the browser-mode server and the renderer's `api` all derive from these keys,
 * and a test checks that they agree.
 */
export const contract = {
  ...appChannels,
  ...eventsChannels,
  ...findingsChannels,
  ...jobsChannels,
  ...profilesChannels,
  ...reportsChannels,
  ...sessionsChannels,
  ...workspaceChannels,
} as const;

/** Push events from the core to the renderer. */
export const events = {
  ...eventsEvents,
  ...jobsEvents,
  ...sessionsEvents,
  ...workspaceEvents,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const channelNames = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
