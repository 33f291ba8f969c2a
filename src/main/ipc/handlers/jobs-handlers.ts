import type { jobsChannels } from '../../../shared/ipc/channels/jobs';
import type { DomainHandlers } from '../handler-types';

export const jobsHandlers: DomainHandlers<keyof typeof jobsChannels> = {
  'jobs:list': (_input, { core }) => core.jobs.list(),
  'jobs:cancel': ({ jobId }, { core }) => ({ cancelled: core.jobs.cancel(jobId) }),
};
