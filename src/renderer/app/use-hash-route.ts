import { useCallback, useSyncExternalStore } from 'react';
import { defaultRoute, hashFor, routeFromHash, type RouteId } from './routes';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/**
 * The view lives in the URL hash (`#/events`), so a reload keeps it, the back button works,
 * and tests deep-link. Hashes that are not routes (an in-page anchor) leave the view as it is.
 */
export function useHashRoute(): [RouteId, (route: RouteId) => void] {
  const hash = useSyncExternalStore(subscribe, readHash);
  const route = routeFromHash(hash) ?? defaultRoute;
  const navigate = useCallback((next: RouteId) => {
    if (window.location.hash !== hashFor(next)) window.location.hash = hashFor(next);
  }, []);
  return [route, navigate];
}
