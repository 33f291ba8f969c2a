/** A quiet, announced loading line; views only show it on first load, never over stale data. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
