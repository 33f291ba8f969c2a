import type { appChannels } from '../../../shared/ipc/channels/app';
import type { DomainHandlers } from '../handler-types';

export const appHandlers: DomainHandlers<keyof typeof appChannels> = {
  'app:info': (_input, { core }) => ({
    version: core.version,
    face: core.options.face === 'electron' ? 'electron' : 'web',
    dataDir: core.options.dataDir,
    demo: core.workspace.current().kind === 'demo',
  }),
};
