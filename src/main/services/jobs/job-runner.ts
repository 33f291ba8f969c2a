import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { JobSummary } from '../../../shared/ipc/channels/jobs';
import type { EventBus } from '../../core/event-bus';

/** What a job's body gets: a signal to pass to every SDK call, and a way to report progress. */
export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  progress(update: { step?: string; current?: number; total?: number }): void;
  /** Marks the job paused with a reason (e.g. "sign in again"); the body decides when to resume. */
  pause(message: string): void;
  resume(): void;
}

export interface JobSpec<T> {
  kind: string;
  title: string;
  run(ctx: JobContext): Promise<T>;
}

export interface JobRunner {
  /** Starts the job in the background and returns its id at once. */
  start<T>(spec: JobSpec<T>): { jobId: string; done: Promise<T> };
  cancel(jobId: string): boolean;
  list(): JobSummary[];
}

interface JobRecord {
  summary: JobSummary;
  controller: AbortController;
  startedMs: number;
}

/**
 * Listeners a job's signal may have at once without Node's leak warning (10 by default). A job
 * fans out: every account-region of a sync waits on its rate gate, its requests and any sign-in
 * on the one signal, and each removes its listener when done.
 */
export const JOB_SIGNAL_LISTENERS = 1024;

/**
 * Anything longer than a second runs as a job (shared/DESIGN.md "Jobs"): progress events for the
 * jobs tray, an ETA from the observed rate, and cancel through one AbortController.
 */
export function createJobRunner(deps: { bus: EventBus; clock?: () => Date }): JobRunner {
  const clock = deps.clock ?? (() => new Date());
  const jobs = new Map<string, JobRecord>();

  function publish(record: JobRecord) {
    const { summary } = record;
    deps.bus.emit('jobs:progress', {
      jobId: summary.id,
      step: summary.step,
      current: summary.current,
      total: summary.total,
      etaMs: summary.etaMs,
      job: { ...summary },
    });
  }

  function estimateEta(record: JobRecord): number | undefined {
    const { current, total } = record.summary;
    if (total === undefined || current <= 0 || current >= total) return undefined;
    const elapsed = clock().getTime() - record.startedMs;
    return Math.round((elapsed / current) * (total - current));
  }

  return {
    start(spec) {
      const id = randomUUID();
      const controller = new AbortController();
      setMaxListeners(JOB_SIGNAL_LISTENERS, controller.signal);
      const record: JobRecord = {
        controller,
        startedMs: clock().getTime(),
        summary: {
          id,
          kind: spec.kind,
          title: spec.title,
          state: 'running',
          step: 'Starting',
          current: 0,
          startedAt: clock().toISOString(),
        },
      };
      jobs.set(id, record);
      const ctx: JobContext = {
        jobId: id,
        signal: record.controller.signal,
        progress(update) {
          Object.assign(record.summary, Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)));
          record.summary.etaMs = estimateEta(record);
          publish(record);
        },
        pause(message) {
          record.summary.state = 'paused';
          record.summary.message = message;
          publish(record);
        },
        resume() {
          record.summary.state = 'running';
          record.summary.message = undefined;
          publish(record);
        },
      };
      publish(record);
      const done = spec.run(ctx).then(
        (value) => {
          finish(record, record.controller.signal.aborted ? 'cancelled' : 'done');
          return value;
        },
        (error: unknown) => {
          const cancelled = record.controller.signal.aborted;
          finish(record, cancelled ? 'cancelled' : 'failed', cancelled ? undefined : messageOf(error));
          throw error;
        },
      );
      // Callers that only want the id must not see an unhandled rejection.
      done.catch(() => undefined);
      return { jobId: id, done };
    },
    cancel(jobId) {
      const record = jobs.get(jobId);
      if (!record || record.summary.state === 'done' || record.summary.state === 'failed') return false;
      record.controller.abort();
      return true;
    },
    list() {
      return [...jobs.values()].map((r) => ({ ...r.summary })).reverse();
    },
  };

  function finish(record: JobRecord, state: JobSummary['state'], message?: string) {
    record.summary.state = state;
    record.summary.etaMs = undefined;
    if (message) record.summary.message = message;
    record.summary.endedAt = clock().toISOString();
    publish(record);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'The job failed.';
}
