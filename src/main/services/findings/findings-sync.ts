import { AppError } from '../../../shared/ipc/result';
import { describeAwsError, isAbortError } from '../../aws/aws-errors';
import type { JobContext, JobRunner } from '../jobs/job-runner';
import type { Call } from './access-analyzer-calls';
import { computeCoverage } from './coverage';
import type { FindingsAws } from './findings-aws';
import type { FindingsStore } from './findings-store';
import { syncRegion, type RegionOutcome } from './region-sync';
import { runLimited } from './run-limited';
import { withThrottleRetry, type ThrottleRetryOptions } from './throttle-retry';

export interface FindingsSyncRequest {
  /** Default: the workspace's active profiles. */
  profiles?: string[];
  /** Added to every profile's own regions. */
  regions?: string[];
}

export interface FindingsSyncReport {
  outcomes: RegionOutcome[];
  /** Profiles whose account could not be told (no identity, nothing in their configuration). */
  profileErrors: { profile: string; message: string }[];
  findings: number;
}

export interface FindingsSyncDeps {
  aws: FindingsAws;
  /** The store of the current workspace, looked up when the job starts. */
  store: () => FindingsStore;
  jobs: JobRunner;
  activeProfiles: () => string[];
  clock?: () => Date;
  /** Account-regions synced at once. */
  regionConcurrency?: number;
  /** GetFindingV2 calls at once per analyzer. */
  detailsConcurrency?: number;
  throttle?: Omit<ThrottleRetryOptions, 'signal'>;
}

export interface FindingsSync {
  /** Starts a sync job, or returns the one already running (two would only fetch the same twice). */
  start(request: FindingsSyncRequest): { jobId: string; done: Promise<FindingsSyncReport> };
}

interface Target {
  profile: string;
  account: string;
  region: string;
}

export function createFindingsSync(deps: FindingsSyncDeps): FindingsSync {
  const now = deps.clock ?? (() => new Date());
  let running: { jobId: string; done: Promise<FindingsSyncReport> } | undefined;

  async function resolveTargets(profiles: string[], extraRegions: string[], ctx: JobContext) {
    const profileErrors: FindingsSyncReport['profileErrors'] = [];
    const targets = new Map<string, Target>();
    const resolved = await runLimited(profiles, 4, async (profile) => {
      ctx.progress({ step: `Identifying ${profile}` });
      let account: string | undefined;
      try {
        account = (await deps.aws.withSignInRetry(profile, ctx, () => deps.aws.identity(profile, ctx.signal))).account;
      } catch (error) {
        if (isAbortError(error) || ctx.signal.aborted) throw error;
        account = await deps.aws.accountHint(profile).catch(() => undefined);
        if (!account) profileErrors.push({ profile, message: `Could not tell the account: ${describeAwsError(error)}` });
      }
      const regions = await deps.aws.regions(profile).catch(() => ['us-east-1']);
      return { profile, account: account ?? `unknown (${profile})`, regions: [...new Set([...regions, ...extraRegions])] };
    });
    // Two profiles into one account read the same analyzers: each account-region once, by the first profile listed.
    for (const { profile, account, regions } of resolved) {
      for (const region of regions) {
        const key = `${account}/${region}`;
        if (!targets.has(key)) targets.set(key, { profile, account, region });
      }
    }
    return { targets: [...targets.values()], profileErrors };
  }

  async function run(request: Required<FindingsSyncRequest>, ctx: JobContext): Promise<FindingsSyncReport> {
    const store = deps.store();
    const { targets, profileErrors } = await resolveTargets(request.profiles, request.regions, ctx);
    const retrievedAt = now().toISOString();
    let done = 0;
    let findings = 0;
    ctx.progress({ step: `${targets.length} account-regions to read`, current: 0, total: targets.length });

    const outcomes = await runLimited(targets, deps.regionConcurrency ?? 4, async (target) => {
      const where = `${target.region} · ${target.account}`;
      const call: Call = (send) =>
        deps.aws.withSignInRetry(target.profile, ctx, () => withThrottleRetry(() => send(ctx.signal), { ...deps.throttle, signal: ctx.signal }));
      let outcome: RegionOutcome;
      try {
        const client = await deps.aws.accessAnalyzer(target.profile, target.region);
        outcome = await syncRegion({
          ...target,
          client,
          call,
          store,
          retrievedAt,
          detailsConcurrency: deps.detailsConcurrency ?? 5,
          onAnalyzer: (name) => ctx.progress({ step: `${where} · ${name}` }),
          onFinding: () => {
            findings++;
            if (findings % 25 === 0) ctx.progress({ step: `${where} · ${findings} findings so far` });
          },
        });
      } catch (error) {
        if (isAbortError(error) || ctx.signal.aborted) throw error;
        outcome = { ...target, status: 'error', message: describeAwsError(error), analyzers: [], analyzerFailures: [], findings: 0, detailsFetched: 0, detailsFailed: 0 };
      }
      done++;
      ctx.progress({ step: `${where} · ${describeOutcome(outcome)}`, current: done });
      return outcome;
    });

    await store.replaceCoverage(computeCoverage(outcomes, now().toISOString()));
    const total = outcomes.reduce((sum, o) => sum + o.findings, 0);
    ctx.progress({ step: summarize(outcomes, total, profileErrors.length), current: targets.length });
    return { outcomes, profileErrors, findings: total };
  }

  return {
    start(request) {
      if (running) return running;
      const profiles = [...new Set(request.profiles ?? deps.activeProfiles())];
      if (profiles.length === 0) {
        throw new AppError('findings:no-profiles', 'No profile is active. Choose the profiles to sync under “Active profiles” in the header.');
      }
      const regions = [...new Set(request.regions ?? [])];
      const started = deps.jobs.start({
        kind: 'findings-sync',
        title: `Sync findings · ${profiles.length === 1 ? profiles[0] : `${profiles.length} profiles`}`,
        run: (ctx) => run({ profiles, regions }, ctx),
      });
      const current = { jobId: started.jobId, done: started.done };
      running = current;
      void started.done.catch(() => undefined).finally(() => {
        if (running === current) running = undefined;
      });
      return current;
    },
  };
}

function describeOutcome(o: RegionOutcome): string {
  if (o.status !== 'ok') return o.status === 'denied' ? 'access denied' : 'failed';
  if (o.analyzers.length === 0) return 'no analyzer';
  return `${o.findings} findings`;
}

function summarize(outcomes: readonly RegionOutcome[], findings: number, profileErrors: number): string {
  const denied = outcomes.filter((o) => o.status === 'denied' || o.analyzerFailures.some((f) => f.failure === 'denied')).length;
  const failed = outcomes.filter((o) => o.status === 'error' || o.analyzerFailures.some((f) => f.failure === 'error')).length;
  const parts = [`${findings} findings from ${outcomes.length} account-regions`];
  if (denied) parts.push(`${denied} denied`);
  if (failed) parts.push(`${failed} failed`);
  if (profileErrors) parts.push(`${profileErrors} profiles not identified`);
  return parts.join(' · ');
}
