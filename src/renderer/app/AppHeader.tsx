import { DemoBadge } from '../features/workspace/DemoBadge';
import { useWorkspace } from '../features/workspace/workspace-context';
import { WorkspaceSelector } from '../features/workspace/WorkspaceSelector';
import { ShieldIcon } from '../ui/icons';

export function AppHeader() {
  const { info, kind } = useWorkspace();
  // app:info says "demo" when the app was started with --demo; the workspace when it was opened since.
  const demo = kind === 'demo' || (kind === undefined && info.data?.demo === true);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <ShieldIcon className="app-header__logo" />
        <span className="app-header__name">Auditdesk</span>
      </div>
      <div className="app-header__workspace">
        <span className="app-header__workspace-label">Workspace</span>
        {demo ? <DemoBadge /> : <span className="app-header__workspace-name">Local AWS profiles</span>}
      </div>
      <div className="app-header__tools">
        <WorkspaceSelector />
      </div>
    </header>
  );
}
