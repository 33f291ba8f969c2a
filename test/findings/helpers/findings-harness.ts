import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AccessAnalyzerClient,
  type AnalyzerSummary,
  type FindingSummaryV2,
  paginateListAnalyzers,
  paginateListFindingsV2,
} from '@aws-sdk/client-accessanalyzer';
import { fromIni } from '@aws-sdk/credential-providers';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { createCore, type Core } from '../../../src/main/core/create-core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher';
import { handlers } from '../../../src/main/ipc/handlers';
import type { JobSummary } from '../../../src/shared/ipc/channels/jobs';
import type { EventPayload } from '../../../src/shared/ipc/contract';

/**
 * A core whose demo workspace is an emulator this test owns (so it can set faults), with the
 * `demo-<account>-keys` profiles active: static keys, no sign-in needed.
 */
export interface FindingsHarness {
  emulator: RunningEmulator;
  core: Core;
  dispatch: Dispatch;
  dataDir: string;
  /** `demo-<name>-keys` for every account. */
  keysProfiles: string[];
  accountOf(profile: string): string;
  profileOf(accountId: string): string;
  /** A plain SDK client against the emulator, for the reference answers. */
  sdk(profile: string, region: string): AccessAnalyzerClient;
  close(): Promise<void>;
}

export async function startFindingsHarness(): Promise<FindingsHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'auditdesk-findings-'));
  const emulator = await startEmulator({ port: 0, stateDir: join(dir, 'emulator'), autoApproveSignIn: true });
  const dataDir = join(dir, 'data');
  const core = await createCore({
    dataDir,
    env: {},
    face: 'cli',
    openExternal: async () => undefined,
    startDemo: async () => ({
      endpoint: emulator.endpoint,
      configFile: emulator.configFile,
      credentialsFile: emulator.credentialsFile,
      profiles: emulator.profiles,
      // The test closes the emulator itself, after the core.
      close: async () => undefined,
    }),
  });
  await core.workspace.openDemo();
  const keysProfiles = emulator.profiles.filter((p) => p.kind === 'keys' && p.name.endsWith('-keys')).map((p) => p.name);
  core.workspace.setActiveProfiles(keysProfiles);
  const dispatch = createDispatcher(handlers, { core });
  const clients: AccessAnalyzerClient[] = [];
  return {
    emulator,
    core,
    dispatch,
    dataDir,
    keysProfiles,
    accountOf(profile) {
      const found = emulator.profiles.find((p) => p.name === profile);
      if (!found) throw new Error(`no profile ${profile}`);
      return found.accountId;
    },
    profileOf(accountId) {
      const found = keysProfiles.find((p) => emulator.profiles.find((e) => e.name === p)?.accountId === accountId);
      if (!found) throw new Error(`no keys profile for ${accountId}`);
      return found;
    },
    sdk(profile, region) {
      const client = new AccessAnalyzerClient({
        region,
        endpoint: emulator.endpoint,
        credentials: fromIni({ profile, filepath: emulator.credentialsFile, configFilepath: emulator.configFile }),
        maxAttempts: 1,
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const c of clients) c.destroy();
      await core.close();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The reference: what the emulator says, asked directly with the SDK, per analyzer. */
export async function referenceListing(h: FindingsHarness, regions: readonly string[]): Promise<{ analyzers: (AnalyzerSummary & { account: string; region: string })[]; findings: Map<string, FindingSummaryV2[]> }> {
  const analyzers: (AnalyzerSummary & { account: string; region: string })[] = [];
  const findings = new Map<string, FindingSummaryV2[]>();
  for (const profile of h.keysProfiles) {
    for (const region of regions) {
      const client = h.sdk(profile, region);
      for await (const page of paginateListAnalyzers({ client }, {})) {
        for (const analyzer of page.analyzers ?? []) {
          analyzers.push({ ...analyzer, account: h.accountOf(profile), region });
          const list: FindingSummaryV2[] = [];
          for await (const fpage of paginateListFindingsV2({ client, pageSize: 50 }, { analyzerArn: analyzer.arn })) list.push(...(fpage.findings ?? []));
          findings.set(analyzer.arn ?? '', list);
        }
      }
    }
  }
  return { analyzers, findings };
}

/** Resolves with the job's summary once it has ended: the job runner's own milestone, no polling. */
export function waitForJob(core: Core, jobId: string): Promise<JobSummary> {
  return new Promise((resolve) => {
    const ended = (job: JobSummary | undefined) => job !== undefined && job.id === jobId && job.state !== 'running' && job.state !== 'paused';
    const unsubscribe = core.bus.subscribe((event, payload) => {
      if (event !== 'jobs:progress') return;
      const job = (payload as EventPayload<'jobs:progress'>).job;
      if (ended(job)) {
        unsubscribe();
        resolve(job);
      }
    });
    const known = core.jobs.list().find((j) => j.id === jobId);
    if (known && ended(known)) {
      unsubscribe();
      resolve(known);
    }
  });
}
