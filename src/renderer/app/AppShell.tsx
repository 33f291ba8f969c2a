import { useEffect, useRef } from 'react';
import { VIEW_TITLE_ID } from '../ui/ViewHeader';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { SideNav } from './SideNav';
import { SkipLink } from './SkipLink';
import { StatusBar } from './StatusBar';
import { isMacPlatform } from './shortcuts';
import { currentPlatform, useGlobalShortcuts } from './use-global-shortcuts';
import { useHashRoute } from './use-hash-route';
import { ViewCrash } from './ViewCrash';
import { ViewForRoute } from './ViewForRoute';
import { MfaPromptHost } from '../features/sessions';

const MAIN_ID = 'main';

export function AppShell() {
  const [route, navigate] = useHashRoute();
  useGlobalShortcuts(navigate);
  useFocusTitleOnNavigation(route);
  const mac = isMacPlatform(currentPlatform());

  return (
    <div className="app" data-route={route}>
      <SkipLink targetId={MAIN_ID} />
      <AppHeader />
      <SideNav current={route} mac={mac} />
      <main id={MAIN_ID} className="app-main" tabIndex={-1}>
        {/* Keyed by route: a view that crashed gets a fresh start when the user comes back. */}
        <ErrorBoundary key={route} fallback={(error, reset) => <ViewCrash error={error} onRetry={reset} />}>
          <ViewForRoute route={route} />
        </ErrorBoundary>
      </main>
      <StatusBar />
      {/* Here, not in a view: a job in any view may need an MFA code. */}
      <MfaPromptHost />
    </div>
  );
}

/** After a view change (not the first render), focus its title so the change is announced. */
function useFocusTitleOnNavigation(route: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(VIEW_TITLE_ID)?.focus({ preventScroll: false });
  }, [route]);
}
