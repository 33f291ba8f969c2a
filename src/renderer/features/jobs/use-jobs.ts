import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JobSummary } from '../../../shared/ipc/channels/jobs';
import { useApi } from '../../api/api-context';
import { toDisplayError, type DisplayError } from '../../api/display-error';
import { applyProgress, mergeListed, sortedJobs } from './jobs-state';

/**
 * The jobs of this run: `jobs:list` once, then every `jobs:progress` event. Subscribing first and
 * listing second means no job can start in the gap between the two and go unseen.
 */
export function useJobs() {
  const api = useApi();
  const [byId, setById] = useState<ReadonlyMap<string, JobSummary>>(new Map());
  const [listError, setListError] = useState<DisplayError>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    const unsubscribe = api.on('jobs:progress', (event) => setById((jobs) => applyProgress(jobs, event.job)));
    setListError(undefined);
    api.invoke('jobs:list', {}).then(
      (listed) => {
        if (current) setById((jobs) => mergeListed(jobs, listed));
      },
      (error: unknown) => {
        if (current) setListError(toDisplayError(error));
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [api, generation]);

  const cancel = useCallback((jobId: string) => api.invoke('jobs:cancel', { jobId }), [api]);
  const retry = useCallback(() => setGeneration((n) => n + 1), []);
  const jobs = useMemo(() => sortedJobs(byId), [byId]);
  return { jobs, listError, retry, cancel };
}
