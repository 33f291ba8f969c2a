import type { DisplayError } from '../api/display-error';
import { ErrorNotice } from '../ui/ErrorNotice';

/** A view that failed to render, shown inside the shell so navigation keeps working. */
export function ViewCrash({ error, onRetry }: { error: DisplayError; onRetry: () => void }) {
  return (
    <div className="view view--crashed" data-ready="true">
      <ErrorNotice title="This view failed to render" error={error} onRetry={onRetry} />
    </div>
  );
}
