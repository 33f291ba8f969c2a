import type { DisplayError } from '../api/display-error';
import { ErrorIcon, ReloadIcon } from './icons';

/**
 * A failure shown where the data would have been: what failed, the core's own sentence, its code
 * for a bug report, and a way to try again. Never a blank area.
 */
export function ErrorNotice({ title, error, onRetry, compact }: { title: string; error: DisplayError; onRetry?: () => void; compact?: boolean }) {
  return (
    <div className={compact ? 'notice notice--error notice--compact' : 'notice notice--error'} role="alert">
      <ErrorIcon className="notice__icon" />
      <div className="notice__body">
        <p className="notice__title">{title}</p>
        <p className="notice__message">{error.message}</p>
        <p className="notice__meta">
          Error code <code>{error.code}</code>
        </p>
      </div>
      {onRetry ? (
        <button type="button" className="button button--secondary notice__action" onClick={onRetry}>
          <ReloadIcon /> Try again
        </button>
      ) : null}
    </div>
  );
}
