import { mkdir } from 'node:fs/promises';
import { createJobRunner, type JobRunner } from '../services/jobs/job-runner';
import { resolveAwsConfigPaths } from '../services/profiles/config-paths';
import { createProfilesService, type ProfilesService } from '../services/profiles/profiles-service';
import { createSessionsService, type SessionsService } from '../services/sessions/sessions-service';
import { createWorkspaceService, type DemoBackend, type WorkspaceService } from '../services/workspace/workspace-service';
import { createEventBus, type EventBus } from './event-bus';
import { appVersion } from './app-version';
import { createEventServices, type EventServices } from './event-services';
import { createCoreFindings, type FindingsService } from '../services/findings/findings-core-deps';
import { createReportsService, type ReportsService } from '../services/reports/reports-service';

export interface CoreOptions {
  /** The per-user data folder (see resolveDataDir). */
  dataDir: string;
  /** The environment AWS settings are read from; injected so tests never see the real one. */
  env: NodeJS.ProcessEnv;
  face: 'electron' | 'web' | 'cli';
  /** Opens a URL in the system browser (Electron's shell.openExternal, or `open` in web mode). */
  openExternal: (url: string) => Promise<void>;
  /** Open the demo workspace at start (`auditdesk web --demo`). */
  demo?: boolean;
  clock?: () => Date;
  /** How the demo workspace gets its AWS; the emulator by default, injectable for tests. */
  startDemo?: (stateDir: string) => Promise<DemoBackend>;
  /** Where services write diagnostics (already redacted by them); stderr in the CLI and the shell. */
  log?: (line: string) => void;
}

/** Everything the handlers and the CLI use. One per process; Electron-free. */
export interface Core {
  options: CoreOptions;
  version: string;
  bus: EventBus;
  jobs: JobRunner;
  workspace: WorkspaceService;
  profiles: ProfilesService;
  sessions: SessionsService;
  /** The local index, search, sync, imports and saved searches. */
  events: EventServices;
  /** IAM Access Analyzer findings: sync, the inbox, triage with a recorded justification. */
  findings: FindingsService;
  /** CSV and PDF reports of events and findings, under `<dataDir>/reports/`. */
  reports: ReportsService;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const bus = createEventBus();
  const jobs = createJobRunner({ bus, clock: options.clock });
  // The jobs started in the demo talk to its emulator, which stops when the user goes back to
  // their own profiles: they are cancelled first, rather than report the stopped emulator as an
  // error of every account-region they had left.
  let jobsBeforeDemo = new Set<string>();
  const workspace = createWorkspaceService({
    env: options.env,
    dataDir: options.dataDir,
    bus,
    demoLifecycle: {
      opening: () => {
        jobsBeforeDemo = new Set(jobs.list().map((job) => job.id));
      },
      closing: () => {
        for (const job of jobs.list()) if (!jobsBeforeDemo.has(job.id) && (job.state === 'running' || job.state === 'paused')) jobs.cancel(job.id);
      },
    },
    startDemo: options.startDemo ?? (async (stateDir) => (await import('../services/workspace/start-demo-emulator')).startDemoEmulator(stateDir)),
  });
  const profiles = createProfilesService({
    paths: () => resolveAwsConfigPaths(workspace.current().awsEnv, workspace.current().awsHome),
    // Called on a listing, long after the sessions service below exists.
    added: () => sessions.addedProfiles(),
  });
  // Before the demo opens: the sessions service signs in to it when it sees workspace:changed.
  const sessions = createSessionsService({ workspace, bus, openExternal: options.openExternal, clock: options.clock, log: options.log });
  const events = createEventServices({
    dataDir: options.dataDir,
    bus,
    jobs,
    workspace,
    sessions,
    clock: options.clock,
    log: options.log,
    textIndexDelayMs: textIndexDelay(options.env),
  });
  const findings = createCoreFindings({ dataDir: options.dataDir, jobs, workspace, sessions, clock: options.clock });
  const reports = createReportsService({ dataDir: options.dataDir, jobs, search: events.search, store: events.store, syncStatus: async () => (await events.sync.status()).accountRegions, findings, workspace: () => workspace.current(), version: appVersion(), clock: options.clock });
  if (options.demo) {
    await workspace.openDemo();
    // `auditdesk web --demo` is the newcomer's first look: fill every view without a click.
    // Both jobs wait for the demo's own sign-in, which starts with the workspace.
    events.sync.start({});
    findings.sync({});
  }
  return {
    options,
    version: appVersion(),
    bus,
    jobs,
    workspace,
    profiles,
    sessions,
    events,
    findings,
    reports,
    async close() {
      for (const job of jobs.list()) if (job.state === 'running' || job.state === 'paused') jobs.cancel(job.id);
      await events.close();
      await findings.close();
      await sessions.close();
      await workspace.close();
    },
  };
}

/** AUDITDESK_TEXT_INDEX_DELAY_MS: how long writes must pause before the text index catches up (default 2 s). */
function textIndexDelay(env: NodeJS.ProcessEnv): number | undefined {
  const ms = Number(env.AUDITDESK_TEXT_INDEX_DELAY_MS);
  return Number.isInteger(ms) && ms >= 0 ? ms : undefined;
}
