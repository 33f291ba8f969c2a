import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobSummary } from '../../../shared/ipc/channels/jobs';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';

const KIND = 'findings-sync';
const isRunning = (job: JobSummary | undefined) => job?.state === 'running' || job?.state === 'paused';

/**
 * The findings sync job as this view sees it: started here or elsewhere (the CLI, another
 * window), followed through `jobs:progress`. `onAdvance` fires as account-regions complete (the
 * view refreshes its rows), `onFinished` once at the end.
 */
export function useFindingsSync(callbacks: { onAdvance(): void; onFinished(job: JobSummary): void }) {
  const api = useApi();
  const [job, setJob] = useState<JobSummary>();
  const [error, setError] = useState<DisplayError>();
  const [starting, setStarting] = useState(false);
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const seen = useRef(new Map<string, JobSummary>());

  const follow = useCallback((next: JobSummary) => {
    if (next.kind !== KIND) return;
    const before = seen.current.get(next.id);
    seen.current.set(next.id, next);
    setJob((current) => (current && current.id !== next.id && isRunning(current) && !isRunning(next) ? current : next));
    if (!before) return;
    if (isRunning(before) && !isRunning(next)) latest.current.onFinished(next);
    else if (next.current > before.current) latest.current.onAdvance();
  }, []);

  useEffect(() => {
    let current = true;
    const unsubscribe = api.on('jobs:progress', (event) => follow(event.job));
    api.invoke('jobs:list', {}).then(
      (jobs) => {
        if (!current) return;
        const mine = jobs.find((j) => j.kind === KIND);
        if (mine && !seen.current.has(mine.id)) {
          seen.current.set(mine.id, mine);
          setJob(mine);
        }
      },
      () => undefined,
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [api, follow]);

  const start = useCallback(
    async (input: { profiles: string[]; regions: string[] }) => {
      setStarting(true);
      setError(undefined);
      try {
        const { jobId } = await api.invoke('findings:sync', input);
        // Progress events may have arrived before the answer; if not, the job shows as starting.
        setJob((current) => (current?.id === jobId ? current : { id: jobId, kind: KIND, title: 'Sync findings', state: 'running', step: 'Starting', current: 0, startedAt: new Date().toISOString() }));
        if (!seen.current.has(jobId)) seen.current.set(jobId, { id: jobId, kind: KIND, title: 'Sync findings', state: 'running', step: 'Starting', current: 0, startedAt: new Date().toISOString() });
      } catch (e) {
        setError(toDisplayError(e));
      } finally {
        setStarting(false);
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    if (job && isRunning(job)) void api.invoke('jobs:cancel', { jobId: job.id });
  }, [api, job]);

  return { job, running: isRunning(job) || starting, error, start, cancel };
}
