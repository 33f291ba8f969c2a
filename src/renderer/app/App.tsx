import type { Api } from '../api/api';
import { ApiProvider } from '../api/api-context';
import { WorkspaceProvider } from '../features/workspace/WorkspaceProvider';
import { AppShell } from './AppShell';
import './app.css';

export function App({ api }: { api: Api }) {
  return (
    <ApiProvider api={api}>
      <WorkspaceProvider>
        <AppShell />
      </WorkspaceProvider>
    </ApiProvider>
  );
}
