import type { reportsChannels } from '../../../shared/ipc/channels/reports';
import type { DomainHandlers } from '../handler-types';

export const reportsHandlers: DomainHandlers<keyof typeof reportsChannels> = {
  'reports:create': (input, { core }) => core.reports.create(input),
  'reports:list': (_input, { core }) => core.reports.list(),
  'reports:get': ({ reportId }, { core }) => core.reports.get(reportId),
};
