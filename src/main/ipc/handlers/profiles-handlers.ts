import type { profilesChannels } from '../../../shared/ipc/channels/profiles';
import type { DomainHandlers } from '../handler-types';

export const profilesHandlers: DomainHandlers<keyof typeof profilesChannels> = {
  'profiles:list': (_input, { core }) => core.profiles.list(),
};
