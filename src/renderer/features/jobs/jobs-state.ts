import type { JobSummary } from '../../../shared/ipc/channels/jobs';

export type JobsById = ReadonlyMap<string, JobSummary>;

/** A progress event always carries the job's latest summary: it replaces what we had. */
export function applyProgress(jobs: JobsById, job: JobSummary): Map<string, JobSummary> {
  const next = new Map(jobs);
  next.set(job.id, job);
  return next;
}

/**
 * `jobs:list` is asked for after subscribing to `jobs:progress`, so an event that arrived while
 * the list was on its way is newer than the list's copy of that job and is kept.
 */
export function mergeListed(jobs: JobsById, listed: readonly JobSummary[]): Map<string, JobSummary> {
  const next = new Map(jobs);
  for (const job of listed) if (!next.has(job.id)) next.set(job.id, job);
  return next;
}

/** Newest first, as `jobs:list` orders them. */
export function sortedJobs(jobs: JobsById): JobSummary[] {
  return [...jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

export function isActive(job: JobSummary): boolean {
  return job.state === 'running' || job.state === 'paused';
}

/** 0..100, or undefined while the total is unknown (the bar is then indeterminate). */
export function percentDone(job: Pick<JobSummary, 'current' | 'total' | 'state'>): number | undefined {
  if (job.state === 'done') return 100;
  if (job.total === undefined || job.total <= 0) return undefined;
  return Math.max(0, Math.min(100, Math.round((job.current / job.total) * 100)));
}

/** "about 40 s left", "about 3 min left", "about 1 h 5 min left". */
export function formatEta(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return undefined;
  const seconds = Math.round(ms / 1000);
  if (seconds < 5) return 'a few seconds left';
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `about ${hours} h ${rest} min left` : `about ${hours} h left`;
}
