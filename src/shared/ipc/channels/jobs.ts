import { z } from 'zod';

export const JobState = z.enum(['running', 'paused', 'done', 'failed', 'cancelled']);

export const JobSummary = z.object({
  /** Opaque id returned by the channel that started the job. */
  id: z.string(),
  /** What kind of work: `trail-sync`, `trail-import`, `report`… */
  kind: z.string(),
  /** A short label for the jobs tray. */
  title: z.string(),
  state: JobState,
  /** The step being worked on, in words ("us-east-1 · 111111111111"). */
  step: z.string(),
  current: z.number(),
  /** Undefined while the total is not known yet. */
  total: z.number().optional(),
  /** Estimated milliseconds left, where it can be estimated. */
  etaMs: z.number().optional(),
  /** Why it failed or paused, for the user. */
  message: z.string().optional(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
});
export type JobSummary = z.infer<typeof JobSummary>;

export const jobsChannels = {
  /** Every job of this run, newest first. */
  'jobs:list': { input: z.object({}).strict(), output: z.array(JobSummary) },
  /** Asks a running job to stop; it keeps what it already stored. */
  'jobs:cancel': { input: z.object({ jobId: z.string().min(1) }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const;

export const jobsEvents = {
  /** Sent whenever a job moves: new step, progress, or a change of state. */
  'jobs:progress': z.object({
    jobId: z.string(),
    step: z.string(),
    current: z.number(),
    total: z.number().optional(),
    etaMs: z.number().optional(),
    job: JobSummary,
  }),
} as const;
