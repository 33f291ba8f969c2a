import type { ReactNode } from 'react';
import type { RouteId } from '../app/routes';
import { VIEW_TITLE_ID } from './ViewHeader';

/**
 * Every view's outer element. `data-ready` flips once the view shows its real content (or its
 * error): the milestone the E2E tests wait for instead of sleeping.
 */
export function ViewFrame({ view, ready, children }: { view: RouteId; ready: boolean; children: ReactNode }) {
  return (
    <section className={`view view--${view}`} aria-labelledby={VIEW_TITLE_ID} data-view={view} data-ready={ready ? 'true' : 'false'} aria-busy={!ready}>
      {children}
    </section>
  );
}
