// Global styles first: component stylesheets imported below may refine them.
import './styles/theme.css';
import './styles/base.css';
import './ui/ui.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultApi } from './api/api';
import { App } from './app/App';
import { CrashScreen } from './app/CrashScreen';
import { ErrorBoundary } from './app/ErrorBoundary';

/** Creates the api inside the error boundary, so a bridge that fails to start is shown, not blank. */
function Root() {
  const [api] = useState(createDefaultApi);
  return <App api={api} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary fallback={(error) => <CrashScreen error={error} />}>
      <Root />
    </ErrorBoundary>
  </StrictMode>,
);
