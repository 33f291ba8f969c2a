import { useState } from 'react';
import type { JobSummary } from '../../../shared/ipc/channels/jobs';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatEta, isActive, percentDone } from './jobs-state';
import { JobStateBadge } from './JobStateBadge';

const barTone = { running: 'accent', paused: 'warn', done: 'ok', failed: 'danger', cancelled: 'muted' } as const;

export function JobRow({ job, onCancel }: { job: JobSummary; onCancel: (jobId: string) => Promise<{ cancelled: boolean }> }) {
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<DisplayError>();
  const percent = percentDone(job);
  const eta = job.state === 'running' ? formatEta(job.etaMs) : undefined;
  const counts = job.total !== undefined ? `${job.current.toLocaleString()} of ${job.total.toLocaleString()}` : job.current > 0 ? `${job.current.toLocaleString()} so far` : undefined;

  async function cancel() {
    setCancelling(true);
    setError(undefined);
    try {
      await onCancel(job.id);
    } catch (failure) {
      setError(toDisplayError(failure));
    } finally {
      setCancelling(false);
    }
  }

  return (
    <li className="job" data-job-id={job.id} data-state={job.state} aria-label={job.title}>
      <div className="job__head">
        <span className="job__title">{job.title}</span>
        <JobStateBadge state={job.state} />
      </div>
      <ProgressBar
        label={`${job.title} progress`}
        value={job.state === 'done' ? (job.total ?? 1) : job.total !== undefined ? job.current : undefined}
        max={job.state === 'done' ? (job.total ?? 1) : job.total}
        text={[percent !== undefined ? `${percent} %` : 'Working', job.step, eta].filter(Boolean).join(', ')}
        tone={barTone[job.state]}
      />
      <div className="job__meta">
        <span className="job__step">{job.step}</span>
        <span className="job__numbers">{[counts, percent !== undefined ? `${percent} %` : undefined, eta].filter(Boolean).join(' · ')}</span>
      </div>
      {job.message ? <p className={job.state === 'failed' ? 'job__message text-danger' : 'job__message'}>{job.message}</p> : null}
      {error ? (
        <p className="job__message text-danger" role="alert">
          Could not cancel: {error.message}
        </p>
      ) : null}
      {isActive(job) ? (
        <button type="button" className="button button--small button--danger-quiet job__cancel" onClick={() => void cancel()} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : null}
    </li>
  );
}
