import { useEffect, useId } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { JobsIcon } from '../../ui/icons';
import { ProgressBar } from '../../ui/ProgressBar';
import { usePopover } from '../../ui/use-popover';
import { isActive, percentDone } from './jobs-state';
import { JobRow } from './JobRow';
import { useJobs } from './use-jobs';
import './jobs.css';

/**
 * The status bar's jobs button and its panel. While something runs, the button itself shows the
 * first running job's progress, so a long sync stays visible without opening anything.
 */
export function JobsTray() {
  const { jobs, listError, retry, cancel } = useJobs();
  const popover = usePopover();
  const panelId = useId();
  const active = jobs.filter(isActive);

  useEffect(() => {
    if (popover.open) popover.panelRef.current?.focus();
  }, [popover.open, popover.panelRef]);
  // The button shows one job: the first whose size is known, so its bar means something.
  const lead = active.find((job) => job.total !== undefined) ?? active[0];
  const leadPercent = lead ? percentDone(lead) : undefined;
  const summary = active.length > 0 ? `${active.length} running` : jobs.length > 0 ? `${jobs.length} finished` : 'none';

  return (
    <div className="jobs-tray">
      <button
        ref={popover.buttonRef}
        type="button"
        className="status-button"
        aria-expanded={popover.open}
        aria-controls={panelId}
        onClick={popover.toggle}
        data-testid="jobs-button"
        data-active-jobs={active.length}
      >
        <JobsIcon />
        <span>
          Jobs: <strong>{listError ? 'unavailable' : summary}</strong>
        </span>
        {lead ? (
          <span className="status-button__progress">
            <ProgressBar label={`${lead.title} progress`} value={lead.total !== undefined ? lead.current : undefined} max={lead.total} text={lead.step} />
            {leadPercent !== undefined ? <span className="status-button__percent">{leadPercent} %</span> : null}
          </span>
        ) : null}
      </button>
      {popover.open ? (
        <div ref={popover.panelRef} id={panelId} role="region" aria-label="Jobs" className="popover popover--up jobs-panel" tabIndex={-1}>
          <div className="popover__header">
            <p className="popover__title">Jobs</p>
            <p className="popover__subtitle">Syncs, imports and exports of this session. Cancelling keeps what was already stored.</p>
          </div>
          {listError ? <ErrorNotice compact title="Could not list the jobs" error={listError} onRetry={retry} /> : null}
          {jobs.length === 0 && !listError ? (
            <p className="popover__empty">No jobs in this session yet. CloudTrail syncs, imports and report exports show their progress here.</p>
          ) : (
            <ul className="jobs-panel__list" aria-label="Jobs">
              {jobs.map((job) => (
                <JobRow key={job.id} job={job} onCancel={cancel} />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
