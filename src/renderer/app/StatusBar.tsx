import { JobsTray } from '../features/jobs/JobsTray';
import { useWorkspace } from '../features/workspace/workspace-context';

/** Where the core runs and what it is doing: the facts a bug report starts with, and the jobs. */
export function StatusBar() {
  const { info } = useWorkspace();
  return (
    <footer className="status-bar">
      <div className="status-bar__facts">
        {info.data ? (
          <>
            <span className="status-bar__fact">
              <span className="status-dot status-dot--ok" aria-hidden="true" />
              {info.data.face === 'electron' ? 'Desktop app' : 'Browser mode'}
            </span>
            <span className="status-bar__fact">v{info.data.version}</span>
            <span className="status-bar__fact status-bar__path" title={info.data.dataDir}>
              Data: <code>{info.data.dataDir}</code>
            </span>
          </>
        ) : info.status === 'error' ? (
          <span className="status-bar__fact text-danger" role="alert">
            <span className="status-dot status-dot--error" aria-hidden="true" />
            Core unreachable: {info.error.message}{' '}
            <button type="button" className="link-button" onClick={info.reload}>
              Retry
            </button>
          </span>
        ) : (
          <span className="status-bar__fact">Connecting…</span>
        )}
      </div>
      <JobsTray />
    </footer>
  );
}
