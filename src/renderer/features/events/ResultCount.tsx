import { plural } from './event-format';
import type { EventSearch } from './use-event-search';

/** How many events match, and how many of them are loaded so far: the auditor's "n of N". */
export function ResultCount({ search }: { search: EventSearch }) {
  if (search.facets === undefined && search.status === 'loading') return <span>Searching the local index…</span>;
  if (search.status === 'error') return <span className="result-count">The search did not run{search.rows.length > 0 ? '; the dimmed results are from the previous one' : ''}.</span>;
  const total = search.totalExact ? plural(search.total, 'event') : `At least ${plural(search.total, 'event')}`;
  return (
    <span className="result-count" role="status" data-testid="result-count">
      <strong>{total}</strong> {search.total === 1 ? 'matches' : 'match'}
      {search.rows.length > 0 && search.rows.length < search.total ? <span className="muted"> · {search.rows.length.toLocaleString('en-US')} loaded, more as you scroll</span> : null}
      {search.status === 'loading' ? <span className="muted"> · updating…</span> : null}
      {search.textIndexPending > 0 ? (
        <span className="muted" data-testid="text-index-pending">
          {' '}
          · text index still building ({plural(search.textIndexPending, 'event')} left), so free text is slower
        </span>
      ) : null}
    </span>
  );
}
