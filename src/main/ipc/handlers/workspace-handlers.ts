import type { WorkspaceSummary, workspaceChannels } from '../../../shared/ipc/channels/workspace';
import { resolveAwsConfigPaths } from '../../services/profiles/config-paths';
import type { Workspace } from '../../services/workspace/workspace-service';
import type { DomainHandlers } from '../handler-types';

export const workspaceHandlers: DomainHandlers<keyof typeof workspaceChannels> = {
  'workspace:get': (_input, { core }) => summarize(core.workspace.current()),
  'workspace:open-demo': async (_input, { core }) => summarize(await core.workspace.openDemo()),
  'workspace:open-user': async (_input, { core }) => summarize(await core.workspace.openUser()),
  'workspace:set-active-profiles': ({ profiles }, { core }) => summarize(core.workspace.setActiveProfiles(profiles)),
};

function summarize(workspace: Workspace): WorkspaceSummary {
  return {
    kind: workspace.kind,
    activeProfiles: workspace.activeProfiles,
    configFile: resolveAwsConfigPaths(workspace.awsEnv, workspace.awsHome).configFile,
    demoEndpoint: workspace.demo?.endpoint,
  };
}
