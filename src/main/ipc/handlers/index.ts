import type { HandlerMap } from '../handler-types';
import { appHandlers } from './app-handlers';
import { eventsHandlers } from './events-handlers';
import { findingsHandlers } from './findings-handlers';
import { jobsHandlers } from './jobs-handlers';
import { profilesHandlers } from './profiles-handlers';
import { reportsHandlers } from './reports-handlers';
import { sessionsHandlers } from './sessions-handlers';
import { workspaceHandlers } from './workspace-handlers';

/** Every channel's handler, in one place; a test checks this matches the contract. */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...eventsHandlers,
  ...findingsHandlers,
  ...jobsHandlers,
  ...profilesHandlers,
  ...reportsHandlers,
  ...sessionsHandlers,
  ...workspaceHandlers,
};
