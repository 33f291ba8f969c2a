import { mkdir } from 'node:fs/promises';
import { createJobRunner, type JobRunner } from '../services/jobs/job-runner';
import { resolveAwsConfigPaths } from '../services/profiles/config-paths';
import { createProfilesService, type ProfilesService } from '../services/profiles/profiles-service';
import { createEventBus, type EventBus } from './event-bus';
import { appVersion } from './app-version';

export interface CoreOptions {
  /** The per-user data folder (see resolveDataDir). */
  dataDir: string;
  /** The environment AWS settings are read from; injected so tests never see the real one. */
  env: NodeJS.ProcessEnv;
  face: 'electron' | 'web' | 'cli';
  /** Opens a URL in the system browser (Electron's shell.openExternal, or `open` in web mode). */
  openExternal: (url: string) => Promise<void>;
  demo?: boolean;
  clock?: () => Date;
}

/** Everything the handlers and the CLI use. One per process; Electron-free. */
export interface Core {
  options: CoreOptions;
  version: string;
  bus: EventBus;
  jobs: JobRunner;
  profiles: ProfilesService;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const bus = createEventBus();
  const jobs = createJobRunner({ bus, clock: options.clock });
  const profiles = createProfilesService({ paths: () => resolveAwsConfigPaths(options.env) });
  return {
    options,
    version: appVersion(),
    bus,
    jobs,
    profiles,
    async close() {
      for (const job of jobs.list()) if (job.state === 'running' || job.state === 'paused') jobs.cancel(job.id);
    },
  };
}
