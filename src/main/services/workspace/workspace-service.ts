import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EventBus } from '../../core/event-bus';

/** The local AWS the demo workspace runs against; started on demand, stopped on leave. */
export interface DemoBackend {
  endpoint: string;
  configFile: string;
  credentialsFile?: string;
  /** Profiles the emulator wrote, signed in to through its own sign-in flow. */
  profiles: { name: string; kind: 'sso' | 'keys'; accountId: string }[];
  close(): Promise<void>;
}

/**
 * Which AWS files and token cache the app works with. The user's workspace reads their real
 * ~/.aws; the demo workspace reads the emulator's files and keeps its own "home" for the SSO
 * token cache, so opening the demo never touches the user's AWS settings.
 */
export interface Workspace {
  kind: 'user' | 'demo';
  /** Environment the AWS config files are found from (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE). */
  awsEnv: NodeJS.ProcessEnv;
  /** The folder whose .aws/sso/cache holds IAM Identity Center tokens (AWS CLI v2 format). */
  awsHome: string;
  /** Profiles the user has switched on; every view and job works over these. */
  activeProfiles: string[];
  /** Set in the demo workspace. */
  demo?: { endpoint: string; profiles: DemoBackend['profiles'] };
}

export interface WorkspaceService {
  current(): Workspace;
  openDemo(): Promise<Workspace>;
  /** Back to the user's own profiles; the demo emulator stops. */
  openUser(): Promise<Workspace>;
  setActiveProfiles(names: string[]): Workspace;
  close(): Promise<void>;
}

export function createWorkspaceService(deps: {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  bus: EventBus;
  startDemo: (stateDir: string) => Promise<DemoBackend>;
  /** Before the demo opens, and before its emulator stops (the core stops the demo's jobs then). */
  demoLifecycle?: { opening(): void; closing(): void };
}): WorkspaceService {
  const userWorkspace = (): Workspace => ({
    kind: 'user',
    awsEnv: deps.env,
    awsHome: deps.env.HOME || deps.env.USERPROFILE || homedir(),
    activeProfiles: [],
  });
  let workspace = userWorkspace();
  let demo: DemoBackend | undefined;
  let opening: Promise<Workspace> | undefined;

  function changed(next: Workspace): Workspace {
    workspace = next;
    deps.bus.emit('workspace:changed', { kind: next.kind, activeProfiles: next.activeProfiles });
    return next;
  }

  async function stopDemo() {
    if (demo) deps.demoLifecycle?.closing();
    const running = demo;
    demo = undefined;
    await running?.close();
  }

  return {
    current: () => workspace,
    openDemo() {
      if (workspace.kind === 'demo') return Promise.resolve(workspace);
      // Two clicks on "Open the demo workspace" must not start two emulators.
      opening ??= (async () => {
        const stateDir = join(deps.dataDir, 'demo');
        const awsHome = join(stateDir, 'home');
        // Every demo starts a fresh emulator: tokens and client registrations cached by an earlier
        // one would be refused, so the demo's own token cache starts empty too.
        // A sign-in of the demo just left may still be saving its token there: rm retries while
        // the folder fills under it (ENOTEMPTY) instead of failing the open.
        await rm(join(awsHome, '.aws', 'sso', 'cache'), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
        await mkdir(awsHome, { recursive: true, mode: 0o700 });
        deps.demoLifecycle?.opening();
        demo = await deps.startDemo(stateDir);
        return changed({
          kind: 'demo',
          awsEnv: { AWS_CONFIG_FILE: demo.configFile, AWS_SHARED_CREDENTIALS_FILE: demo.credentialsFile ?? join(stateDir, 'no-credentials') },
          awsHome,
          activeProfiles: demo.profiles.filter((p) => p.kind === 'sso').map((p) => p.name),
          demo: { endpoint: demo.endpoint, profiles: demo.profiles },
        });
      })().finally(() => {
        opening = undefined;
      });
      return opening;
    },
    async openUser() {
      await stopDemo();
      return changed(userWorkspace());
    },
    setActiveProfiles(names) {
      return changed({ ...workspace, activeProfiles: [...new Set(names)] });
    },
    close: stopDemo,
  };
}
