import { join } from 'node:path';
import { loadAwsConfig } from '../../aws/aws-config';
import { getCallerIdentity } from '../../aws/identity';
import type { JobRunner } from '../jobs/job-runner';
import { resolveAwsConfigPaths } from '../profiles/config-paths';
import type { SessionsService } from '../sessions/sessions-service';
import type { WorkspaceService } from '../workspace/workspace-service';
import type { FindingsAws } from './findings-aws';
import { createFindingsService, type FindingsService, type FindingsServiceDeps } from './findings-service';

export type { FindingsService };

/**
 * The findings service's ports, filled from the core: clients and sign-in from the sessions
 * service, profiles and files from the workspace. The demo keeps its own index under
 * `<dataDir>/demo`, so emulator findings never mix with a real account's evidence.
 */
export interface CoreParts {
  dataDir: string;
  jobs: JobRunner;
  workspace: WorkspaceService;
  sessions: SessionsService;
  clock?: () => Date;
}

/** The core's findings service (create-core.ts calls only this). */
export function createCoreFindings(core: CoreParts): FindingsService {
  return createFindingsService(findingsDepsFromCore(core));
}

export function findingsDepsFromCore(core: CoreParts): FindingsServiceDeps {
  const { workspace, sessions } = core;
  const aws: FindingsAws = {
    accessAnalyzer: (profile, region) => sessions.clients.accessAnalyzer(profile, region),
    async identity(profile, signal) {
      const identity = await getCallerIdentity(await sessions.clients.sts(profile), signal);
      return { account: identity.account, arn: identity.arn };
    },
    regions: (profile) => sessions.regions(profile),
    async accountHint(profile) {
      const ws = workspace.current();
      const demo = ws.demo?.profiles.find((p) => p.name === profile)?.accountId;
      if (demo) return demo;
      const snapshot = await loadAwsConfig(resolveAwsConfigPaths(ws.awsEnv, ws.awsHome));
      const settings = snapshot.profiles[profile] ?? {};
      // A role profile acts in the role's account, whatever its source profile is.
      return /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(settings.role_arn ?? '')?.[1] ?? settings.sso_account_id;
    },
    withSignInRetry: (profile, ctx, fn) => sessions.withSignInRetry(profile, ctx, fn),
  };
  return {
    aws,
    jobs: core.jobs,
    indexPath: () => (workspace.current().kind === 'demo' ? join(core.dataDir, 'demo', 'findings.duckdb') : join(core.dataDir, 'findings.duckdb')),
    activeProfiles: () => workspace.current().activeProfiles,
    clock: core.clock,
  };
}

