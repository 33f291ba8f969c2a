import type { DisplayError } from '../api/display-error';
import { ErrorIcon } from '../ui/icons';

/** The last resort, outside the shell: the app itself failed to render. */
export function CrashScreen({ error }: { error: DisplayError }) {
  return (
    <div className="crash" role="alert">
      <ErrorIcon className="crash__icon" />
      <h1 className="crash__title">Auditdesk hit an error it could not recover from</h1>
      <p className="crash__message">{error.message}</p>
      <p className="crash__meta">
        Error code <code>{error.code}</code>. Your AWS files and the local index were not changed.
      </p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        Reload Auditdesk
      </button>
    </div>
  );
}
