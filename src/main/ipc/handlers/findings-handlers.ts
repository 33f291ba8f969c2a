import type { findingsChannels } from '../../../shared/ipc/channels/findings';
import type { DomainHandlers } from '../handler-types';

export const findingsHandlers: DomainHandlers<keyof typeof findingsChannels> = {
  'findings:sync': (input, { core }) => ({ jobId: core.findings.sync(input).jobId }),
  'findings:list': (input, { core }) => core.findings.list(input),
  'findings:get': (ref, { core }) => core.findings.get(ref),
  'findings:triage': (input, { core }) => core.findings.triage(input),
  'findings:coverage': (_input, { core }) => core.findings.coverage(),
  'findings:annotations': (input, { core }) => core.findings.annotations(input),
};
